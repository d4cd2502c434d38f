/**
 * An issue as one reader reads it: its texts in their language (else the issue's own), and each
 * picked entry described by its kind's `metadata.describe` as that reader, so that an entry they
 * may not read (members only, or gone) is left out for them. Content tables are never read here:
 * the content contract is the members layer's guarantee, for the e-mail as for the archive.
 */
import type { ContentKind } from '../../channels/kind.js';
import type { Catalogue } from '../../platform/i18n/catalogue.js';
import type { Viewer } from '../access/index.js';
import type { Newsletter, NewsletterTexts } from './newsletters.repository.js';

/** One picked entry as a reader may read it. */
export interface IssueEntry {
  title: string;
  description: string | null;
  url: string;
}

export interface ReadIssue {
  /** The language the texts are in (the reader's when the issue has it, else its own). */
  locale: string;
  subject: string;
  /** Markdown. */
  introduction: string;
  entries: IssueEntry[];
}

/** The texts of an issue in a language, falling back to the issue's own language. */
export function textsIn(letter: Newsletter, locale: string): NewsletterTexts & { locale: string } {
  const own = letter.texts[locale];
  if (own && own.subject.trim() !== '') return { ...own, locale };
  const fallback = letter.texts[letter.defaultLocale] ?? { subject: '', introduction: '' };
  return { ...fallback, locale: letter.defaultLocale };
}

export interface IssueReaderDeps {
  kinds(): readonly ContentKind[];
  catalogue: Catalogue;
  publicUrl: string;
}

/** Reads issues for readers; see the file's comment. */
export function createIssueReader(deps: IssueReaderDeps) {
  return {
    /** The issue as `viewer` reads it, links in `locale` (the reader's interface language). */
    async read(letter: Newsletter, viewer: Viewer, locale: string): Promise<ReadIssue> {
      const texts = textsIn(letter, locale);
      const t = deps.catalogue.translator(locale);
      const reader = { locale, publicUrl: deps.publicUrl, text: (key: string) => t.t(key) };
      const kinds = deps.kinds();
      const entries: IssueEntry[] = [];
      for (const pick of letter.picks) {
        const kind = kinds.find((entry) => entry.name === pick.kind);
        const described = await kind?.metadata?.describe(viewer, pick.key, reader);
        if (!described || described === 'members-only') continue;
        entries.push({
          title: described.openGraph.title,
          description: described.openGraph.description,
          url: described.openGraph.url,
        });
      }
      return {
        locale: texts.locale,
        subject: texts.subject,
        introduction: texts.introduction,
        entries,
      };
    },
  };
}

export type IssueReader = ReturnType<typeof createIssueReader>;
