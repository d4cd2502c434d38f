/**
 * Closing an event with its outcomes: the minutes, the conclusions and how many took part become
 * a Knowledge Centre item (a publication, its summary public and its detail for members where the
 * organisers choose), linked from the event and linking back to it. Documents and photos are then
 * attached to that item as to any other.
 */
import { DateTime } from 'luxon';
import { z } from 'zod';
import type { Catalogue } from '../../platform/i18n/catalogue.js';
import { validateForm, type FormResult, type SignedInViewer } from '../access/index.js';
import type { EventEditingRepository } from './editing.repository.js';
import type { EventEditingService } from './editing.service.js';
import type { RegistrationsRepository } from './registrations.repository.js';

/** Publishes a Knowledge Centre item written from a form's values (from the knowledge feature). */
export type PublishItem = (
  viewer: SignedInViewer,
  locale: string,
  form: Record<string, string | readonly string[]>,
) => Promise<FormResult<{ id: string; path: string }>>;

export interface OutcomesDeps {
  editing: Pick<EventEditingService, 'editable'>;
  repository: Pick<EventEditingRepository, 'close'>;
  registrations: Pick<RegistrationsRepository, 'registrants'>;
  publishItem: PublishItem;
  catalogue: Catalogue;
  publicUrl: string;
  contentChanged(): Promise<void>;
}

const text = (max: number) =>
  z.string().trim().max(max, 'events.errors.tooLong').optional().default('');

export const outcomesSchema = z
  .object({
    summary: z
      .string()
      .trim()
      .min(1, 'events.errors.outcomesSummaryRequired')
      .max(1000, 'events.errors.tooLong'),
    minutes: text(100_000),
    conclusions: text(50_000),
    attendance: text(7).refine(
      (value) => value === '' || /^\d{1,6}$/.test(value),
      'events.errors.attendance',
    ),
    detail: z.enum(['public', 'members'], 'events.errors.detail'),
  })
  .refine((value) => value.minutes !== '' || value.conclusions !== '', {
    path: ['minutes'],
    message: 'events.errors.outcomesEmpty',
  });

export const OUTCOMES_FIELDS = ['summary', 'minutes', 'conclusions', 'attendance', 'detail'];

export function createOutcomesService(deps: OutcomesDeps) {
  return {
    /**
     * Publishes the outcomes as a Knowledge Centre item, in the event's original language, and
     * closes the event with a link to it.
     */
    async close(
      viewer: SignedInViewer,
      id: string,
      form: unknown,
    ): Promise<FormResult<{ path: string }>> {
      const event = await deps.editing.editable(viewer, id);
      const { originalLocale } = event;
      if (event.status !== 'published')
        return { ok: false, errors: { form: 'events.errors.transition' } };
      const valid = validateForm(outcomesSchema, form);
      if (!valid.ok) return valid;
      const outcomes = valid.value;
      const registrants = await deps.registrations.registrants(event.id);
      const marked = registrants.filter((person) => person.attended === true).length;
      const confirmed = registrants.filter((person) => person.status === 'confirmed').length;
      const attendance =
        outcomes.attendance === '' ? marked || confirmed : Number(outcomes.attendance);
      const t = deps.catalogue.translator(originalLocale);
      const title = event.text?.title ?? event.slug;
      const section = (heading: string, body: string) => (body ? [`## ${heading}`, body] : []);
      const body = [
        ...section(t.t('events.outcomes.minutes'), outcomes.minutes),
        ...section(t.t('events.outcomes.conclusions'), outcomes.conclusions),
        `## ${t.t('events.outcomes.attendance')}`,
        t.t('events.outcomes.attendanceText', { count: attendance }),
      ].join('\n\n');
      const published = await deps.publishItem(viewer, originalLocale, {
        title: t.t('events.outcomes.itemTitle', { title }),
        summary: outcomes.summary,
        body,
        slug: `${event.slug}-outcomes`,
        section: 'publications',
        access: event.access,
        date: DateTime.fromJSDate(event.startsAt, { zone: event.timeZone }).toISODate() ?? '',
        restricted: outcomes.detail === 'members' ? ['body'] : [],
        themes: event.themes,
        sdgs: event.sdgs.map(String),
        rights: event.rights.map(String),
        countries: event.countries,
        attr_url: `${deps.publicUrl}/${originalLocale}/events/${event.slug}`,
      });
      if (!published.ok)
        return {
          ok: false,
          errors: {
            form: published.errors.slug
              ? 'events.errors.outcomesTaken'
              : 'events.errors.outcomesNotPublished',
          },
        };
      await deps.repository.close(event.id, published.id, attendance);
      await deps.contentChanged();
      return { ok: true, path: published.path };
    },
  };
}

export type OutcomesService = ReturnType<typeof createOutcomesService>;
