/**
 * The editors' side of the newsletter: compose an issue (texts per language, entries picked from
 * the feeds, a segment, its place in the archive), preview it as a visitor or a member in each
 * language, send a test to oneself, schedule it or send it now, and take a schedule back before
 * it starts. Only editors and administrators may; every refusal of a form is a catalogue key by
 * field, the values kept by the route.
 */
import { wholeFeeds, type ContentKind } from '../../channels/kind.js';
import { ForbiddenError, NotFoundError } from '../../platform/errors/errors.js';
import { isUuid } from '../../platform/db/columns.js';
import type { Catalogue } from '../../platform/i18n/catalogue.js';
import type { Mailer } from '../../platform/mail/mailer.js';
import {
  ANONYMOUS,
  LAYER_READERS,
  can,
  type SignedInViewer,
  type Viewer,
} from '../access/index.js';
import type { IssueReader } from './issue.js';
import { issueHtml, issueMail } from './newsletter.mail.js';
import {
  INTRODUCTION_MAX,
  PICKS_MAX,
  SUBJECT_MAX,
  scheduleFormSchema,
} from './newsletter.schemas.js';
import {
  ARCHIVES,
  AUDIENCES,
  type Figures,
  type NewsletterDraft,
  type NewslettersRepository,
} from './newsletters.repository.js';

export const NEWSLETTER_KIND = 'newsletter';
/** Recent entries offered per feed. */
const CANDIDATES_PER_FEED = 15;

type Errors = Record<string, string>;

const NO_FIGURES: Figures = {
  recipients: 0,
  sent: 0,
  bounced: 0,
  suppressed: 0,
  waiting: 0,
  unsubscribed: 0,
};
type Form = Readonly<Record<string, string | readonly string[]>>;

/** Recent entries an editor may pick, grouped by the feed they come from. */
export interface CandidateGroup {
  title: string;
  entries: { value: string; label: string }[];
}

export interface EditingDeps {
  newsletters: NewslettersRepository;
  issues: IssueReader;
  kinds(): readonly ContentKind[];
  catalogue: Catalogue;
  mailer: Mailer;
  publicUrl: string;
  themeKeys(): Promise<readonly string[]>;
  clock: () => Date;
  /** Asks the queue to run the sending job now. */
  sendSoon(): void;
}

const one = (form: Form, name: string): string => {
  const value = form[name];
  return (typeof value === 'string' ? value : '').replace(/\r\n/g, '\n').trim();
};
const many = (form: Form, name: string): string[] => {
  const value = form[name];
  return value === undefined ? [] : typeof value === 'string' ? [value] : [...value];
};

export function createEditingService(deps: EditingDeps) {
  const { newsletters } = deps;
  const locales = deps.catalogue.locales;

  const authorise = (viewer: SignedInViewer): void => {
    if (!can(viewer, 'publish-knowledge')) throw new ForbiddenError();
  };
  const found = async (id: string) => {
    const letter = isUuid(id) ? await newsletters.find(id) : null;
    if (!letter) throw new NotFoundError();
    return letter;
  };

  /** The issue form's values as a draft, or its problems. */
  async function parse(
    form: Form,
    defaultLocale: string,
  ): Promise<{ ok: true; draft: NewsletterDraft } | { ok: false; errors: Errors }> {
    const errors: Errors = {};
    const texts: NewsletterDraft['texts'] = {};
    for (const locale of locales) {
      const subject = one(form, `subject-${locale}`);
      const introduction = one(form, `introduction-${locale}`);
      if (subject.length > SUBJECT_MAX)
        errors[`subject-${locale}`] = 'newsletter.errors.subjectLong';
      if (introduction.length > INTRODUCTION_MAX)
        errors[`introduction-${locale}`] = 'newsletter.errors.introductionLong';
      if (subject === '' && (introduction !== '' || locale === defaultLocale))
        errors[`subject-${locale}`] = 'newsletter.errors.subject';
      if (subject !== '' || introduction !== '') texts[locale] = { subject, introduction };
    }
    const kindNames = new Set(deps.kinds().flatMap((kind) => (kind.metadata ? [kind.name] : [])));
    const picks = [...new Set(many(form, 'picks'))].map((value) => {
      const at = value.indexOf(':');
      return { kind: value.slice(0, at), key: value.slice(at + 1) };
    });
    if (picks.length > PICKS_MAX) errors.picks = 'newsletter.errors.picksMany';
    else if (picks.some((pick) => !kindNames.has(pick.kind) || pick.key === ''))
      errors.picks = 'newsletter.errors.picks';
    const segmentLocales = [...new Set(many(form, 'locales'))];
    if (segmentLocales.some((locale) => !locales.includes(locale)))
      errors.locales = 'newsletter.errors.locales';
    const known = await deps.themeKeys();
    const segmentThemes = [...new Set(many(form, 'themes'))];
    if (segmentThemes.some((theme) => !known.includes(theme)))
      errors.themes = 'newsletter.errors.themes';
    const audience = AUDIENCES.find((value) => value === one(form, 'audience'));
    if (!audience) errors.audience = 'newsletter.errors.audience';
    const archive = ARCHIVES.find((value) => value === one(form, 'archive'));
    if (!archive) errors.archive = 'newsletter.errors.archive';
    // An issue kept for members in the archive has words for members: it goes to members only.
    else if (archive === 'members' && audience && audience !== 'members')
      errors.archive = 'newsletter.errors.archiveMembers';
    if (!audience || !archive || Object.keys(errors).length > 0) return { ok: false, errors };
    return {
      ok: true,
      draft: { texts, picks, segmentLocales, segmentThemes, audience, archive },
    };
  }

  return {
    authorise,

    /** Every issue with its figures. */
    async list(viewer: SignedInViewer) {
      authorise(viewer);
      return newsletters.listWithFigures();
    },

    /** One issue with its figures. */
    async find(viewer: SignedInViewer, id: string) {
      authorise(viewer);
      const letter = await found(id);
      const figures = (await newsletters.figures([letter.id])).get(letter.id);
      return { ...letter, figures: figures ?? NO_FIGURES };
    },

    /**
     * Recent entries of every feed that takes no parameter (the Knowledge Centre, answers,
     * events, news…), read as a member so that members-only ones may be picked; each reader gets
     * only what they may read when the issue is sent.
     */
    async candidates(viewer: SignedInViewer, locale: string): Promise<CandidateGroup[]> {
      authorise(viewer);
      const t = deps.catalogue.translator(locale);
      const groups: CandidateGroup[] = [];
      for (const kind of deps.kinds().filter((entry) => entry.name !== NEWSLETTER_KIND)) {
        for (const feed of wholeFeeds([kind])) {
          const title = await feed.title({}, t);
          const entries = await feed.read(LAYER_READERS.members, {}, t, CANDIDATES_PER_FEED);
          if (!title || entries.length === 0) continue;
          groups.push({
            title,
            entries: entries.map((entry) => ({
              value: `${entry.kind ?? kind.name}:${entry.key}`,
              label: entry.title,
            })),
          });
        }
      }
      return groups;
    },

    /** Saves a new issue (id null) or a draft; its id, or the form's problems. */
    async save(
      viewer: SignedInViewer,
      id: string | null,
      form: Form,
      locale: string,
    ): Promise<{ ok: true; id: string } | { ok: false; errors: Errors }> {
      authorise(viewer);
      const existing = id === null ? null : await found(id);
      if (existing && existing.status !== 'draft')
        return { ok: false, errors: { form: 'newsletter.errors.notDraft' } };
      const parsed = await parse(form, existing?.defaultLocale ?? locale);
      if (!parsed.ok) return parsed;
      const now = deps.clock();
      if (existing) {
        await newsletters.update(existing.id, parsed.draft, now);
        return { ok: true, id: existing.id };
      }
      return { ok: true, id: await newsletters.create(parsed.draft, locale, viewer.id, now) };
    },

    /** Schedules a draft at a time to come (UTC), or sends it now (`now: true`). */
    async schedule(
      viewer: SignedInViewer,
      id: string,
      form: Form,
      options: { now: boolean },
    ): Promise<{ ok: true } | { ok: false; errors: Errors }> {
      authorise(viewer);
      const letter = await found(id);
      const now = deps.clock();
      let at = now;
      if (!options.now) {
        const parsed = scheduleFormSchema.safeParse(form);
        const time = parsed.success ? new Date(`${parsed.data.scheduledAt}Z`) : null;
        if (!time || Number.isNaN(time.getTime()))
          return { ok: false, errors: { scheduledAt: 'newsletter.errors.scheduledAt' } };
        if (time <= now) return { ok: false, errors: { scheduledAt: 'newsletter.errors.past' } };
        at = time;
      }
      if (!(await newsletters.schedule(letter.id, at, now)))
        return { ok: false, errors: { form: 'newsletter.errors.notDraft' } };
      if (options.now) deps.sendSoon();
      return { ok: true };
    },

    /** Takes a schedule back; false once the sending has started. */
    async unschedule(viewer: SignedInViewer, id: string): Promise<boolean> {
      authorise(viewer);
      return newsletters.unschedule((await found(id)).id, deps.clock());
    },

    /** The HTML part a visitor or a member reading `locale` would get, as a whole document. */
    async preview(
      viewer: SignedInViewer,
      id: string,
      as: 'visitor' | 'member',
      locale: string,
    ): Promise<string> {
      authorise(viewer);
      const letter = await found(id);
      const reader: Viewer = as === 'member' ? LAYER_READERS.members : ANONYMOUS;
      const issue = await deps.issues.read(letter, reader, locale);
      return issueHtml(issue, {
        to: '',
        t: deps.catalogue.translator(locale),
        unsubscribeUrl: `${deps.publicUrl}/${locale}/newsletter`,
        onlineUrl: null,
      });
    },

    /** Sends the issue to the editor's own address, as they read it, in `locale`. */
    async sendTest(viewer: SignedInViewer, id: string, locale: string): Promise<string> {
      authorise(viewer);
      const letter = await found(id);
      const issue = await deps.issues.read(letter, viewer, locale);
      await deps.mailer.send(
        issueMail(issue, {
          to: viewer.email,
          t: deps.catalogue.translator(locale),
          unsubscribeUrl: `${deps.publicUrl}/${locale}/newsletter`,
          onlineUrl: null,
          test: true,
        }),
      );
      return viewer.email;
    },
  };
}

export type EditingService = ReturnType<typeof createEditingService>;
