/**
 * Reading notifications as their person: every entry is read again through its kind's
 * `metadata.describe` as the person is now, in their language — so an entry they may no longer
 * read (their organisation lapsed, the entry went members-only) is left out, on the page and in
 * e-mail alike. Notices (what concerns them) carry their own words.
 */
import type { ContentKind } from '../../channels/kind.js';
import { ANONYMOUS, type Viewer } from '../access/index.js';
import type { EntryMetadata } from '../../channels/kind.js';
import type { Catalogue } from '../../platform/i18n/catalogue.js';
import type { NotificationRow } from './following.repository.js';

/** A notification ready to show: a title, perhaps a summary, and where it leads. */
export interface ShownNotification {
  id: string;
  category: string;
  topic: string | null;
  title: string;
  summary: string | null;
  /** Full address of the entry's page. */
  url: string;
  /** The entry's language, when another than the reader's (no translation yet). */
  lang: string | null;
  createdAt: Date;
  read: boolean;
}

export interface ReadingDeps {
  kinds: () => readonly ContentKind[];
  catalogue: Catalogue;
  publicUrl: string;
}

/**
 * What a visitor reads of entries, kept for one run over many people (a digest run): an entry a
 * visitor may read is read so by everyone (the layers are nested), so only the others are read
 * again per person. Keyed by kind, key and language.
 */
export type PublicReadings = Map<string, Promise<EntryMetadata | 'members-only' | null>>;

/** Reads notifications as `viewer` in `locale`; those they may not read are left out. */
export async function readAs(
  deps: ReadingDeps,
  viewer: Viewer,
  locale: string,
  rows: readonly NotificationRow[],
  shared?: PublicReadings,
): Promise<ShownNotification[]> {
  const translator = deps.catalogue.translator(locale);
  const reader = { locale, publicUrl: deps.publicUrl, text: (key: string) => translator.t(key) };
  const byName = new Map(deps.kinds().map((kind) => [kind.name, kind]));
  const shown = await Promise.all(
    rows.map(async (row): Promise<ShownNotification | null> => {
      const base = {
        id: row.id,
        category: row.category,
        topic: row.topic,
        createdAt: row.createdAt,
        read: row.readAt !== null,
      };
      const kind = row.entryKind ? byName.get(row.entryKind) : undefined;
      let described = null;
      if (kind?.metadata && row.entryKey) {
        const { metadata } = kind;
        const key = row.entryKey;
        let found: EntryMetadata | 'members-only' | null = null;
        if (shared) {
          const name = `${kind.name}\n${key}\n${locale}`;
          let reading = shared.get(name);
          if (!reading) {
            reading = metadata.describe(ANONYMOUS, key, reader);
            shared.set(name, reading);
            // A failed reading is not kept: the next person reads it afresh.
            reading.catch(() => shared.delete(name));
          }
          found = await reading;
        }
        if (found === null || found === 'members-only')
          found = await metadata.describe(viewer, key, reader);
        if (found !== 'members-only') described = found;
        // An entry that is gone or out of reach is not shown (nor is a notice about it).
        if (!described) return null;
      }
      if (row.message) {
        return {
          ...base,
          title: translator.t(row.message, row.values ?? {}),
          summary: described?.openGraph.title ?? null,
          url: `${deps.publicUrl}/${locale}${row.path ?? '/'}`,
          lang: null,
        };
      }
      if (!described) return null;
      const { openGraph } = described;
      return {
        ...base,
        title: openGraph.title,
        summary: openGraph.description,
        url: openGraph.url,
        lang: openGraph.locale && openGraph.locale !== locale ? openGraph.locale : null,
      };
    }),
  );
  return shown.filter((entry): entry is ShownNotification => entry !== null);
}
