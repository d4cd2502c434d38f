/**
 * Registering for an event and cancelling, with the messages that follow: a confirmed place (with
 * the online link and the room details), a place on the waiting list, and the place that comes
 * when someone cancels.
 */
import type { Catalogue } from '../../platform/i18n/catalogue.js';
import { composeMail } from '../../platform/mail/compose.js';
import type { Mailer } from '../../platform/mail/mailer.js';
import type { Logger } from '../../platform/logging/logger.js';
import { ForbiddenError, NotFoundError } from '../../platform/errors/errors.js';
import { dateTimeFormat } from '../../platform/i18n/dates.js';
import {
  ROLES,
  canSeeMembersLayer,
  type AccessRepository,
  type Role,
  type SignedInViewer,
  type Viewer,
} from '../access/index.js';
import type { EventsRepository, EventView } from './events.repository.js';
import type { RegistrationsRepository } from './registrations.repository.js';
import type { EventMailsRepository, QueuedMail } from './event-mails.repository.js';
import { calendarOf } from './ics.js';
import type { Notify } from '../feature.js';
import { answersFromForm } from './questions.js';
import { TOLD_STATUSES, type EventStatus } from './events.types.js';

export interface EventsServiceDeps {
  events: EventsRepository;
  registrations: RegistrationsRepository;
  /** The messages owed to registrants. */
  mails: EventMailsRepository;
  accessRepository: AccessRepository;
  mailer: Mailer;
  log: Logger;
  catalogue: Catalogue;
  publicUrl: string;
  /** The sender named in calendar invitations (the platform's own address). */
  organizer: { name: string; email: string };
  /** The organisations a person belongs to, by id (for events by invitation). */
  organisationIdsOf(viewer: SignedInViewer): Promise<readonly string[]>;
  /** Pages that show the event (its places left) are rendered afresh. */
  contentChanged(): Promise<void>;
  /** Tells a person on their notification page. */
  notify: Notify;
}

/** The messages that are also a notice on the registrant's notification page. */
const NOTICED: readonly QueuedMail[] = ['changed', 'cancelled', 'postponed'];

/** The messages a registrant may be sent. */
export type RegistrantMail = QueuedMail | 'reminderDay' | 'reminderHour';

/** The messages that add or update the event in the registrant's calendar. */
const INVITING: readonly RegistrantMail[] = ['confirmed', 'movedUp', 'changed'];

/** What a person may do about an event now. */
export type RegisterResult =
  | { ok: true; status: 'confirmed' | 'waiting' }
  | { ok: false; reason: 'closed' | 'members-only' | 'not-invited' }
  | { ok: false; reason: 'answers'; errors: Record<string, string> };

/** When an event happens, in its own zone, as a sentence's words. */
export function whenText(
  event: Pick<EventView, 'startsAt' | 'endsAt' | 'timeZone'>,
  locale: string,
) {
  const format = dateTimeFormat(locale, {
    dateStyle: 'full',
    timeStyle: 'short',
    timeZone: event.timeZone,
  });
  return `${format.formatRange(event.startsAt, event.endsAt)} (${event.timeZone})`;
}

/**
 * A person as the events feature reads for them when they are not at the keyboard (messages,
 * their calendar feed): in their language, with their granted role, so that someone who lost the
 * members' layer since they registered is not sent a members-only event's details.
 */
export async function asPerson(
  deps: Pick<EventsServiceDeps, 'accessRepository' | 'catalogue'>,
  userId: string,
) {
  const person = await deps.accessRepository.findUser(userId);
  if (!person) return null;
  const locale = deps.catalogue.isSupported(person.locale) ? person.locale : 'en';
  const role: Role = (ROLES as readonly string[]).includes(person.role)
    ? (person.role as Role)
    : 'registered';
  const viewer: Viewer = { kind: 'user', id: person.id, role };
  return { person, locale, viewer };
}

export function createEventsService(deps: EventsServiceDeps) {
  const { events, registrations } = deps;

  /** The event by its slug as this person reads it, in their language. */
  async function readable(viewer: SignedInViewer, slug: string, locale: string) {
    const event = await events.find(viewer, slug, locale);
    if (event === null) throw new NotFoundError();
    if (event === 'members-only') throw new ForbiddenError();
    return event;
  }

  /**
   * Tells a registrant, in their language, of their place (or their place on the waiting list),
   * or of a change to the event: its time or place, its cancellation or postponement (with the
   * reason the organisers gave).
   */
  async function tell(
    userId: string,
    slug: string,
    kind: RegistrantMail,
    hadPlace = false,
  ): Promise<void> {
    const found = await asPerson(deps, userId);
    if (!found) return;
    const { person, locale, viewer } = found;
    const event = await events.find(viewer, slug, locale);
    const shown = event === 'members-only' || event === null ? null : event;
    if (!shown) return;
    const t = deps.catalogue.translator(locale);
    const own = await registrations.own(shown.id, userId);
    const values = {
      title: shown.title,
      when: whenText(shown, locale),
      where: shown.place ? [shown.place, shown.city].filter(Boolean).join(', ') : '',
      reason: shown.statusReason,
    };
    const details =
      own?.status === 'confirmed' && !TOLD_STATUSES.includes(kind as EventStatus)
        ? [
            own.onlineUrl ? t.t('events.mail.onlineLink', { url: own.onlineUrl }) : '',
            own.roomDetails ? t.t('events.mail.roomDetails', { details: own.roomDetails }) : '',
          ].filter(Boolean)
        : [];
    const page = `${deps.publicUrl}/${locale}/events/${shown.slug}`;
    // The calendar entry: added (or updated) for a person with a place, removed when cancelled.
    const method =
      kind === 'cancelled' || (kind === 'withdrawn' && hadPlace)
        ? 'cancel'
        : own?.status === 'confirmed' && INVITING.includes(kind)
          ? 'request'
          : null;
    const calendar =
      method && shown.datePrecision === 'time'
        ? {
            method: method === 'cancel' ? ('CANCEL' as const) : ('REQUEST' as const),
            content: calendarOf([{ ...shown, url: page }], {
              name: t.t('events.calendar.name'),
              host: new URL(deps.publicUrl).host,
              method,
              invitation: {
                organizer: deps.organizer,
                attendee: { name: person.name, email: person.email },
              },
              privateDetails:
                own?.status === 'confirmed' && method === 'request'
                  ? new Map([
                      [shown.id, { onlineUrl: own.onlineUrl, roomDetails: own.roomDetails }],
                    ])
                  : undefined,
            }),
          }
        : undefined;
    await deps.mailer.send(
      composeMail({
        to: person.email,
        locale,
        subject: t.t(`events.mail.${kind}.subject`, values),
        greeting: t.t('mail.greeting', { name: person.name }),
        paragraphs: [
          t.t(`events.mail.${kind}.body`, values),
          ...(values.where && kind === 'changed' ? [t.t('events.mail.where', values)] : []),
          ...(values.reason && TOLD_STATUSES.includes(kind as EventStatus)
            ? [t.t('events.mail.reason', values)]
            : []),
          ...details,
        ],
        action: { label: t.t('events.mail.action'), url: page },
        footer: t.t('events.mail.footer'),
        calendar,
      }),
    );
  }

  /** Whether the person may register: a member for members' events, invited for invitations. */
  async function mayRegister(
    viewer: SignedInViewer,
    event: Pick<EventView, 'eligibility' | 'invitedOrganisations'>,
  ): Promise<{ ok: true } | { ok: false; reason: 'members-only' | 'not-invited' }> {
    if (event.eligibility === 'members' && !canSeeMembersLayer(viewer))
      return { ok: false, reason: 'members-only' };
    if (event.eligibility === 'invited') {
      const own = await deps.organisationIdsOf(viewer);
      if (!own.some((id) => event.invitedOrganisations.includes(id)))
        return { ok: false, reason: 'not-invited' };
    }
    return { ok: true };
  }

  const service = {
    readable,
    mayRegister,

    /** Reminds a registrant of the event a day or an hour before it (with the link, if online). */
    remind: (userId: string, slug: string, before: 'day' | 'hour') =>
      tell(userId, slug, before === 'day' ? 'reminderDay' : 'reminderHour'),

    /**
     * Sends the messages owed to registrants (of one event, or of all when null), each in the
     * person's language; a refused one stays owed, for a later try. Returns how many went.
     */
    async deliver(eventId: string | null): Promise<number> {
      let sent = 0;
      const failed: string[] = [];
      for (;;) {
        const outcome = await deps.mails.sendNext(eventId, failed, async (mail) => {
          try {
            await tell(mail.userId, mail.slug, mail.kind, mail.hadPlace);
            if (NOTICED.includes(mail.kind))
              await deps.notify(mail.userId, {
                message: 'following.notice.eventChange',
                values: {},
                path: `/events/${mail.slug}`,
                entry: { kind: 'event', key: mail.slug },
              });
          } catch (error) {
            failed.push(mail.id);
            deps.log.warn({ err: error, event: mail.slug, kind: mail.kind }, 'mail refused');
            throw error;
          }
        });
        if (outcome === null) return sent;
        if (outcome === 'sent') sent += 1;
      }
    },

    /** Registers the person for the event, on the waiting list when it is full, and tells them. */
    async register(
      viewer: SignedInViewer,
      slug: string,
      locale: string,
      form: Readonly<Record<string, unknown>> = {},
    ): Promise<RegisterResult> {
      const event = await readable(viewer, slug, locale);
      const eligible = await mayRegister(viewer, event);
      if (!eligible.ok) return eligible;
      const answered = answersFromForm(event.questions, form);
      if (!answered.ok) return { ok: false, reason: 'answers', errors: answered.errors };
      const outcome = await registrations.register(event.id, viewer.id, answered.answers);
      if (!outcome.ok) return outcome;
      if (outcome.already) return { ok: true, status: outcome.status };
      await deps.contentChanged();
      await service.deliver(event.id);
      return { ok: true, status: outcome.status };
    },

    /** Cancels the person's registration; the first person waiting gets the place and is told. */
    async cancel(
      viewer: SignedInViewer,
      slug: string,
      locale: string,
    ): Promise<{ ok: true } | { ok: false; reason: 'none' | 'too-late' }> {
      const event = await readable(viewer, slug, locale);
      const outcome = await registrations.cancel(event.id, viewer.id);
      if (!outcome.ok) return outcome;
      await deps.contentChanged();
      await service.deliver(event.id);
      return { ok: true };
    },

    /** Who agreed to be listed among the participants, for a person with a place. */
    async participants(own: { status: string } | null, event: EventView): Promise<string[]> {
      if (own?.status !== 'confirmed') return [];
      const consents = event.questions.filter((question) => question.kind === 'consent');
      return registrations.listed(
        event.id,
        consents.map((question) => question.id),
      );
    },

    /** The person's registration for the event (with the private details once confirmed). */
    own: (viewer: SignedInViewer, eventId: string) => registrations.own(eventId, viewer.id),
  };
  return service;
}

export type EventsService = ReturnType<typeof createEventsService>;
