/**
 * What organisers do with the people who registered: read the list, export it for a spreadsheet
 * (formula cells neutralised), mark who came, and write to them (answers go to the organiser).
 */
import { stringify } from 'csv-stringify/sync';
import { z } from 'zod';
import type { Catalogue } from '../../platform/i18n/catalogue.js';
import { composeMail } from '../../platform/mail/compose.js';
import { answerShown } from './questions.js';
import type { Mailer } from '../../platform/mail/mailer.js';
import type { Logger } from '../../platform/logging/logger.js';
import { neutraliseFormula } from '../../platform/text/spreadsheet.js';
import { validateForm, type FormResult, type SignedInViewer } from '../access/index.js';
import type { EventEditingService } from './editing.service.js';
import type { RegistrationsRepository } from './registrations.repository.js';

export interface OrganisingDeps {
  editing: Pick<EventEditingService, 'editable'>;
  registrations: RegistrationsRepository;
  mailer: Mailer;
  log: Logger;
  catalogue: Catalogue;
  publicUrl: string;
}

const messageSchema = z.object({
  audience: z.enum(['confirmed', 'all'], 'events.errors.audience'),
  subject: z
    .string()
    .trim()
    .min(1, 'events.errors.subjectRequired')
    .max(200, 'events.errors.tooLong'),
  body: z.string().trim().min(1, 'events.errors.bodyRequired').max(20_000, 'events.errors.tooLong'),
});

/** A form value that may come once or several times, as a list. */
const listOf = (value: unknown): string[] =>
  (Array.isArray(value) ? value : [value]).filter(
    (entry): entry is string => typeof entry === 'string',
  );

export function createOrganisingService(deps: OrganisingDeps) {
  return {
    /** The event and its live registrants, for someone who may organise events. */
    async registrants(viewer: SignedInViewer, id: string, locale: string) {
      const event = await deps.editing.editable(viewer, id, locale);
      return { event, registrants: await deps.registrations.registrants(event.id) };
    },

    /** The registrants as CSV, headed in the reader's language, safe to open in a spreadsheet. */
    async csv(viewer: SignedInViewer, id: string, locale: string): Promise<string> {
      const event = await deps.editing.editable(viewer, id, locale);
      const rows = await deps.registrations.registrants(event.id);
      const t = deps.catalogue.translator(locale);
      const words = { yes: t.t('events.registrants.yes'), no: t.t('events.registrants.no') };
      const header = [
        t.t('events.registrants.column.name'),
        t.t('events.registrants.column.email'),
        t.t('events.registrants.column.status'),
        t.t('events.registrants.column.registeredAt'),
        t.t('events.registrants.column.attended'),
        ...event.questions.map((question) => question.label),
      ];
      const cells = rows.map((row) => [
        row.name,
        row.email,
        t.t(`events.registrants.status.${row.status}`),
        row.registeredAt.toISOString(),
        row.attended === null
          ? ''
          : t.t(row.attended ? 'events.registrants.yes' : 'events.registrants.no'),
        ...event.questions.map((question) => answerShown(question, row.answers, words)),
      ]);
      return stringify(
        [header, ...cells].map((row) => row.map(neutraliseFormula)),
        { bom: true },
      );
    },

    /** Marks who came: the confirmed registrants ticked came, the others did not. */
    async markAttendance(viewer: SignedInViewer, id: string, form: unknown): Promise<number> {
      const event = await deps.editing.editable(viewer, id);
      const body = (typeof form === 'object' && form !== null ? form : {}) as Record<
        string,
        unknown
      >;
      return deps.registrations.markAttendance(event.id, listOf(body.attended));
    },

    /**
     * Writes to the registrants (those with a place, or everyone including those waiting), each
     * greeted in their language; their answers go to the organiser's address.
     */
    async message(
      viewer: SignedInViewer,
      id: string,
      form: unknown,
    ): Promise<FormResult<{ sent: number; refused: number }>> {
      const event = await deps.editing.editable(viewer, id);
      const valid = validateForm(messageSchema, form);
      if (!valid.ok) return valid;
      const { audience, subject, body } = valid.value;
      const recipients = (await deps.registrations.registrants(event.id)).filter(
        (row) => audience === 'all' || row.status === 'confirmed',
      );
      const title = event.translations.find(
        (entry) => entry.locale === event.originalLocale,
      )?.title;
      let refused = 0;
      for (const person of recipients) {
        const locale = deps.catalogue.isSupported(person.locale) ? person.locale : 'en';
        const t = deps.catalogue.translator(locale);
        // A mailbox that refuses the message does not stop the others'; the organiser is told.
        const sending = deps.mailer.send(
          composeMail({
            to: person.email,
            locale,
            subject,
            greeting: t.t('mail.greeting', { name: person.name }),
            paragraphs: body.split(/\n\s*\n/).map((paragraph) => paragraph.trim()),
            action: {
              label: t.t('events.mail.action'),
              url: `${deps.publicUrl}/${locale}/events/${event.slug}`,
            },
            footer: t.t('events.mail.organisersFooter', {
              title: title ?? event.slug,
              name: viewer.name,
            }),
            replyTo: viewer.email,
          }),
        );
        await sending.catch((error: unknown) => {
          refused += 1;
          deps.log.warn({ err: error, event: event.slug }, 'message to a registrant refused');
        });
      }
      return { ok: true, sent: recipients.length - refused, refused };
    },
  };
}

export type OrganisingService = ReturnType<typeof createOrganisingService>;
