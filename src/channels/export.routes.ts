/**
 * Any Knowledge Centre listing, with its filter, as a CSV or JSON file: what the same person sees
 * on the page, every page of it (up to EXPORT_LIMIT rows).
 */
import type { FastifyInstance } from 'fastify';
import { stringify } from 'csv-stringify/sync';
import { ANONYMOUS } from '../features/access/index.js';
import {
  ITEM_SECTIONS,
  type ItemSection,
  type ItemSummaryView,
  type ItemsRepository,
} from '../features/knowledge/index.js';
import { NotFoundError } from '../platform/errors/errors.js';
import type { Catalogue } from '../platform/i18n/catalogue.js';
import { neutraliseFormula } from '../platform/text/spreadsheet.js';
import { itemFilter, type Query } from '../features/knowledge/filters.js';

export const EXPORT_LIMIT = 10_000;
const BATCH = 500;

export function registerExportRoutes(
  app: FastifyInstance,
  deps: {
    items: ItemsRepository;
    catalogue: Catalogue;
    publicUrl: string;
    contentLocales: readonly string[];
  },
): void {
  app.get<{ Params: { locale: string; section: string; format: string }; Querystring: Query }>(
    '/:locale/knowledge/:section/export.:format',
    { config: { rateLimit: { max: 20, timeWindow: '1 minute' } } },
    async (request, reply) => {
      const { locale, section, format } = request.params;
      if (
        !deps.catalogue.isSupported(locale) ||
        !(ITEM_SECTIONS as readonly string[]).includes(section) ||
        (format !== 'csv' && format !== 'json')
      )
        throw new NotFoundError();
      const filter = {
        ...itemFilter(request.query, deps.contentLocales),
        section: section as ItemSection,
      };
      const viewer = request.viewer ?? ANONYMOUS;
      const rows: ItemSummaryView[] = [];
      for (let page = 1; rows.length < EXPORT_LIMIT; page += 1) {
        const listing = await deps.items.listItems(viewer, filter, locale, page, BATCH);
        rows.push(...listing.items);
        if (page >= listing.pages) break;
      }
      const records = rows.slice(0, EXPORT_LIMIT).map((item) => ({
        title: item.title,
        summary: item.summary,
        type: item.type,
        date: item.date,
        language: item.locale,
        themes: item.themes.join(';'),
        url: `${deps.publicUrl}/${locale}/knowledge/${item.section}/${item.slug}`,
      }));
      const name = `${section}-${new Date().toISOString().slice(0, 10)}.${format}`;
      reply
        .header('content-disposition', `attachment; filename="${name}"`)
        .header('cache-control', 'no-store');
      if (format === 'json')
        return reply.type('application/json; charset=utf-8').send(JSON.stringify(records, null, 2));
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
