/**
 * People of the network: each person's profile with a visibility per field, the members' directory,
 * and introductions relayed by e-mail so that nobody's address is shown.
 */
import type { Catalogue } from '../../platform/i18n/catalogue.js';
import { composeMail } from '../../platform/mail/compose.js';
import type { Mailer } from '../../platform/mail/mailer.js';
import { isUuid } from '../../platform/db/columns.js';
import { ForbiddenError, NotFoundError } from '../../platform/errors/errors.js';
import {
  can,
  validateForm,
  type AuditLog,
  type SignedInViewer,
  type Viewer,
} from '../access/index.js';
import { SPOKEN_LANGUAGES } from '../vocabularies/index.js';
import { introductionSchema, personProfileSchema } from './members.schemas.js';
import {
  PROFILE_FIELDS,
  type DirectoryFilter,
  type PeopleRepository,
  type StoredProfile,
} from './people.repository.js';

/** Introductions one person can ask for in a day: enough to work, too few to spam. */
export const INTRODUCTIONS_PER_DAY = 5;

export interface PeopleServiceDeps {
  repository: PeopleRepository;
  audit: AuditLog;
  mailer: Mailer;
  catalogue: Catalogue;
  publicUrl: string;
  themeKeys: () => Promise<readonly string[]>;
  clock?: () => Date;
}

type Result = { ok: true } | { ok: false; errors: Record<string, string> };

export function createPeopleService(deps: PeopleServiceDeps) {
  const now = deps.clock ?? (() => new Date());
  return {
    ownProfile: (viewer: SignedInViewer) => deps.repository.ownProfile(viewer.id),

    async saveProfile(viewer: SignedInViewer, form: unknown): Promise<Result> {
      const valid = validateForm(personProfileSchema, form);
      if (!valid.ok) return valid;
      const value = valid.value;
      const known = new Set(await deps.themeKeys());
      if (!value.themes.every((theme) => known.has(theme)))
        return { ok: false, errors: { themes: 'membership.errors.themes' } };
      const spoken = new Set<string>(SPOKEN_LANGUAGES);
      if (!value.languages.every((language) => spoken.has(language)))
        return { ok: false, errors: { languages: 'people.errors.languages' } };
      const profile: StoredProfile = {
        affiliation: value.affiliation,
        position: value.position,
        country: value.country || null,
        languages: [...new Set(value.languages)],
        expertise: value.expertise,
        themes: [...new Set(value.themes)],
        visibility: Object.fromEntries(
          PROFILE_FIELDS.map((field) => [field, value[`visibility_${field}`]]),
        ) as StoredProfile['visibility'],
        inDirectory: value.inDirectory,
      };
      await deps.repository.saveProfile(viewer.id, profile, now());
      return { ok: true };
    },

    /** A person's page: what the viewer may see of them, or not found. */
    async profile(viewer: Viewer, userId: string) {
      if (!isUuid(userId)) throw new NotFoundError();
      const profile = await deps.repository.profile(viewer, userId);
      if (!profile) throw new NotFoundError();
      return profile;
    },

    /** The directory, for people in the members layer; null for anyone else (a teaser). */
    async directory(viewer: Viewer, filter: DirectoryFilter) {
      if (!can(viewer, 'contact-practitioners')) return null;
      return deps.repository.directory(viewer, filter);
    },

    /**
     * Relays a message to a person of the directory. The recipient reads the sender's name and
     * message and answers by replying; the sender never learns the recipient's address.
     */
    async introduce(viewer: SignedInViewer, userId: string, form: unknown): Promise<Result> {
      if (!can(viewer, 'contact-practitioners')) throw new ForbiddenError();
      if (!isUuid(userId) || userId === viewer.id) throw new NotFoundError();
      const recipient = await deps.repository.recipient(userId);
      if (!recipient) throw new NotFoundError();
      const valid = validateForm(introductionSchema, form);
      if (!valid.ok) return valid;
      const dayAgo = new Date(now().getTime() - 24 * 60 * 60 * 1000);
      if (
        (await deps.audit.count('introduction.sent', viewer.email, dayAgo)) >= INTRODUCTIONS_PER_DAY
      )
        return { ok: false, errors: { message: 'people.errors.tooMany' } };
      const locale = deps.catalogue.isSupported(recipient.locale) ? recipient.locale : 'en';
      const t = deps.catalogue.translator(locale);
      const values = { name: recipient.name, sender: viewer.name };
      await deps.mailer.send(
        composeMail({
          to: recipient.email,
          replyTo: viewer.email,
          locale,
          subject: t.t('people.mail.introduction.subject', values),
          greeting: t.t('mail.greeting', { name: recipient.name }),
          paragraphs: [
            t.t('people.mail.introduction.body', values),
            valid.value.message,
            t.t('people.mail.introduction.reply', values),
          ],
          footer: t.t('people.mail.introduction.footer'),
        }),
      );
      await deps.audit.record({
        type: 'introduction.sent',
        actorId: viewer.id,
        subject: viewer.email,
        details: { to: userId },
      });
      return { ok: true };
    },
  };
}

export type PeopleService = ReturnType<typeof createPeopleService>;
