/** The site search page: items with facets and highlighted extracts, then every other kind. */
import { ANONYMOUS } from '../access/index.js';
import { SearchPage } from './pages/search.page.js';
import { searchRequest } from './search-request.js';
import { MAX_QUERY_LENGTH } from './search.repository.js';
import type { SearchService } from './search.service.js';
import { sendPage } from '../../ui/render.js';
import type { LocaleParams, Site } from '../../ui/site.js';

export function registerSearchRoutes(
  { app: site, ctxOf }: Site,
  deps: { searchService: SearchService; contentLocales: readonly string[] },
): void {
  site.get<{ Params: LocaleParams; Querystring: Record<string, string | string[] | undefined> }>(
    '/search',
    { config: { rateLimit: { max: 60, timeWindow: '1 minute' } } },
    async (request, reply) => {
      const ctx = ctxOf(request, reply);
      const parsed = searchRequest(request.query, deps.contentLocales);
      if (parsed.tooLong) {
        return sendPage(
          reply,
          <SearchPage
            ctx={ctx}
            query={parsed.query}
            view={null}
            error={ctx.text('sections.search.tooLong', { max: MAX_QUERY_LENGTH })}
          />,
          { status: 400 },
        );
      }
      const outcome = parsed.query
        ? await deps.searchService.search(
            request.viewer ?? ANONYMOUS,
            parsed.query,
            ctx.locale,
            parsed.filter,
            parsed.page,
            { exact: parsed.exact },
          )
        : null;
      return sendPage(
        reply,
        <SearchPage
          ctx={ctx}
          query={parsed.query}
          view={
            outcome
              ? { ...outcome, query: parsed.query, filter: parsed.filter, page: parsed.page }
              : null
          }
        />,
      );
    },
  );
}
