/**
 * A person's own events, under their account: what they registered for (with "cancel" while
 * they may), and their private calendar feed, whose address is shown once, when it is made.
 */
import { PageHeader } from '../../../ui/components/content.js';
import { PostForm, RowButton, Select } from '../../../ui/components/form.js';
import type { PageContext } from '../../../ui/context.js';
import { Layout } from '../../../ui/layout/layout.js';
import type { MyEvent } from '../my-events.repository.js';
import { zoneOptions } from './event.fields.js';
import { eventWhen } from './when.js';

export type MyEventsNotice = 'feed-off' | 'zone';

function Row(props: { ctx: PageContext; event: MyEvent; csrfToken: string }): JSX.Element {
  const { ctx, event } = props;
  const standing =
    event.eventStatus !== 'published'
      ? ctx.text(`events.life.status.${event.eventStatus}`)
      : event.status === 'confirmed'
        ? ctx.text('events.mine.confirmed')
        : ctx.text('events.mine.waiting');
  return (
    <li>
      <a href={ctx.href(`/events/${event.slug}`)} lang={event.lang} safe>
        {event.title}
      </a>
      <br />
      <span safe>{eventWhen(ctx, { ...event, datePrecision: 'time' })}</span> —{' '}
      <strong safe>{standing}</strong>
      {event.canCancel ? (
        <PostForm action={ctx.href(`/events/${event.slug}/cancel`)} csrfToken={props.csrfToken}>
          <RowButton
            class="secondary"
            label={<>{ctx.t('events.register.cancel')}</>}
            name={`: ${event.title}`}
          />
        </PostForm>
      ) : (
        ''
      )}
    </li>
  );
}

export function MyEventsPage(props: {
  ctx: PageContext;
  csrfToken: string;
  events: readonly MyEvent[];
  hasFeed: boolean;
  /** The person's own time zone, or null. */
  timeZone: string | null;
  /** The time zone form's problem, when it came back. */
  zoneError?: string;
  /** The feed's new address, shown once, right after it was made. */
  feedUrl?: string;
  notice?: MyEventsNotice;
}): JSX.Element {
  const { ctx, events } = props;
  const title = ctx.text('events.mine.title');
  return (
    <Layout
      ctx={ctx}
      title={title}
      indexable={false}
      crumbs={[{ label: ctx.text('account.account.title'), href: ctx.href('/account') }]}
    >
      <PageHeader title={title} />
      {props.notice ? (
        <p role="status" class="notice">
          {ctx.t(`events.mine.notice.${props.notice}`)}
        </p>
      ) : (
        ''
      )}
      {events.length > 0 ? (
        <ul>
          {events.map((event) => (
            <Row ctx={ctx} event={event} csrfToken={props.csrfToken} />
          ))}
        </ul>
      ) : (
        <p>
          {ctx.t('events.mine.empty')} <a href={ctx.href('/events')}>{ctx.t('events.title')}</a>
        </p>
      )}
      <section aria-labelledby="zone-title">
        <h2 id="zone-title">{ctx.t('events.mine.zone.title')}</h2>
        <PostForm action={ctx.href('/account/events/zone')} csrfToken={props.csrfToken}>
          <Select
            ctx={ctx}
            name="timeZone"
            label="events.mine.zone.label"
            hint="events.mine.zone.hint"
            placeholder="events.mine.zone.none"
            required={false}
            options={zoneOptions()}
            value={props.timeZone ?? ''}
            error={props.zoneError}
          />
          <button type="submit">{ctx.t('events.mine.zone.save')}</button>
        </PostForm>
      </section>
      <section aria-labelledby="feed-title">
        <h2 id="feed-title">{ctx.t('events.mine.feed.title')}</h2>
        <p>{ctx.t('events.mine.feed.lead')}</p>
        {props.feedUrl ? (
          <div class="field" role="status">
            <label for="feed-url">{ctx.t('events.mine.feed.address')}</label>
            <p class="hint" id="feed-url-hint">
              {ctx.t('events.mine.feed.once')}
            </p>
            <input
              id="feed-url"
              type="url"
              readonly
              value={props.feedUrl}
              aria-describedby="feed-url-hint"
            />
          </div>
        ) : (
          ''
        )}
        {!props.feedUrl && props.hasFeed ? <p>{ctx.t('events.mine.feed.on')}</p> : ''}
        <PostForm action={ctx.href('/account/events/feed')} csrfToken={props.csrfToken}>
          <button type="submit">
            {props.hasFeed || props.feedUrl
              ? ctx.t('events.mine.feed.renew')
              : ctx.t('events.mine.feed.create')}
          </button>
        </PostForm>
        {props.hasFeed || props.feedUrl ? (
          <PostForm action={ctx.href('/account/events/feed/off')} csrfToken={props.csrfToken}>
            <button type="submit" class="secondary">
              {ctx.t('events.mine.feed.off')}
            </button>
          </PostForm>
        ) : (
          ''
        )}
      </section>
    </Layout>
  );
}
