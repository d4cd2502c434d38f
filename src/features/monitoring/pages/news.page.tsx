/**
 * The News section: the network's news items and the editors' trend notes on developments in the
 * field, by theme and country, with their feed; a trend note's own page.
 */
import { countryName, countryOptions, themeChoices } from '../../vocabularies/index.js';
import { EmptyState, PageHeader, Pagination, Prose } from '../../../ui/components/content.js';
import { FeedLinks } from '../../../ui/components/feed-links.js';
import { FilterSelect } from '../../../ui/components/form.js';
import { EntryHead } from '../../../ui/components/metadata.js';
import type { PageContext } from '../../../ui/context.js';
import { formatDate, themeLabel } from '../../../ui/format.js';
import { Layout } from '../../../ui/layout/layout.js';
import type { NewsPage as NewsList } from '../news.js';
import { trendMetadata, trendPath } from '../trend.kind.js';
import type { TrendFilter, TrendNote } from '../trends.repository.js';

const day = (date: Date) => date.toISOString().slice(0, 10);

/** The theme and country filters, shared by the news and the trends lists. */
function Filters(props: {
  ctx: PageContext;
  action: string;
  filter: TrendFilter;
  themes: readonly string[];
  countries: readonly string[];
}): JSX.Element {
  const { ctx, filter } = props;
  return (
    <form
      method="get"
      action={ctx.href(props.action)}
      class="filters"
      aria-label={ctx.text('monitoring.news.filter')}
    >
      <FilterSelect
        ctx={ctx}
        name="theme"
        label="monitoring.field.theme"
        value={filter.theme}
        options={themeChoices(ctx, props.themes)}
      />
      <FilterSelect
        ctx={ctx}
        name="country"
        label="monitoring.field.country"
        value={filter.country}
        options={countryOptions(props.countries, ctx.locale)}
      />
      <button type="submit">{ctx.t('knowledge.filter.submit')}</button>
    </form>
  );
}

export function TrendCard(props: { ctx: PageContext; note: TrendNote }): JSX.Element {
  const { ctx, note } = props;
  const lang = note.locale !== ctx.locale ? note.locale : undefined;
  return (
    <li class="card">
      <h3 lang={lang}>
        <a href={ctx.href(trendPath(note))} safe>
          {note.title}
        </a>
      </h3>
      <p class="meta">
        <time datetime={note.date.toISOString()}>{formatDate(ctx, day(note.date))}</time>
        {' · '}
        <span safe>{themeLabel(ctx, note.theme)}</span>
        {' · '}
        <span>{ctx.t('monitoring.trend.source', { source: note.sourceName })}</span>
        {note.access === 'members' ? <> · {ctx.t('monitoring.trend.membersOnly')}</> : ''}
      </p>
    </li>
  );
}

const query = (filter: TrendFilter) =>
  new URLSearchParams(
    Object.entries(filter).filter((entry): entry is [string, string] => Boolean(entry[1])),
  ).toString();

export function NewsPage(props: {
  ctx: PageContext;
  news: NewsList;
  trends: readonly TrendNote[];
  trendsTotal: number;
  filter: TrendFilter;
  themes: readonly string[];
  countries: readonly string[];
}): JSX.Element {
  const { ctx, news, filter } = props;
  const title = ctx.text('monitoring.news.title');
  const filters = query(filter);
  return (
    <Layout
      ctx={ctx}
      title={title}
      head={<FeedLinks ctx={ctx} path="/news" title={ctx.text('monitoring.news.feedTitle')} />}
    >
      <PageHeader title={title} lead={ctx.text('monitoring.news.lead')} />
      <Filters
        ctx={ctx}
        action="/news"
        filter={filter}
        themes={props.themes}
        countries={props.countries}
      />
      <section aria-labelledby="trends-title">
        <h2 id="trends-title">{ctx.t('monitoring.trends.title')}</h2>
        {props.trends.length > 0 ? (
          <ul class="cards">
            {props.trends.map((note) => (
              <TrendCard ctx={ctx} note={note} />
            ))}
          </ul>
        ) : (
          <EmptyState message={ctx.text('monitoring.trends.empty')} />
        )}
        {props.trendsTotal > props.trends.length ? (
          <p>
            <a href={ctx.href(`/news/trends${filters ? `?${filters}` : ''}`)}>
              {ctx.t('monitoring.trends.all', { count: props.trendsTotal })}
            </a>
          </p>
        ) : (
          ''
        )}
      </section>
      <section aria-labelledby="news-title">
        <h2 id="news-title">{ctx.t('monitoring.news.items')}</h2>
        <p role="status">{ctx.t('knowledge.items.count', { count: news.total })}</p>
        {news.items.length > 0 ? (
          <ul class="cards">
            {news.items.map((item) => (
              <li class="card">
                <h3 lang={item.locale !== ctx.locale ? item.locale : undefined}>
                  <a href={ctx.href(`/knowledge/${item.section}/${item.slug}`)} safe>
                    {item.title}
                  </a>
                </h3>
                <p class="meta">
                  <time datetime={item.date}>{formatDate(ctx, item.date)}</time>
                </p>
                {item.summary ? (
                  <p lang={item.locale !== ctx.locale ? item.locale : undefined} safe>
                    {item.summary}
                  </p>
                ) : (
                  ''
                )}
              </li>
            ))}
          </ul>
        ) : (
          <EmptyState message={ctx.text('monitoring.news.empty')} />
        )}
        {news.withheld > 0 ? (
          <p class="notice">{ctx.t('monitoring.news.withheld', { count: news.withheld })}</p>
        ) : (
          ''
        )}
        <Pagination
          ctx={ctx}
          page={news.page}
          pages={news.pages}
          href={(page) => ctx.href(`/news?${filters}${filters ? '&' : ''}page=${String(page)}`)}
        />
      </section>
    </Layout>
  );
}

export function TrendsPage(props: {
  ctx: PageContext;
  trends: readonly TrendNote[];
  total: number;
  page: number;
  pages: number;
  filter: TrendFilter;
  themes: readonly string[];
  countries: readonly string[];
}): JSX.Element {
  const { ctx, filter } = props;
  const title = ctx.text('monitoring.trends.title');
  const filters = query(filter);
  return (
    <Layout
      ctx={ctx}
      title={title}
      crumbs={[{ label: ctx.text('monitoring.news.title'), href: ctx.href('/news') }]}
      head={<FeedLinks ctx={ctx} path="/news" title={ctx.text('monitoring.news.feedTitle')} />}
    >
      <PageHeader title={title} lead={ctx.text('monitoring.trends.lead')} />
      <Filters
        ctx={ctx}
        action="/news/trends"
        filter={filter}
        themes={props.themes}
        countries={props.countries}
      />
      <p role="status">{ctx.t('monitoring.trends.count', { count: props.total })}</p>
      {props.trends.length > 0 ? (
        <ul class="cards">
          {props.trends.map((note) => (
            <TrendCard ctx={ctx} note={note} />
          ))}
        </ul>
      ) : (
        <EmptyState message={ctx.text('monitoring.trends.empty')} />
      )}
      <p>
        <a href={ctx.href(`/news/trends/export.csv${filters ? `?${filters}` : ''}`)}>
          {ctx.t('monitoring.trends.csv')}
        </a>
      </p>
      <Pagination
        ctx={ctx}
        page={props.page}
        pages={props.pages}
        href={(page) =>
          ctx.href(`/news/trends?${filters}${filters ? '&' : ''}page=${String(page)}`)
        }
      />
    </Layout>
  );
}

export function TrendPage(props: { ctx: PageContext; note: TrendNote }): JSX.Element {
  const { ctx, note } = props;
  const lang = note.locale !== ctx.locale ? note.locale : undefined;
  return (
    <Layout
      ctx={ctx}
      title={note.title}
      crumbs={[
        { label: ctx.text('monitoring.news.title'), href: ctx.href('/news') },
        { label: ctx.text('monitoring.trends.title'), href: ctx.href('/news/trends') },
      ]}
      head={<EntryHead ctx={ctx} metadata={trendMetadata(note, ctx)} />}
    >
      <PageHeader title={note.title} lang={lang} />
      <dl class="facts">
        <dt>{ctx.t('monitoring.field.date')}</dt>
        <dd>
          <time datetime={note.date.toISOString()}>{formatDate(ctx, day(note.date))}</time>
        </dd>
        <dt>{ctx.t('monitoring.field.theme')}</dt>
        <dd>
          <a href={ctx.href(`/news/trends?theme=${encodeURIComponent(note.theme)}`)} safe>
            {themeLabel(ctx, note.theme)}
          </a>
        </dd>
        {note.countries.length > 0 ? (
          <>
            <dt>{ctx.t('monitoring.field.country')}</dt>
            <dd safe>{note.countries.map((code) => countryName(code, ctx.locale)).join(', ')}</dd>
          </>
        ) : (
          ''
        )}
        <dt>{ctx.t('monitoring.field.source')}</dt>
        <dd>
          {note.url ? (
            <a href={note.url} rel="noopener noreferrer nofollow" safe>
              {note.sourceName}
            </a>
          ) : (
            <span safe>{note.sourceName}</span>
          )}
        </dd>
      </dl>
      <Prose markdown={note.note} lang={lang} />
    </Layout>
  );
}
