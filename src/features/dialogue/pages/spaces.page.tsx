/**
 * The dialogue's front page (/dialogue): the spaces the reader may read, and the latest
 * discussions across them; and a space's own page, its threads by latest activity or unanswered.
 */
import { EmptyState, PageHeader, Pagination, Prose } from '../../../ui/components/content.js';
import { FeedLinks } from '../../../ui/components/feed-links.js';
import { FilterSelect } from '../../../ui/components/form.js';
import type { PageContext } from '../../../ui/context.js';
import { excerpt, themeLabel } from '../../../ui/format.js';
import { Layout } from '../../../ui/layout/layout.js';
import { languageName } from '../../../platform/i18n/names.js';
import type { ThreadsFilterShow } from '../dialogue.types.js';
import type { Space, SpaceListing } from '../spaces.repository.js';
import type { ThreadSummary } from '../threads.repository.js';
import { ThreadItem, Time, audienceText } from './parts.js';
import { WatchButton } from './unsubscribe.page.js';

export function SpacesPage(props: {
  ctx: PageContext;
  spaces: readonly SpaceListing[];
  active: readonly ThreadSummary[];
  /** An editor: may open spaces. */
  editor: boolean;
  /** Moderates at least one space: has a queue. */
  moderates: boolean;
}): JSX.Element {
  const { ctx } = props;
  const title = ctx.text('dialogue.title');
  return (
    <Layout
      ctx={ctx}
      title={title}
      description={ctx.text('dialogue.lead')}
      head={<FeedLinks ctx={ctx} path="/dialogue" title={ctx.text('dialogue.feed.title')} />}
    >
      <PageHeader title={title} lead={ctx.text('dialogue.lead')} />
      {props.editor || props.moderates ? (
        <p>
          {props.editor ? (
            <>
              <a href={ctx.href('/editor/dialogue/spaces/new')}>{ctx.t('dialogue.space.new')}</a>
              {' · '}
            </>
          ) : (
            ''
          )}
          <a href={ctx.href('/editor/dialogue')}>{ctx.t('dialogue.moderate.queue')}</a>
        </p>
      ) : (
        ''
      )}
      <h2>{ctx.t('dialogue.spaces')}</h2>
      {props.spaces.length === 0 ? (
        <EmptyState message={ctx.text('dialogue.noSpaces')} />
      ) : (
        <ul class="cards">
          {props.spaces.map((space) => (
            <li class="card">
              <h3>
                <a href={ctx.href(`/dialogue/${space.slug}`)} lang={space.locale} safe>
                  {space.name}
                </a>
              </h3>
              <p lang={space.locale} safe>
                {excerpt(space.description.replace(/[#*_>`[\]]/g, ''), 160)}
              </p>
              <p class="meta">
                <span class="badge" safe>
                  {audienceText(ctx, space)}
                </span>{' '}
                {ctx.t('dialogue.space.threads', { count: space.threads })}
                {space.lastPostedAt ? (
                  <>
                    {' · '}
                    {ctx.t('dialogue.thread.last')} <Time ctx={ctx} date={space.lastPostedAt} />
                  </>
                ) : (
                  ''
                )}
                {space.archived ? <> · {ctx.t('dialogue.space.archived')}</> : ''}
              </p>
            </li>
          ))}
        </ul>
      )}
      {props.active.length > 0 ? (
        <>
          <h2>{ctx.t('dialogue.active')}</h2>
          <ul class="threads">
            {props.active.map((thread) => (
              <ThreadItem ctx={ctx} thread={thread} />
            ))}
          </ul>
        </>
      ) : (
        ''
      )}
    </Layout>
  );
}

export function SpacePage(props: {
  ctx: PageContext;
  space: Space;
  threads: readonly ThreadSummary[];
  show: ThreadsFilterShow;
  theme: string;
  themes: readonly string[];
  page: number;
  pages: number;
  /** The reader may start a thread; null: a visitor, asked to sign in. */
  canStart: boolean | null;
  /** An editor: may change the space. */
  editable: boolean;
  /** The reader follows the space by e-mail; null for a visitor. */
  watching: boolean | null;
  csrfToken: string;
}): JSX.Element {
  const { ctx, space } = props;
  const base = ctx.href(`/dialogue/${space.slug}`);
  const query = (page: number, show = props.show) =>
    `${base}?${new URLSearchParams({
      ...(show === 'unanswered' ? { show } : {}),
      ...(props.theme ? { theme: props.theme } : {}),
      ...(page > 1 ? { page: String(page) } : {}),
    }).toString()}`.replace(/\?$/, '');
  return (
    <Layout
      ctx={ctx}
      title={space.name}
      crumbs={[{ label: ctx.text('dialogue.title'), href: ctx.href('/dialogue') }]}
      head={
        space.audience === 'public' ? (
          <FeedLinks ctx={ctx} path={`/dialogue/${space.slug}`} title={space.name} />
        ) : undefined
      }
    >
      <header class="page-header">
        <h1 lang={space.locale} safe>
          {space.name}
        </h1>
      </header>
      <Prose markdown={space.description} lang={space.locale} />
      <p class="meta">
        <span class="badge" safe>
          {audienceText(ctx, space)}
        </span>
        {space.languages.length > 0 ? (
          <>
            {' '}
            {ctx.t('dialogue.space.languages', {
              languages: space.languages
                .map((language) => languageName(language, ctx.locale))
                .join(', '),
            })}
          </>
        ) : (
          ''
        )}
        {space.theme ? <> · {themeLabel(ctx, space.theme)}</> : ''}
        {space.eventSlug ? (
          <>
            {' · '}
            <a href={ctx.href(`/events/${space.eventSlug}`)}>{ctx.t('dialogue.space.event')}</a>
          </>
        ) : (
          ''
        )}
        {space.itemPath ? (
          <>
            {' · '}
            <a href={ctx.href(space.itemPath)}>{ctx.t('dialogue.space.item')}</a>
          </>
        ) : (
          ''
        )}
      </p>
      {props.editable ? (
        <p>
          <a href={ctx.href(`/editor/dialogue/spaces/${space.slug}`)}>
            {ctx.t('dialogue.space.edit', { name: space.name })}
          </a>
        </p>
      ) : (
        ''
      )}
      {props.canStart === null ? (
        <p>
          <a href={ctx.href('/sign-in')}>{ctx.t('dialogue.start.signIn')}</a>
        </p>
      ) : props.canStart ? (
        <p>
          <a class="button" href={`${base}/new`}>
            {ctx.t('dialogue.start.title')}
          </a>
        </p>
      ) : (
        <p class="notice">{ctx.t('dialogue.space.readOnly')}</p>
      )}
      <WatchButton
        ctx={ctx}
        csrfToken={props.csrfToken}
        action={`${base}/watch`}
        watching={props.watching}
        what="space"
      />
      <nav class="tabs" aria-label={ctx.text('dialogue.show.label')}>
        <a href={query(1, 'latest')} aria-current={props.show === 'latest' ? 'page' : undefined}>
          {ctx.t('dialogue.show.latest')}
        </a>{' '}
        <a
          href={query(1, 'unanswered')}
          aria-current={props.show === 'unanswered' ? 'page' : undefined}
        >
          {ctx.t('dialogue.show.unanswered')}
        </a>
      </nav>
      <form class="filters" method="get" action={base}>
        {props.show === 'unanswered' ? <input type="hidden" name="show" value="unanswered" /> : ''}
        <FilterSelect
          ctx={ctx}
          name="theme"
          label="dialogue.filter.theme"
          value={props.theme}
          options={props.themes.map((theme) => ({ value: theme, label: themeLabel(ctx, theme) }))}
        />
        <button type="submit">{ctx.t('dialogue.filter.apply')}</button>
      </form>
      {props.threads.length === 0 ? (
        <EmptyState message={ctx.text('dialogue.noThreads')} />
      ) : (
        <ul class="threads">
          {props.threads.map((thread) => (
            <ThreadItem ctx={ctx} thread={thread} />
          ))}
        </ul>
      )}
      <Pagination ctx={ctx} page={props.page} pages={props.pages} href={(page) => query(page)} />
    </Layout>
  );
}
