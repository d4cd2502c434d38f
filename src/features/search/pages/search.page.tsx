/** The site search: Knowledge Centre items with facets and highlighted extracts, then the rest. */
import { escapeHtml } from '@kitajs/html';
import type { ItemType } from '../../knowledge/index.js';
import {
  CANDIDATE_LIMIT,
  SNIPPET_MARKS,
  type FacetCount,
  type ItemSearchFilter,
  type ItemSearchResult,
} from '../items-search.repository.js';
import type { SearchHit } from '../search.repository.js';
import { languageName } from '../../vocabularies/index.js';
import { PageHeader, Pagination } from '../../../ui/components/content.js';
import type { PageContext } from '../../../ui/context.js';
import type { MessageKey } from '../../../ui/messages.js';
import { Layout } from '../../../ui/layout/layout.js';
import { endonym } from '../../../platform/i18n/names.js';
import { itemHref, typeLabel } from '../../knowledge/index.js';
import { formatDate } from '../../../ui/format.js';

export interface SearchView {
  query: string;
  filter: ItemSearchFilter;
  page: number;
  items: ItemSearchResult;
  /** Pages, useful links and organisations that match (first page only). */
  site: readonly SearchHit[];
  /** Set when the results are for a corrected query. */
  corrected: string | null;
}

/** A snippet from the database without Markdown signs, escaped, with the matched words in <mark>. */
function highlighted(snippet: string): string {
  const plain = snippet
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`#>]+/g, '')
    .replace(/\s+/g, ' ');
  return escapeHtml(plain)
    .replaceAll(SNIPPET_MARKS.start, '<mark>')
    .replaceAll(SNIPPET_MARKS.stop, '</mark>');
}

const FACETS = ['type', 'theme', 'sdg', 'language', 'year'] as const;
type Facet = (typeof FACETS)[number];

function facetLabel(ctx: PageContext, facet: Facet, value: string): string {
  switch (facet) {
    case 'type':
      return typeLabel(ctx, value as ItemType);
    case 'theme':
      return ctx.text(`vocabularies.theme.${value}` as MessageKey);
    case 'sdg':
      return `${value}. ${ctx.text(`vocabularies.sdg.${value}` as MessageKey)}`;
    case 'language':
      return languageName(value, ctx.locale);
    case 'year':
      return value;
  }
}

/** The search address with one part of the filter changed (undefined removes it). */
function searchHref(
  ctx: PageContext,
  view: SearchView,
  change: Partial<Record<Facet | 'page' | 'q', string | undefined>>,
): string {
  const params = new URLSearchParams();
  params.set('q', view.query);
  for (const [key, value] of Object.entries(view.filter))
    if (value !== undefined) params.set(key, String(value));
  for (const [key, value] of Object.entries(change)) {
    if (value === undefined) params.delete(key);
    else params.set(key, value);
  }
  if (!('page' in change)) params.delete('page');
  return ctx.href(`/search?${params.toString()}`);
}

function Facets(props: { ctx: PageContext; view: SearchView }): JSX.Element {
  const { ctx, view } = props;
  const facets = view.items.facets;
  return (
    <aside class="facets" aria-labelledby="facets-title">
      <h2 id="facets-title">{ctx.t('search.facets.title')}</h2>
      <>
        {FACETS.map((facet) => {
          const counts: readonly FacetCount[] = facets[facet];
          const chosen = view.filter[facet] === undefined ? undefined : String(view.filter[facet]);
          if (counts.length === 0 && chosen === undefined) return '';
          return (
            <section aria-labelledby={`facet-${facet}`}>
              <h3 id={`facet-${facet}`}>{ctx.t(`search.facets.${facet}` as MessageKey)}</h3>
              <ul>
                {chosen !== undefined ? (
                  <li>
                    <a href={searchHref(ctx, view, { [facet]: undefined })}>
                      {ctx.t('search.facets.remove', { value: facetLabel(ctx, facet, chosen) })}
                    </a>
                  </li>
                ) : (
                  counts.map((count) => (
                    <li>
                      <a href={searchHref(ctx, view, { [facet]: count.value })}>
                        <span safe>{facetLabel(ctx, facet, count.value)}</span>{' '}
                        <span class="count">({count.count})</span>
                      </a>
                    </li>
                  ))
                )}
              </ul>
            </section>
          );
        })}
      </>
    </aside>
  );
}

export function SearchPage(props: {
  ctx: PageContext;
  view: SearchView | null;
  query: string;
  error?: string;
}): JSX.Element {
  const { ctx, view } = props;
  const query = props.query;
  const items = view?.items;
  const pages = items ? Math.max(1, Math.ceil(items.total / 20)) : 1;
  return (
    <Layout ctx={ctx} title={ctx.text('sections.search.title')} indexable={query === ''}>
      <PageHeader title={ctx.text('sections.search.title')} />
      <search>
        <form method="get" action={ctx.href('/search')} class="search-form">
          <label for="q">{ctx.t('sections.search.label')}</label>
          <p class="hint" id="q-hint">
            {ctx.t('search.hint')}
          </p>
          <div class="inline-field">
            <input
              type="search"
              id="q"
              name="q"
              value={query}
              aria-describedby={props.error ? 'q-hint q-error' : 'q-hint'}
              aria-invalid={props.error ? 'true' : undefined}
              autocomplete="off"
            />
            <button type="submit">{ctx.t('sections.search.submit')}</button>
          </div>
          {props.error ? (
            <p class="field-error" id="q-error" safe>
              {props.error}
            </p>
          ) : (
            ''
          )}
        </form>
      </search>
      {view && items ? (
        <div class="search-results">
          <section aria-labelledby="results-title" class="results-main">
            {/* A heading that stays one; its words are announced when they change. */}
            <h2 id="results-title">
              <span role="status">
                {view.corrected
                  ? ctx.t('search.correctedResults', { count: items.total, query: view.corrected })
                  : items.more
                    ? ctx.t('search.manyResults', { count: CANDIDATE_LIMIT, query })
                    : ctx.t('sections.search.results', {
                        count: items.total + view.site.length,
                        query,
                      })}
              </span>
            </h2>
            {view.corrected ? (
              <p>
                {ctx.t('search.searchInstead')}{' '}
                <a href={ctx.href(`/search?q=${encodeURIComponent(query)}&exact=1`)} safe>
                  {query}
                </a>
              </p>
            ) : (
              ''
            )}
            {items.more ? (
              <p class="hint">{ctx.t('search.manyHint', { count: CANDIDATE_LIMIT })}</p>
            ) : (
              ''
            )}
            <ol class="results">
              {items.hits.map((hit) => {
                const lang = hit.locale !== ctx.locale ? hit.locale : undefined;
                return (
                  <li>
                    <a href={itemHref(ctx, hit)} lang={lang} safe>
                      {hit.title}
                    </a>
                    <p class="meta">
                      <span safe>{typeLabel(ctx, hit.type as ItemType)}</span> ·{' '}
                      <time datetime={hit.date}>{formatDate(ctx, hit.date)}</time>
                      {lang ? (
                        <>
                          {' '}
                          · <span safe>{endonym(hit.locale)}</span>
                        </>
                      ) : (
                        ''
                      )}
                    </p>
                    {hit.snippet ? <p lang={lang}>{highlighted(hit.snippet)}</p> : ''}
                  </li>
                );
              })}
            </ol>
            <Pagination
              ctx={ctx}
              page={view.page}
              pages={pages}
              href={(page) => searchHref(ctx, view, { page: String(page) })}
            />
            {view.site.length > 0 ? (
              <section aria-labelledby="site-title">
                <h2 id="site-title">{ctx.t('search.site.title')}</h2>
                <ol class="results">
                  {view.site.map((hit) => (
                    <li>
                      <a href={hit.url.startsWith('/') ? ctx.href(hit.url) : hit.url} safe>
                        {hit.title}
                      </a>
                      {hit.snippet ? <p safe>{hit.snippet}</p> : ''}
                    </li>
                  ))}
                </ol>
              </section>
            ) : (
              ''
            )}
          </section>
          <Facets ctx={ctx} view={view} />
        </div>
      ) : (
        ''
      )}
    </Layout>
  );
}
