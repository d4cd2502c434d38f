/**
 * One event: what, when (in its own time zone), where, who speaks, and registration. The online
 * link and the room details appear only in a confirmed registrant's own panel.
 */
import { themeLabel } from '../../../ui/format.js';
import {
  PageHeader,
  Prose,
  RelatedDiscussions,
  TranslationNotice,
} from '../../../ui/components/content.js';
import { EntryHead } from '../../../ui/components/metadata.js';
import { PlacesMap } from '../../../ui/components/map.js';
import { eventMetadata } from '../event.metadata.js';
import { PostForm, type FormValues } from '../../../ui/components/form.js';
import { RegistrationQuestions } from './registration-questions.js';
import type { PageContext } from '../../../ui/context.js';
import { dateTimeFormat } from '../../../platform/i18n/dates.js';
import { Layout } from '../../../ui/layout/layout.js';
import type { EventView } from '../events.repository.js';
import type { OwnRegistration } from '../registrations.repository.js';
import { kindLabel, StatusBadge, whereText } from './events.page.js';
import { eventWhen, machineWhen } from './when.js';

/** Where the viewer stands with the event's registration. */
export type RegistrationState =
  | { kind: 'none' }
  | { kind: 'sign-in' }
  | { kind: 'closed' }
  | { kind: 'members-only' }
  | { kind: 'not-invited' }
  | {
      kind: 'open';
      csrfToken: string;
      /** The answers as typed and their problems, when the form came back. */
      values: FormValues;
      errors: Readonly<Record<string, string>>;
    }
  | {
      kind: 'registered';
      own: OwnRegistration;
      csrfToken: string;
      canCancel: boolean;
      /** Those with a place who agreed to be listed (shown to those with a place). */
      participants: readonly string[];
    };

export type EventNotice = 'confirmed' | 'waiting' | 'cancelled' | 'too-late';

const when = (ctx: PageContext, date: Date, timeZone: string): string =>
  dateTimeFormat(ctx.locale, { dateStyle: 'long', timeStyle: 'short', timeZone }).format(date);

function Registration(props: {
  ctx: PageContext;
  event: EventView;
  state: RegistrationState;
}): JSX.Element {
  const { ctx, event, state } = props;
  if (state.kind === 'none') return '';
  const action = (path: string) => ctx.href(`/events/${event.slug}/${path}`);
  const left = event.capacity === null ? null : Math.max(0, event.capacity - event.confirmed);
  const closes = event.registrationClosesAt ?? event.startsAt;
  return (
    <section class="panel" aria-labelledby="registration-title">
      <h2 id="registration-title">{ctx.t('events.register.title')}</h2>
      {state.kind === 'registered' ? (
        <>
          <p>
            <strong>
              {state.own.status === 'confirmed'
                ? ctx.t('events.register.confirmed')
                : ctx.t('events.register.waiting', { rank: state.own.rank ?? 1 })}
            </strong>
          </p>
          {state.own.onlineUrl ? (
            <p>
              {ctx.t('events.register.onlineLink')}{' '}
              <a href={state.own.onlineUrl} rel="noopener" safe>
                {state.own.onlineUrl}
              </a>
            </p>
          ) : (
            ''
          )}
          {state.own.roomDetails ? (
            <p>
              {ctx.t('events.register.roomDetails')} <span safe>{state.own.roomDetails}</span>
            </p>
          ) : (
            ''
          )}
          {state.participants.length > 0 ? (
            <>
              <h3>{ctx.t('events.register.participants')}</h3>
              <ul>
                {state.participants.map((name) => (
                  <li safe>{name}</li>
                ))}
              </ul>
            </>
          ) : (
            ''
          )}
          {state.canCancel ? (
            <PostForm action={action('cancel')} csrfToken={state.csrfToken}>
              <button type="submit" class="secondary">
                {ctx.t('events.register.cancel')}
              </button>
            </PostForm>
          ) : (
            <p>{ctx.t('events.register.tooLate')}</p>
          )}
        </>
      ) : (
        ''
      )}
      {state.kind !== 'registered' && left !== null ? (
        <p>
          {left > 0
            ? ctx.t('events.register.places', { left, capacity: event.capacity ?? 0 })
            : ctx.t('events.register.full')}
        </p>
      ) : (
        ''
      )}
      {state.kind === 'open' ? (
        <>
          <p>{ctx.t('events.register.closes', { date: when(ctx, closes, event.timeZone) })}</p>
          <PostForm action={action('register')} csrfToken={state.csrfToken}>
            <RegistrationQuestions
              ctx={ctx}
              questions={event.questions}
              values={state.values}
              errors={state.errors}
              lang={event.originalLocale}
            />
            <button type="submit">
              {left === 0
                ? ctx.t('events.register.submitWaiting')
                : ctx.t('events.register.submit')}
            </button>
          </PostForm>
        </>
      ) : (
        ''
      )}
      {state.kind === 'sign-in' ? (
        <p>
          <a href={ctx.href('/sign-in')}>{ctx.t('events.register.signIn')}</a>
        </p>
      ) : (
        ''
      )}
      {state.kind === 'closed' ? <p>{ctx.t('events.register.closed')}</p> : ''}
      {state.kind === 'members-only' ? <p>{ctx.t('events.register.membersOnly')}</p> : ''}
      {state.kind === 'not-invited' ? <p>{ctx.t('events.register.notInvited')}</p> : ''}
    </section>
  );
}

export function EventPage(props: {
  ctx: PageContext;
  event: EventView;
  registration: RegistrationState;
  notice?: EventNotice;
  /** The signed-in reader's own time zone, when they chose one. */
  ownZone?: string | null;
  /** The discussion spaces tied to it, as the reader may read them. */
  discussions?: readonly { slug: string; name: string }[];
}): JSX.Element {
  const { ctx, event } = props;
  const lang = event.locale !== ctx.locale ? event.locale : undefined;
  return (
    <Layout
      ctx={ctx}
      title={event.title}
      description={event.summary || undefined}
      head={<EntryHead ctx={ctx} metadata={eventMetadata(event, ctx)} />}
      crumbs={[{ label: ctx.text('events.title'), href: ctx.href('/events') }]}
    >
      <PageHeader title={event.title} lead={event.summary || undefined} lang={lang} />
      {props.notice ? (
        <p role="status" class="notice">
          {ctx.t(`events.notice.${props.notice}`)}
        </p>
      ) : (
        ''
      )}
      {event.status !== 'published' ? (
        <p class="notice" role="note">
          <StatusBadge ctx={ctx} event={event} />{' '}
          {event.statusReason ? <span safe>{event.statusReason}</span> : ''}
        </p>
      ) : (
        ''
      )}
      <TranslationNotice ctx={ctx} contentLocale={event.locale} />
      <dl class="facts">
        <dt>{ctx.t('events.page.kind')}</dt>
        <dd safe>{kindLabel(ctx, event.kind)}</dd>
        <dt>{ctx.t('events.page.when')}</dt>
        <dd>
          <time datetime={machineWhen(event)} safe>
            {eventWhen(ctx, event)}
          </time>
          {props.ownZone && props.ownZone !== event.timeZone && event.datePrecision === 'time' ? (
            <>
              <br />
              <span safe>
                {ctx.text('events.page.yourTime', {
                  when: eventWhen(ctx, { ...event, timeZone: props.ownZone }),
                })}
              </span>
            </>
          ) : (
            ''
          )}
        </dd>
        <dt>{ctx.t('events.page.where')}</dt>
        <dd safe>{whereText(ctx, event)}</dd>
        {event.organisers.length > 0 ? (
          <>
            <dt>{ctx.t('events.page.organisers')}</dt>
            <dd>
              {event.organisers.map((organisation, index) => (
                <>
                  {index > 0 ? ', ' : ''}
                  <a href={ctx.href(`/network/${organisation.slug}`)} safe>
                    {organisation.name}
                  </a>
                </>
              ))}
            </dd>
          </>
        ) : (
          ''
        )}
        {event.speakers.length > 0 ? (
          <>
            <dt>{ctx.t('events.page.speakers')}</dt>
            <dd safe>{event.speakers.join(', ')}</dd>
          </>
        ) : (
          ''
        )}
        {event.themes.length > 0 ? (
          <>
            <dt>{ctx.t('events.page.themes')}</dt>
            <dd safe>{event.themes.map((theme) => themeLabel(ctx, theme)).join(', ')}</dd>
          </>
        ) : (
          ''
        )}
      </dl>
      {event.latitude !== null && event.longitude !== null ? (
        <PlacesMap
          ctx={ctx}
          label={ctx.text('events.page.map', { place: whereText(ctx, event) })}
          places={[
            {
              // A link to a full map, followed only by those who choose it.
              href: `https://www.openstreetmap.org/?mlat=${event.latitude}&mlon=${event.longitude}#map=17/${event.latitude}/${event.longitude}`,
              name: ctx.text('events.page.mapLink', { place: whereText(ctx, event) }),
              latitude: event.latitude,
              longitude: event.longitude,
            },
          ]}
        />
      ) : (
        ''
      )}
      {event.datePrecision === 'time' ? (
        <p>
          <a href={ctx.href(`/events/${event.slug}/event.ics`)} download="">
            {ctx.t('events.page.addToCalendar')}
          </a>
        </p>
      ) : (
        ''
      )}
      {event.outcomesPath ? (
        <section class="panel" aria-labelledby="outcomes-title">
          <h2 id="outcomes-title">{ctx.t('events.outcomes.heading')}</h2>
          {event.attendance !== null ? (
            <p>{ctx.t('events.outcomes.attendanceText', { count: event.attendance })}</p>
          ) : (
            ''
          )}
          <p>
            <a href={ctx.href(event.outcomesPath)}>{ctx.t('events.outcomes.read')}</a>
          </p>
        </section>
      ) : (
        ''
      )}
      {event.description ? <Prose markdown={event.description} lang={lang} /> : ''}
      <Registration ctx={ctx} event={event} state={props.registration} />
      <RelatedDiscussions ctx={ctx} spaces={props.discussions ?? []} />
    </Layout>
  );
}
