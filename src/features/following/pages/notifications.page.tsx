/**
 * A person's notifications (/account/notifications): what is new in what they follow and what
 * concerns them, newest first, unread ones marked in words (not colour alone); opening one marks
 * it read; "mark all read"; the unread ones alone on request. Kept 90 days.
 */
import { PageHeader, Pagination } from '../../../ui/components/content.js';
import { PostForm, RowButton } from '../../../ui/components/form.js';
import type { PageContext } from '../../../ui/context.js';
import { dateTimeFormat } from '../../../platform/i18n/dates.js';
import { Layout } from '../../../ui/layout/layout.js';
import type { ShownNotification } from '../reading.js';

export type ListedNotification = ShownNotification & { because: string | null };

function Entry(props: {
  ctx: PageContext;
  entry: ListedNotification;
  csrfToken: string;
}): JSX.Element {
  const { ctx, entry } = props;
  const when = dateTimeFormat(ctx.locale, { dateStyle: 'medium', timeStyle: 'short' }).format(
    entry.createdAt,
  );
  return (
    <li class={entry.read ? 'notification' : 'notification unread'}>
      {entry.read ? '' : <strong class="tag">{ctx.t('following.notifications.new')}</strong>}{' '}
      <a
        href={ctx.href(`/account/notifications/${entry.id}/open`)}
        lang={entry.lang ?? undefined}
        safe
      >
        {entry.title}
      </a>
      {entry.summary ? (
        <p lang={entry.lang ?? undefined} safe>
          {entry.summary}
        </p>
      ) : (
        ''
      )}
      <p class="meta">
        <time datetime={entry.createdAt.toISOString()} safe>
          {when}
        </time>
        {entry.because ? (
          <>
            {' · '}
            {ctx.t('following.notifications.because', { name: entry.because })}
          </>
        ) : (
          ''
        )}
      </p>
      <PostForm action={ctx.href('/account/notifications/mark')} csrfToken={props.csrfToken}>
        <input type="hidden" name="id" value={entry.id} />
        <input type="hidden" name="read" value={entry.read ? 'no' : 'yes'} />
        <RowButton
          class="secondary"
          label={
            <>
              {entry.read
                ? ctx.t('following.notifications.markUnread')
                : ctx.t('following.notifications.markRead')}
            </>
          }
          name={entry.title}
        />
      </PostForm>
    </li>
  );
}

export function NotificationsPage(props: {
  ctx: PageContext;
  csrfToken: string;
  entries: readonly ListedNotification[];
  unread: number;
  unreadOnly: boolean;
  page: number;
  pages: number;
}): JSX.Element {
  const { ctx } = props;
  const title = ctx.text('following.notifications.title');
  const base = props.unreadOnly ? '/account/notifications?unread=1' : '/account/notifications';
  return (
    <Layout
      ctx={ctx}
      title={title}
      indexable={false}
      crumbs={[{ label: ctx.text('account.account.title'), href: ctx.href('/account') }]}
    >
      <PageHeader title={title} lead={ctx.text('following.notifications.lead')} />
      <p role="status">{ctx.t('following.notifications.unread', { count: props.unread })}</p>
      <p>
        {props.unreadOnly ? (
          <a href={ctx.href('/account/notifications')}>{ctx.t('following.notifications.all')}</a>
        ) : (
          <a href={ctx.href('/account/notifications?unread=1')}>
            {ctx.t('following.notifications.onlyUnread')}
          </a>
        )}
        {' · '}
        <a href={ctx.href('/account/following')}>{ctx.t('following.following.title')}</a>
        {' · '}
        <a href={ctx.href('/account/notifications/settings')}>
          {ctx.t('following.settings.title')}
        </a>
      </p>
      {props.unread > 0 ? (
        <PostForm action={ctx.href('/account/notifications/mark')} csrfToken={props.csrfToken}>
          <input type="hidden" name="id" value="all" />
          <input type="hidden" name="read" value="yes" />
          <button type="submit" class="secondary">
            {ctx.t('following.notifications.markAll')}
          </button>
        </PostForm>
      ) : (
        ''
      )}
      {props.entries.length === 0 ? (
        <p>{ctx.t('following.notifications.empty')}</p>
      ) : (
        <ul class="plain-list notifications">
          {props.entries.map((entry) => (
            <Entry ctx={ctx} entry={entry} csrfToken={props.csrfToken} />
          ))}
        </ul>
      )}
      <Pagination
        ctx={ctx}
        page={props.page}
        pages={props.pages}
        href={(page) => ctx.href(`${base}${base.includes('?') ? '&' : '?'}page=${page}`)}
      />
    </Layout>
  );
}
