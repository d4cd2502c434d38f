/**
 * Reading a watched feed: RSS, Atom, RDF or JSON Feed, parsed by feedsmith, into plain entries
 * (title, address, text, date, language) with the keys that recognise an entry on the next poll.
 * Outside HTML becomes text here and nowhere else.
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import type * as Feedsmith from 'feedsmith';

// Loaded when a feed is first read (by the monitoring job), not with the server.
const load = createRequire(import.meta.url);
type FeedsmithModule = typeof Feedsmith;
import { htmlToText } from '../../platform/text/html-text.js';

export interface FeedEntryRead {
  /** GUID, else the normalised address, else a fingerprint of the title. */
  dedupeKey: string;
  urlKey: string | null;
  title: string;
  url: string;
  summary: string;
  publishedAt: Date | null;
  locale: string;
  categories: string[];
}

export interface FeedRead {
  title: string;
  locale: string;
  entries: FeedEntryRead[];
}

/** The most entries kept of one reading: a feed of thousands is read for its newest. */
export const MAX_ENTRIES = 100;

type Fields = Record<string, unknown>;
const fields = (value: unknown): Fields =>
  typeof value === 'object' && value !== null ? (value as Fields) : {};
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
/** A text that may be a string, or `{ value }` (Atom's text constructs, RSS GUIDs). */
const textOf = (value: unknown): string => {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  const inner = fields(value).value;
  return typeof inner === 'string' ? inner : '';
};

/**
 * An address reduced to what names the page: scheme and host lower-cased, "www." and the
 * fragment dropped, tracking parameters (utm_*, fbclid…) removed, a trailing slash dropped.
 */
export function normaliseUrl(address: string): string | null {
  let url: URL;
  try {
    url = new URL(address.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  const params = [...url.searchParams.entries()]
    .filter(([name]) => !/^(utm_|fbclid$|gclid$|mc_cid$|mc_eid$|ref$)/i.test(name))
    .sort(([a], [b]) => a.localeCompare(b));
  const query = new URLSearchParams(params).toString();
  const host = url.hostname.toLowerCase().replace(/^www\./, '');
  const path = url.pathname.replace(/\/+$/, '');
  return `${host}${url.port ? `:${url.port}` : ''}${path}${query ? `?${query}` : ''}`;
}

/** The words of a title, folded, as a short hash: the same title however it is spaced or cased. */
export function titleFingerprint(title: string): string {
  const folded = title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return createHash('sha256').update(folded).digest('hex').slice(0, 32);
}

const date = (value: unknown): Date | null => {
  const text = textOf(value);
  if (!text) return null;
  const parsed = new Date(text);
  return Number.isNaN(parsed.getTime()) ? null : parsed;
};

const language = (value: unknown): string => {
  const text = textOf(value).trim().toLowerCase();
  return /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/.test(text) ? (text.split('-')[0] ?? '') : '';
};

const clip = (text: string, max: number) =>
  text.length > max ? `${text.slice(0, max - 1)}…` : text;

interface RawEntry {
  guid: string;
  title: string;
  url: string;
  html: string;
  date: Date | null;
  locale: string;
  categories: string[];
}

function rawEntries(format: string, feed: Fields): RawEntry[] {
  if (format === 'atom')
    return list(feed.entries).map((value) => {
      const entry = fields(value);
      const links = list(entry.links).map(fields);
      const link =
        links.find((candidate) => !candidate.rel || candidate.rel === 'alternate') ?? links[0];
      return {
        guid: textOf(entry.id),
        title: textOf(entry.title),
        url: textOf(link?.href),
        html: textOf(entry.summary) || textOf(entry.content),
        date: date(entry.published) ?? date(entry.updated),
        locale: language(fields(entry.xml).lang),
        categories: list(entry.categories).map((category) => textOf(fields(category).term)),
      };
    });
  if (format === 'json')
    return list(feed.items).map((value) => {
      const item = fields(value);
      return {
        guid: textOf(item.id),
        title: textOf(item.title),
        url: textOf(item.url) || textOf(item.external_url),
        html: textOf(item.summary) || textOf(item.content_html) || textOf(item.content_text),
        date: date(item.date_published) ?? date(item.date_modified),
        locale: language(item.language),
        categories: list(item.tags).map(textOf),
      };
    });
  // RSS and RDF.
  return list(feed.items).map((value) => {
    const item = fields(value);
    const dc = fields(item.dc);
    return {
      guid: textOf(item.guid),
      title: textOf(item.title),
      url: textOf(item.link),
      html: textOf(item.description) || textOf(fields(item.content).encoded),
      date: date(item.pubDate) ?? date(dc.date),
      locale: language(dc.language),
      categories: list(item.categories).map((category) => textOf(fields(category).name)),
    };
  });
}

/** Parses a feed's bytes; throws when they are not a feed of a known format. */
export function readFeed(body: string): FeedRead {
  const { parseFeed } = load('feedsmith') as FeedsmithModule;
  const { format, feed: parsed } = parseFeed(body);
  const feed = fields(parsed);
  const feedLocale = language(feed.language) || language(fields(feed.xml).lang);
  const seen = new Set<string>();
  const entries: FeedEntryRead[] = [];
  for (const raw of rawEntries(format, feed)) {
    const title = clip(htmlToText(raw.title), 300);
    const url = normaliseUrl(raw.url) ? new URL(raw.url.trim()).href : '';
    const urlKey = url ? normaliseUrl(url) : null;
    if (!title && !urlKey) continue;
    const guid = raw.guid.trim().slice(0, 500);
    const dedupeKey = guid
      ? `guid:${guid}`
      : urlKey
        ? `url:${urlKey}`
        : `title:${titleFingerprint(title)}`;
    if (seen.has(dedupeKey)) continue;
    seen.add(dedupeKey);
    entries.push({
      dedupeKey,
      urlKey,
      title: title || url,
      url,
      summary: clip(htmlToText(raw.html), 2000),
      publishedAt: raw.date,
      locale: raw.locale || feedLocale,
      categories: raw.categories.map((category) => clip(category.trim(), 100)).filter(Boolean),
    });
    if (entries.length >= MAX_ENTRIES) break;
  }
  return { title: htmlToText(textOf(feed.title)), locale: feedLocale, entries };
}
