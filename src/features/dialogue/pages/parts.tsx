/** What the dialogue's pages share: times, who a space is for, a row of a list of threads. */
import { dateTimeFormat } from '../../../platform/i18n/dates.js';
import type { PageContext } from '../../../ui/context.js';
import { themeLabel } from '../../../ui/format.js';
import type { Space } from '../spaces.repository.js';
import type { ThreadSummary } from '../threads.repository.js';

/** A moment, in the reader's language, in UTC (said so). */
export function Time(props: { ctx: PageContext; date: Date }): JSX.Element {
  const { ctx, date } = props;
  const text = dateTimeFormat(ctx.locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'UTC',
  }).format(date);
  return (
    <time datetime={date.toISOString()} safe>
      {ctx.text('dialogue.time', { when: text })}
    </time>
  );
}

/** Who reads a space, in words. */
export const audienceText = (ctx: PageContext, space: Space): string =>
  ctx.text(`dialogue.audience.${space.audience}`);

/** The address of a thread, at a post when given. */
export const threadHref = (
  ctx: PageContext,
  thread: { spaceSlug: string; number: number },
  position?: number,
): string =>
  ctx.href(
    `/dialogue/${thread.spaceSlug}/${thread.number}${position ? `?post=${position}#p${position}` : ''}`,
  );

/** A thread in a list: its title (to the first unread post, when there is one) and its state. */
export function ThreadItem(props: { ctx: PageContext; thread: ThreadSummary }): JSX.Element {
  const { ctx, thread } = props;
  return (
    <li class="thread-item">
      <a href={threadHref(ctx, thread, thread.firstUnread ?? undefined)} lang={thread.locale} safe>
        {thread.title}
      </a>{' '}
      {thread.pinned ? <span class="badge">{ctx.t('dialogue.thread.pinned')}</span> : ''}
      {thread.locked ? <span class="badge">{ctx.t('dialogue.thread.locked')}</span> : ''}
      {thread.answered ? (
        <span class="badge badge-done">{ctx.t('dialogue.thread.answered')}</span>
      ) : (
        ''
      )}
      <br />
      <span class="meta">
        {ctx.t('dialogue.thread.by', {
          name: thread.authorName ?? ctx.text('dialogue.formerMember'),
        })}
        {' · '}
        {ctx.t('dialogue.thread.replies', { count: thread.replyCount })}
        {' · '}
        {ctx.t('dialogue.thread.last')} <Time ctx={ctx} date={thread.lastPostedAt} />
        {thread.theme ? <> · {themeLabel(ctx, thread.theme)}</> : ''}
        {thread.unread ? (
          <>
            {' · '}
            <strong>{ctx.t('dialogue.thread.unread', { count: thread.unread })}</strong>
          </>
        ) : (
          ''
        )}
      </span>
    </li>
  );
}
