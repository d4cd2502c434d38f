/**
 * Any list a kind can export, with its filter, as a CSV or JSON file (`<list address>/export.csv|json`):
 * what the same person sees on the page, every page of it (up to EXPORT_LIMIT rows), formula cells
 * neutralised for spreadsheets.
 */
import type { FastifyInstance } from 'fastify';
import { stringify } from 'csv-stringify/sync';
import { ANONYMOUS } from '../features/access/index.js';
import { NotFoundError } from '../platform/errors/errors.js';
import type { Catalogue } from '../platform/i18n/catalogue.js';
import { neutraliseFormula } from '../platform/text/spreadsheet.js';
import type { ContentKind, Params, Query } from './kind.js';

export const EXPORT_LIMIT = 10_000;

export function registerExportRoutes(
  app: FastifyInstance,
  deps: { kinds: readonly ContentKind[]; catalogue: Catalogue },
): void {
  for (const source of deps.kinds.flatMap((kind) => (kind.export ? [kind.export] : []))) {
    app.get<{ Params: Params & { locale: string; format: string }; Querystring: Query }>(
      `/:locale${source.path}/export.:format`,
      { config: { rateLimit: { max: 20, timeWindow: '1 minute' } } },
      async (request, reply) => {
        const { locale, format, ...params } = request.params;
        if (
          !deps.catalogue.isSupported(locale) ||
          !source.accepts(params) ||
          (format !== 'csv' && format !== 'json')
        )
          throw new NotFoundError();
        const viewer = request.viewer ?? ANONYMOUS;
        const records = await source.rows(viewer, params, request.query, locale, EXPORT_LIMIT);
        reply
          .header(
            'content-disposition',
            `attachment; filename="${source.fileName(params)}.${format}"`,
          )
          .header('cache-control', 'no-store');
        if (format === 'json')
          return reply
            .type('application/json; charset=utf-8')
            .send(JSON.stringify(records, null, 2));
        const csv = stringify(
          records.map((record) =>
            Object.fromEntries(
              Object.entries(record).map(([key, value]) => [key, neutraliseFormula(value)]),
            ),
          ),
          { header: true, bom: true },
        );
        return reply.type('text/csv; charset=utf-8').send(csv);
      },
    );
  }
}
