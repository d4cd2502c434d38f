/**
 * The News section's pages: news and trends by theme and country, all trend notes, and a note's
 * own page. Every read goes through the visibility-filtered repositories as the reader.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { NotFoundError } from '../../platform/errors/errors.js';
import { isUuid } from '../../platform/db/columns.js';
import { firstValue, pageOf, type Query } from '../../platform/http/query.js';
import type { PageCache } from '../../ui/render.js';
import { sendPage } from '../../ui/render.js';
import { ANONYMOUS, PRIVATE, type Ctx, type LocaleParams } from '../access/index.js';
import type { NewsItems } from './news.js';
import { NewsPage, TrendPage, TrendsPage } from './pages/news.page.js';
import type { TrendFilter, TrendsRepository } from './trends.repository.js';

export interface NewsRouteDeps {
  news: NewsItems;
  trends: TrendsRepository;
  themeKeys(): Promise<readonly string[]>;
  countryCodes: readonly string[];
  pages: PageCache;
}

export function registerNewsRoutes(site: FastifyInstance, deps: NewsRouteDeps, ctxOf: Ctx): void {
  const filterOf = async (query: Query): Promise<TrendFilter> => {
    const theme = firstValue(query.theme);
    const country = firstValue(query.country);
    return {
      ...(theme && (await deps.themeKeys()).includes(theme) ? { theme } : {}),
      ...(country && deps.countryCodes.includes(country) ? { country } : {}),
    };
  };
  const send = (
    request: FastifyRequest,
    reply: Parameters<PageCache['sendShared']>[0],
    page: JSX.Element,
  ) => (request.viewer ? sendPage(reply, page, PRIVATE) : deps.pages.sendShared(reply, page));

  site.get<{ Params: LocaleParams; Querystring: Query }>('/news', async (request, reply) => {
    const ctx = ctxOf(request, reply);
    const viewer = request.viewer ?? ANONYMOUS;
    const filter = await filterOf(request.query);
    const [news, trends] = await Promise.all([
      deps.news.list(viewer, filter, ctx.locale, pageOf(request.query), 20),
      deps.trends.list(viewer, filter, 1, 6),
    ]);
    return send(
      request,
      reply,
      <NewsPage
        ctx={ctx}
        news={news}
        trends={trends.rows}
        trendsTotal={trends.total}
        filter={filter}
        themes={await deps.themeKeys()}
        countries={deps.countryCodes}
      />,
    );
  });

  site.get<{ Params: LocaleParams; Querystring: Query }>('/news/trends', async (request, reply) => {
    const ctx = ctxOf(request, reply);
    const filter = await filterOf(request.query);
    const listed = await deps.trends.list(
      request.viewer ?? ANONYMOUS,
      filter,
      pageOf(request.query),
      20,
    );
    return send(
      request,
      reply,
      <TrendsPage
        ctx={ctx}
        trends={listed.rows}
        total={listed.total}
        page={listed.page}
        pages={listed.pages}
        filter={filter}
        themes={await deps.themeKeys()}
        countries={deps.countryCodes}
      />,
    );
  });

  site.get<{ Params: LocaleParams & { id: string } }>(
    '/news/trends/:id',
    async (request, reply) => {
      const ctx = ctxOf(request, reply);
      const note = isUuid(request.params.id)
        ? await deps.trends.find(request.viewer ?? ANONYMOUS, request.params.id)
        : null;
      // A members' note is not shown to others, and not said to exist.
      if (note === null || note === 'members-only') throw new NotFoundError();
      return send(request, reply, <TrendPage ctx={ctx} note={note} />);
    },
  );
}
