/**
 * Organising events: writing one (in its original language, then translations), checking its
 * times in its own zone, moving it through its life (publish, postpone, cancel, close), and
 * telling registrants of what changes for them. Editors organise events.
 */
import { ForbiddenError, NotFoundError } from '../../platform/errors/errors.js';
import { isUuid } from '../../platform/db/columns.js';
import { slugify } from '../../platform/text/slugify.js';
import { can, validateForm, type FormResult, type SignedInViewer } from '../access/index.js';
import type {
  EditableEvent,
  EventDraft,
  EventEditingRepository,
  EventText,
} from './editing.repository.js';
import {
  eventFormSchema,
  eventStatusSchema,
  eventTextSchema,
  type EventForm,
} from './events.schemas.js';
import type { EventsService } from './events.service.js';
import { EVENT_TRANSITIONS, TOLD_STATUSES, type EventStatus } from './events.types.js';
import { instantOf, isTimeZone } from './local-time.js';
import { questionsFromForm } from './questions.js';

export interface EventEditingDeps {
  editing: EventEditingRepository;
  events: EventsService;
  /** Languages content may be written in. */
  locales: readonly string[];
  themeKeys(): Promise<readonly string[]>;
  /** The organisations that may be invited (the network's), by id. */
  organisationIds(): Promise<ReadonlySet<string>>;
  /** Pages that show events are rendered afresh. */
  contentChanged(): Promise<void>;
}

type Errors = Record<string, string>;

/** The fields that hold a time, typed on the event's wall clock. */
const TIME_FIELDS = ['startsAt', 'endsAt', 'registrationClosesAt', 'cancellationClosesAt'] as const;

/**
 * The form's times in the event's zone as instants, with the problems of each: checked even when
 * other fields have problems, so that the organiser sees every problem at once.
 */
function timesOf(form: Readonly<Record<string, unknown>>) {
  const errors: Errors = {};
  const zone = typeof form.timeZone === 'string' ? form.timeZone.trim() : '';
  const instants = Object.fromEntries(
    TIME_FIELDS.map((field) => {
      const value = typeof form[field] === 'string' ? form[field].trim() : '';
      if (value === '' || !isTimeZone(zone)) return [field, null];
      const instant = instantOf(value, zone);
      if (instant === 'gap') errors[field] = 'events.errors.dstGap';
      return [field, instant instanceof Date ? instant : null];
    }),
  ) as Record<(typeof TIME_FIELDS)[number], Date | null>;
  const { startsAt, endsAt, registrationClosesAt, cancellationClosesAt } = instants;
  if (startsAt && endsAt && endsAt < startsAt) errors.endsAt = 'events.errors.endBeforeStart';
  if (startsAt && registrationClosesAt && registrationClosesAt > startsAt)
    errors.registrationClosesAt = 'events.errors.closesAfterStart';
  if (startsAt && cancellationClosesAt && cancellationClosesAt > startsAt)
    errors.cancellationClosesAt = 'events.errors.cancellationAfterStart';
  return { errors, ...instants };
}

/** Problems of the places: fewer than those given, or places with no registration. */
function capacityError(form: EventForm, confirmed: number): string | null {
  if (form.registration === 'none' && form.capacity !== null)
    return 'events.errors.capacityWithoutRegistration';
  if (form.capacity !== null && form.capacity < confirmed)
    return 'events.errors.capacityBelowRegistrations';
  return null;
}

/** Problems of the invitations: none chosen for an event by invitation, or unknown ones. */
async function invitationError(
  form: EventForm,
  organisationIds: () => Promise<ReadonlySet<string>>,
): Promise<string | null> {
  if (form.eligibility !== 'invited') return null;
  if (form.invitedOrganisations.length === 0) return 'events.errors.invitedNone';
  const known = await organisationIds();
  return form.invitedOrganisations.every((id) => known.has(id))
    ? null
    : 'events.errors.invitedOrganisations';
}

export function createEventEditingService(deps: EventEditingDeps) {
  const { editing } = deps;

  function authorise(viewer: SignedInViewer): void {
    if (!can(viewer, 'publish-knowledge')) throw new ForbiddenError();
  }

  function assertLocale(locale: string): void {
    if (!deps.locales.includes(locale)) throw new NotFoundError();
  }

  /** Validates the whole form (facts and original text) against what is stored. */
  async function parse(
    form: unknown,
    locale: string,
    stored: EditableEvent | null,
  ): Promise<{ ok: true; draft: EventDraft; text: EventText } | { ok: false; errors: Errors }> {
    const valid = validateForm(eventFormSchema(new Set(await deps.themeKeys())), form);
    const times = timesOf(
      typeof form === 'object' && form !== null ? (form as Record<string, unknown>) : {},
    );
    const asked = questionsFromForm(
      typeof form === 'object' && form !== null ? (form as Record<string, unknown>) : {},
    );
    Object.assign(times.errors, asked.errors);
    if (!valid.ok) return { ok: false, errors: { ...times.errors, ...valid.errors } };
    const value = valid.value;
    const capacity = capacityError(value, stored?.confirmed ?? 0);
    if (capacity) times.errors.capacity = capacity;
    const invited = await invitationError(value, deps.organisationIds);
    if (invited) times.errors.invitedOrganisations = invited;
    const known = await deps.organisationIds();
    if (!value.organisers.every((id) => known.has(id)))
      times.errors.organisers = 'events.errors.organisers';
    if (Object.keys(times.errors).length > 0 || !times.startsAt || !times.endsAt)
      return { ok: false, errors: times.errors };
    return {
      ok: true,
      draft: {
        slug: value.slug || stored?.slug || slugify(value.title) || 'event',
        kind: value.kind,
        access: value.access,
        timeZone: value.timeZone,
        startsAt: times.startsAt,
        endsAt: times.endsAt,
        place: value.place,
        city: value.city,
        country: value.country || null,
        latitude: value.latitude,
        longitude: value.longitude,
        onlineUrl: value.onlineUrl || null,
        roomDetails: value.roomDetails,
        speakers: value.speakers,
        themes: value.themes,
        sdgs: value.sdgs,
        rights: value.rights,
        countries: value.countries,
        registration: value.registration,
        registrationClosesAt: times.registrationClosesAt,
        capacity: value.capacity,
        eligibility: value.eligibility,
        invitedOrganisations: value.eligibility === 'invited' ? value.invitedOrganisations : [],
        organisers: [...new Set(value.organisers)],
        cancellationClosesAt: times.cancellationClosesAt,
        questions: asked.questions,
      },
      text: {
        locale,
        title: value.title,
        summary: value.summary,
        description: value.description,
        status: 'original',
      },
    };
  }

  /**
   * The stored event with its text in `locale` (else in its original language), for someone who
   * may organise events; not found otherwise.
   */
  async function editable(viewer: SignedInViewer, id: string, locale?: string) {
    authorise(viewer);
    const event = isUuid(id) ? await editing.find(id, locale) : null;
    if (!event) throw new NotFoundError();
    return event;
  }

  const shown = (status: EventStatus) => status !== 'draft';

  return {
    authorise,
    editable,
    list: (viewer: SignedInViewer, locale: string) => {
      authorise(viewer);
      return editing.list(locale);
    },

    /** A new event, as a draft, written in `locale`. */
    async create(
      viewer: SignedInViewer,
      locale: string,
      form: unknown,
    ): Promise<FormResult<{ id: string }>> {
      authorise(viewer);
      assertLocale(locale);
      const parsed = await parse(form, locale, null);
      if (!parsed.ok) return parsed;
      const id = await editing.create(parsed.draft, parsed.text, viewer.id);
      return id ? { ok: true, id } : { ok: false, errors: { slug: 'events.errors.slugTaken' } };
    },

    /**
     * Saves the event in one language: the facts and the text in its original language, the
     * text alone in any other. A change of time or place is mailed to every registrant.
     */
    async save(
      viewer: SignedInViewer,
      id: string,
      locale: string,
      form: unknown,
    ): Promise<FormResult<{ id: string }>> {
      assertLocale(locale);
      const stored = await editable(viewer, id, locale);
      if (locale !== stored.originalLocale) {
        const valid = validateForm(eventTextSchema, form);
        if (!valid.ok) return valid;
        await editing.translate(id, {
          locale,
          ...valid.value,
          status: valid.value.translationStatus,
        });
        if (shown(stored.status)) await deps.contentChanged();
        return { ok: true, id };
      }
      const parsed = await parse(form, locale, stored);
      if (!parsed.ok) return parsed;
      const saved = await editing.save(id, parsed.draft, parsed.text);
      if (!saved) return { ok: false, errors: { slug: 'events.errors.slugTaken' } };
      if (shown(stored.status)) await deps.contentChanged();
      if (saved.moved && stored.status === 'published') await deps.events.deliver(id);
      return { ok: true, id };
    },

    /** Moves the event to another state; registrants hear of a cancellation or postponement. */
    async changeStatus(
      viewer: SignedInViewer,
      id: string,
      form: unknown,
    ): Promise<FormResult<{ status: EventStatus }>> {
      const stored = await editable(viewer, id);
      const valid = validateForm(eventStatusSchema, form);
      if (!valid.ok) return valid;
      const { status, reason } = valid.value;
      // Closing goes through the outcomes (outcomes.service.ts).
      if (!EVENT_TRANSITIONS[stored.status].includes(status) || status === 'closed')
        return { ok: false, errors: { status: 'events.errors.transition' } };
      if (TOLD_STATUSES.includes(status) && reason === '')
        return { ok: false, errors: { reason: 'events.errors.reasonRequired' } };
      // A postponed event published again has its new time: registrants hear of it.
      const told =
        status === 'cancelled' || status === 'postponed'
          ? status
          : stored.status === 'postponed' && status === 'published'
            ? 'changed'
            : null;
      await editing.setStatus(id, status, TOLD_STATUSES.includes(status) ? reason : '', told);
      await deps.contentChanged();
      if (told) await deps.events.deliver(id);
      return { ok: true, status };
    },
  };
}

export type EventEditingService = ReturnType<typeof createEventEditingService>;
