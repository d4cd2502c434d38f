/**
 * The cities' public pages: the list, a city's profile, the comparison and its CSV files. Every
 * read goes through the cities service as the reader (the approved copy, members-only values for
 * members only).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { stringify } from 'csv-stringify/sync';
import { NotFoundError } from '../../platform/errors/errors.js';
import { type Query } from '../../platform/http/query.js';
import { neutraliseFormula } from '../../platform/text/spreadsheet.js';
import type { PageCache } from '../../ui/render.js';
import { sendPage } from '../../ui/render.js';
import { ANONYMOUS, PRIVATE, can, type Ctx, type LocaleParams } from '../access/index.js';
import { indicatorName, type CitiesService } from './cities.service.js';
import { CityPage } from './pages/city.page.js';
import { CitiesPage, ComparePage } from './pages/cities.page.js';

const list = (value: string | string[] | undefined): string[] =>
  (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter(
    (entry) => entry !== '',
  );

export function registerCitiesRoutes(
  site: FastifyInstance,
  deps: { cities: CitiesService; pages: PageCache },
  ctxOf: Ctx,
): void {
  const { cities } = deps;
  const send = (request: FastifyRequest, reply: FastifyReply, page: JSX.Element) =>
    request.viewer ? sendPage(reply, page, PRIVATE) : deps.pages.sendShared(reply, page);

  site.get<{ Params: LocaleParams }>('/cities', async (request, reply) =>
    send(
      request,
      reply,
      <CitiesPage
        ctx={ctxOf(request, reply)}
        cities={await cities.list(request.viewer ?? ANONYMOUS)}
      />,
    ),
  );

  /** The comparison asked for in a query: the cities and the indicators. */
  const comparison = async (request: FastifyRequest<{ Querystring: Query }>) => {
    const viewer = request.viewer ?? ANONYMOUS;
    const { cities: chosen, all } = await cities.compare(viewer, list(request.query.city));
    const indicators = await cities.indicators();
    const asked = new Set(list(request.query.indicator));
    return {
      chosen,
      all,
      indicators,
      chosenIndicators: indicators.filter((indicator) => asked.has(indicator.key)),
    };
  };

  site.get<{ Params: LocaleParams; Querystring: Query }>(
    '/cities/compare',
    async (request, reply) => {
      const ctx = ctxOf(request, reply);
      const found = await comparison(request);
      const query = new URLSearchParams([
        ...found.chosen.map((city): [string, string] => ['city', city.slug]),
        ...found.chosenIndicators.map((indicator): [string, string] => [
          'indicator',
          indicator.key,
        ]),
      ]).toString();
      return send(request, reply, <ComparePage ctx={ctx} {...found} query={query} />);
    },
  );

  // One indicator of the compared cities, a row per city and year.
  site.get<{ Params: LocaleParams; Querystring: Query }>(
    '/cities/compare.csv',
    async (request, reply) => {
      const found = await comparison(request);
      const key = list(request.query.show)[0];
      const indicator = found.indicators.find((entry) => entry.key === key);
      if (!indicator || found.chosen.length === 0) throw new NotFoundError();
      const rows = found.chosen.flatMap((city) =>
        (city.profile?.values ?? [])
          .filter((value) => value.indicator === indicator.key)
          .map((value) => ({
            city: city.name,
            indicator: indicatorName(indicator, request.params.locale),
            year: String(value.year),
            value: String(value.value),
            unit: indicator.unit,
            source: value.source,
          })),
      );
      const csv = stringify(
        rows.map((row) =>
          Object.fromEntries(
            Object.entries(row).map(([name, text]) => [name, neutraliseFormula(text)]),
          ),
        ),
        {
          header: true,
          bom: true,
          columns: ['city', 'indicator', 'year', 'value', 'unit', 'source'],
        },
      );
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="compare-${indicator.key}.csv"`)
        .header('cache-control', 'no-store')
        .send(csv);
    },
  );

  site.get<{ Params: LocaleParams & { slug: string } }>('/cities/:slug', async (request, reply) => {
    const ctx = ctxOf(request, reply);
    const viewer = request.viewer ?? ANONYMOUS;
    const found = await cities.city(viewer, request.params.slug, ctx.locale);
    if (!found) throw new NotFoundError();
    const canEdit = request.viewer
      ? can(request.viewer, 'edit-organisation', { organisationId: found.city.id })
      : false;
    return send(request, reply, <CityPage ctx={ctx} {...found} canEdit={canEdit} />);
  });
}
