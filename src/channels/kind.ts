/**
 * The contract of a kind of content: how its entries are read as a given viewer, and through that
 * same read path how they appear in each channel (feeds, sitemap, JSON API, export, site search,
 * and the Open Graph and schema.org metadata of their own page).
 * A feature declares its kinds once (`kinds` in its definition); every channel iterates over them
 * and names none. Every channel field is required: a kind that is not on a channel says `null` (or
 * `[]` for feeds), so a new channel or a new kind cannot be forgotten without a compile error.
 * The Knowledge Centre's items say `search: null`: their editorial repository writes their rows
 * of the same search documents itself, with the facets of their own search block.
 */
import type { Db } from '../platform/db/database.js';
import type { Translator } from '../platform/i18n/catalogue.js';
import type { Viewer } from '../features/access/index.js';
import type { Query } from '../platform/http/query.js';
import type { EntryMetadata, MetadataReader } from '../ui/components/metadata.js';

export type { Query } from '../platform/http/query.js';
export type { EntryMetadata, MetadataReader } from '../ui/components/metadata.js';

/** Route parameters of a channel address (`/knowledge/:section` → `{ section }`). */
export type Params = Readonly<Record<string, string>>;

/** One entry of a feed, already read as the viewer, in one language. */
export interface FeedEntry {
  /** What names the entry to its kind's `metadata.describe` (and API): a slug, a number. */
  key: string;
  /** The kind the entry is of, when not the feed's own (a news item in the News feed). */
  kind?: string;
  /** Site path without the locale: "/knowledge/publications/a-guide". */
  path: string;
  title: string;
  summary: string;
  date: Date;
  categories: readonly { term: string; name: string }[];
}

/** A feed of a kind: the newest entries of a list page, as Atom and RSS. */
export interface FeedSource {
  /** The list's address under /:locale, with :params; the feeds are `<path>/feed.atom|rss`. */
  path: string;
  /** The feed's title in the reader's language, or null when the params name nothing (404). */
  title(params: Params, t: Translator): Promise<string | null>;
  /** The page the feed follows, when it is not `path` itself. */
  page?: (params: Params) => string;
  /** The newest entries the viewer may read, in the translator's language. */
  read(viewer: Viewer, params: Params, t: Translator, limit: number): Promise<FeedEntry[]>;
}

/**
 * The feeds of every kind that take no parameter (a whole section, not one theme's): what the
 * site-wide "what's new" feed and the home page merge.
 */
export const wholeFeeds = (kinds: readonly ContentKind[]): FeedSource[] =>
  kinds.flatMap((kind) => kind.feeds).filter((source) => !source.path.includes(':'));

/** Addresses of a kind for search engines, read as the viewer (a visitor: the channel says so). */
export interface SitemapSource {
  count(viewer: Viewer): Promise<number>;
  /** A slice in a stable order. */
  read(
    viewer: Viewer,
    offset: number,
    limit: number,
  ): Promise<{ path: string; updatedAt?: Date }[]>;
}

/** A JSON object of the API; its shape is described by the kind's schemas. */
export type ApiObject = Record<string, unknown>;

/** One page of a kind's list in the API. */
export interface ApiListing {
  page: number;
  pages: number;
  total: number;
  /** Matching entries the viewer may not read (members only). */
  withheld?: number;
  items: ApiObject[];
}

/** A kind in the JSON API: /api/<plural> and /api/<plural>/{key}, described in OpenAPI. */
export interface ApiSource {
  /** What names one entry in its address: /api/<plural>/{key}. */
  key: string;
  /** OpenAPI parameters the list understands (besides `lang`). */
  parameters: readonly Record<string, unknown>[];
  /** OpenAPI summaries of the two operations. */
  summaries: { list: string; find: string };
  /** JSON Schemas of an entry in a list and of one entry. */
  schemas: { summary: Record<string, unknown>; detail: Record<string, unknown> };
  /** Descriptions of the answers (200 of the list, 200 / 403 / 404 of one entry). */
  descriptions: { list: string; find: string; membersOnly: string; notFound: string };
  list(viewer: Viewer, query: Query, locale: string): Promise<ApiListing>;
  /** One entry, or 'members-only' when it exists in the members layer the viewer cannot read. */
  find(viewer: Viewer, key: string, locale: string): Promise<ApiObject | 'members-only' | null>;
}

/** A kind's list as a CSV or JSON file: what the same person sees on the page, every page of it. */
export interface ExportSource {
  /** The list's address under /:locale, with :params; the files are `<path>/export.csv|json`. */
  path: string;
  /** Whether the params name a list (else 404). */
  accepts(params: Params): boolean;
  /** The file's name without extension. */
  fileName(params: Params): string;
  /** Up to `limit` rows as flat records. */
  rows(
    viewer: Viewer,
    params: Params,
    query: Query,
    locale: string,
    limit: number,
  ): Promise<Record<string, string>[]>;
}

/**
 * One entry of a kind as the site search indexes it: in one language, as one reader sees it. The
 * index reads a kind's documents as a visitor and as a member, and writes each reading to its
 * layer of the search documents; a search reads only its viewer's layer.
 */
export interface SearchDocument {
  /** Names the entry within its kind (one document per key and language). */
  key: string;
  /** The text's language (BCP 47), whose stemming its words get; "und" when it has none. */
  locale: string;
  title: string;
  /** Shown under a hit (not searched: put it in `text` too when it should be); null for none. */
  snippet: string | null;
  /** What else of the entry the reader may read is searched, besides the title. */
  text: string;
  /** A site path without locale ("/about/who-we-are") or an outside address. */
  url: string;
  /** The entry's date (its last change will do); among equally good hits, newer first. */
  date: Date;
}

/** How the site search finds a kind's entries: they are written to its one table of documents. */
export interface SearchSource {
  /** Every entry the viewer may read, as documents. */
  documents(viewer: Viewer): Promise<SearchDocument[]>;
}

/** An entry's own page, as link previews and search engines read it (Open Graph, schema.org). */
export interface MetadataSource {
  /**
   * The metadata of the entry named by `key` as the viewer's page shows it; 'members-only' when
   * it exists in the members layer the viewer cannot read (whose page is a teaser); else null.
   */
  describe(
    viewer: Viewer,
    key: string,
    reader: MetadataReader,
  ): Promise<EntryMetadata | 'members-only' | null>;
}

/** What the members-layer test plants: a members-only entry holding the canary text. */
export interface CanarySource {
  /**
   * Writes one members-only entry (or members-only part of an entry) whose every text holds
   * `text`, and says where a channel would show it: the params of a feed or export address and
   * the API key that would find it.
   */
  plant(db: Db, text: string): Promise<{ params?: Params; key?: string }>;
}

/**
 * An entry as followers hear of it: what it is about, as topics a person can follow
 * ("theme:housing", "sdg:11", "udhr:25", "section:publications", "organisation:graz",
 * "city:utrecht", "event-kind:webinar", "space:housing", "thread:housing/3"), and when it became
 * new. Only references leave here: whoever is told of it reads it again through `metadata.describe`
 * as themselves, so an entry they may not read is never shown to them.
 */
export interface FollowedEntry {
  /** The key `metadata.describe` takes. */
  key: string;
  /** When it was published, or changed in a way worth telling (a new reply). */
  date: Date;
  topics: readonly string[];
}

/** How followers hear of a kind's entries (on their notification page and in digests). */
export interface FollowSource {
  /**
   * The kind of news its entries are, each with its own e-mail cadence per person: one of
   * NEWS_CATEGORIES.
   */
  category: NewsCategory;
  /**
   * Entries that became new after `since` and by `until`, oldest first, at most `limit`, in
   * every layer (nothing of them is shown: each follower reads them again as themselves).
   */
  changes(since: Date, until: Date, limit: number): Promise<FollowedEntry[]>;
}

/** The kinds of news a person chooses an e-mail cadence for. */
export const NEWS_CATEGORIES = ['knowledge', 'events', 'dialogue', 'news', 'network'] as const;
export type NewsCategory = (typeof NEWS_CATEGORIES)[number];

export interface ContentKind {
  /** Singular name, as search hits name it: "item", "answer", "organisation". */
  name: string;
  /** Plural, in addresses: /api/<plural>, /sitemap-<plural>-1.xml. */
  plural: string;
  feeds: readonly FeedSource[];
  sitemap: SitemapSource | null;
  api: ApiSource | null;
  export: ExportSource | null;
  search: SearchSource | null;
  metadata: MetadataSource | null;
  /** How followers hear of its entries; null when it has none to tell (needs `metadata`). */
  follow: FollowSource | null;
  canary: CanarySource;
}

/** Declares a kind; the identity keeps the literal types of the definition. */
export function defineKind<const Kind extends ContentKind>(kind: Kind): Kind {
  return kind;
}

/**
 * A kind found by the site search only: on no feed, sitemap, API or export, with no metadata of
 * its own page. A new channel must be
 * answered here too, once for every such kind.
 */
export function searchOnlyKind(
  kind: Pick<ContentKind, 'name' | 'plural' | 'canary'> & { search: SearchSource },
): ContentKind {
  return defineKind({
    ...kind,
    feeds: [],
    sitemap: null,
    api: null,
    export: null,
    metadata: null,
    follow: null,
  });
}
