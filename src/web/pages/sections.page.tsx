/** Pages of sections that later issues fill: Experts' facility, events, search. */
import type { SearchHit } from '../../modules/search/index.js';
import { EmptyState, PageHeader } from '../components/content.js';
import type { PageContext } from '../context.js';
import { Layout } from '../layout/layout.js';

export function ExpertsPage(props: { ctx: PageContext }): JSX.Element {
  const { ctx } = props;
  return (
    <Layout ctx={ctx} title={ctx.text('sections.experts.title')}>
      <PageHeader
        title={ctx.text('sections.experts.title')}
        lead={ctx.text('sections.experts.lead')}
      />
      <h2>{ctx.t('sections.experts.how.title')}</h2>
      <ol class="steps">
        <li>{ctx.t('sections.experts.how.ask')}</li>
        <li>{ctx.t('sections.experts.how.assign')}</li>
        <li>{ctx.t('sections.experts.how.answer')}</li>
        <li>{ctx.t('sections.experts.how.publish')}</li>
      </ol>
      <EmptyState message={ctx.text('sections.experts.soon')} />
    </Layout>
  );
}

export function EventsPage(props: { ctx: PageContext }): JSX.Element {
  const { ctx } = props;
  return (
    <Layout ctx={ctx} title={ctx.text('sections.events.title')}>
      <PageHeader
        title={ctx.text('sections.events.title')}
        lead={ctx.text('sections.events.lead')}
      />
      <EmptyState message={ctx.text('sections.events.empty')} />
    </Layout>
  );
}

export function SearchPage(props: {
  ctx: PageContext;
  query: string;
  hits: readonly SearchHit[] | null;
  error?: string;
}): JSX.Element {
  const { ctx, query, hits } = props;
  return (
    <Layout ctx={ctx} title={ctx.text('sections.search.title')} indexable={query === ''}>
      <PageHeader title={ctx.text('sections.search.title')} />
      <search>
        <form method="get" action={ctx.href('/search')} class="search-form">
          <label for="q">{ctx.t('sections.search.label')}</label>
          <p class="hint" id="q-hint">
            {ctx.t('sections.search.hint')}
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
      {hits ? (
        <section aria-labelledby="results-title">
          <h2 id="results-title" role="status">
            {ctx.t('sections.search.results', { count: hits.length, query })}
          </h2>
          <ol class="results">
            {hits.map((hit) => (
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
    </Layout>
  );
}
