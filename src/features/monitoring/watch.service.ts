/**
 * Watching the field: polling the sources (politely: conditional requests, each source on its
 * own interval, failing ones waiting longer each time, never inside the network, a deadline and a
 * size limit), keeping new entries, and the editors' decisions on them. One source's trouble
 * never stops the others.
 */
import { can, validateForm, type FormResult, type SignedInViewer } from '../access/index.js';
import { ForbiddenError, NotFoundError } from '../../platform/errors/errors.js';
import { fetchText, mapWithConcurrency } from '../../platform/http/outbound.js';
import type { Logger } from '../../platform/logging/logger.js';
import { isUuid } from '../../platform/db/columns.js';
import type { EntriesRepository, QueueEntry } from './entries.repository.js';
import { readFeed, type FeedEntryRead } from './feed-reading.js';
import {
  PUBLISH_FIELDS,
  publishFormSchema,
  sourceFormSchema,
  trendFormSchema,
} from './monitoring.schemas.js';
import { slugify } from '../../platform/text/slugify.js';
import type { SourceDraft, SourceRow, SourcesRepository } from './sources.repository.js';
import type { TrendsRepository } from './trends.repository.js';

export const MONITORING_JOBS = {
  poll: { name: 'monitoring.poll-sources', cron: '*/10 * * * *' },
} as const;

/** The most sources polled by one run; the rest wait for the next. */
const SOURCES_PER_RUN = 40;
const MAX_FEED_BYTES = 2_000_000;

export interface WatchDeps {
  sources: SourcesRepository;
  entries: EntriesRepository;
  trends: TrendsRepository;
  /** The themes suggested for an entry of a source. */
  suggestThemes(text: string): Promise<string[]>;
  themeKeys(): Promise<readonly string[]>;
  /** Whether a Knowledge Centre item has this address already. */
  itemExists(slug: string): Promise<boolean>;
  countryCodes: readonly string[];
  locales: readonly string[];
  /** Publishes a news item from an item form's values: its id and address, or its problems. */
  publishNews(
    viewer: SignedInViewer,
    locale: string,
    form: Record<string, string | readonly string[]>,
  ): Promise<FormResult<{ id: string; path: string }>>;
  contentChanged(): Promise<void>;
  clock(): Date;
  log: Logger;
  /** For tests: let polls reach this machine's own addresses. */
  allowPrivate: boolean;
  timeoutMs?: number;
}

export interface PollReport {
  polled: number;
  failed: number;
  added: number;
}

const editorOnly = (viewer: SignedInViewer) => {
  if (!can(viewer, 'publish-knowledge')) throw new ForbiddenError();
};

export function createWatchService(deps: WatchDeps) {
  const { sources, entries } = deps;

  /** Polls one source; what went wrong is recorded on the source, never thrown. */
  async function poll(source: SourceRow): Promise<{ added: number; failed: boolean }> {
    const now = deps.clock();
    try {
      const fetched = await fetchText(source.feedUrl, {
        allowPrivate: deps.allowPrivate,
        timeoutMs: deps.timeoutMs ?? 20_000,
        maxBytes: MAX_FEED_BYTES,
        etag: source.etag,
        lastModified: source.lastModified,
        accept:
          'application/atom+xml, application/rss+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5',
      });
      if (fetched.kind === 'not-modified') {
        await sources.recordSuccess(source, now, null);
        return { added: 0, failed: false };
      }
      if (fetched.kind !== 'fetched') {
        const reason =
          fetched.kind === 'status'
            ? `HTTP ${fetched.status}`
            : `${fetched.reason}: ${fetched.message}`;
        await sources.recordFailure(source, now, reason);
        return { added: 0, failed: true };
      }
      const feed = readFeed(fetched.body.toString('utf8'));
      const themesOf = async (entry: FeedEntryRead) => [
        ...new Set([
          ...source.themes,
          ...(await deps.suggestThemes(
            [entry.title, entry.summary, ...entry.categories].join(' '),
          )),
        ]),
      ];
      const suggested = new Map<string, string[]>();
      for (const entry of feed.entries) suggested.set(entry.dedupeKey, await themesOf(entry));
      const added = await entries.keepNew(
        source,
        feed.entries,
        (entry) => suggested.get(entry.dedupeKey) ?? [],
        now,
      );
      const dates = feed.entries.flatMap((entry) => (entry.publishedAt ? [entry.publishedAt] : []));
      const newest =
        dates.length > 0
          ? new Date(Math.min(now.getTime(), Math.max(...dates.map((date) => date.getTime()))))
          : added > 0
            ? now
            : null;
      await sources.recordSuccess(source, now, {
        etag: fetched.etag,
        lastModified: fetched.lastModified,
        newestEntry: newest,
      });
      return { added, failed: false };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await sources
        .recordFailure(source, now, `not a feed: ${message}`)
        .catch((failure: unknown) =>
          deps.log.error({ err: failure, source: source.id }, 'watched source not updated'),
        );
      return { added: 0, failed: true };
    }
  }

  async function sourceDraft(
    form: unknown,
    id: string | null,
  ): Promise<FormResult<{ draft: SourceDraft }>> {
    const parsed = validateForm(sourceFormSchema, form);
    if (!parsed.ok) return parsed;
    const value = parsed.value;
    const errors: Record<string, string> = {};
    if (value.locale !== '' && !deps.locales.includes(value.locale))
      errors.locale = 'monitoring.errors.locale';
    const themes = new Set(await deps.themeKeys());
    if (!value.themes.every((theme) => themes.has(theme))) errors.themes = 'editor.errors.theme';
    if (await sources.feedUrlTaken(value.feedUrl, id))
      errors.feedUrl = 'monitoring.errors.feedUrlTaken';
    if (Object.keys(errors).length > 0) return { ok: false, errors };
    return { ok: true, draft: { ...value, themes: [...new Set(value.themes)] } };
  }

  async function waiting(viewer: SignedInViewer, entryId: string): Promise<QueueEntry> {
    editorOnly(viewer);
    const entry = isUuid(entryId) ? await entries.find(entryId) : null;
    if (!entry) throw new NotFoundError();
    return entry;
  }

  const countriesKnown = (values: readonly string[]) =>
    values.every((value) => deps.countryCodes.includes(value));

  return {
    /** Job: polls the sources that are due, four at a time. */
    async pollDue(): Promise<PollReport> {
      const due = await sources.claimDue(deps.clock(), SOURCES_PER_RUN);
      const results = await mapWithConcurrency(due, 4, poll);
      const report = {
        polled: due.length,
        failed: results.filter((result) => result.failed).length,
        added: results.reduce((sum, result) => sum + result.added, 0),
      };
      if (report.polled > 0) deps.log.info(report, 'watched sources polled');
      return report;
    },

    async listSources(viewer: SignedInViewer) {
      editorOnly(viewer);
      const [rows, waitingBySource] = await Promise.all([
        sources.list(),
        entries.waitingBySource(),
      ]);
      return rows.map((row) => ({ ...row, waiting: waitingBySource.get(row.id) ?? 0 }));
    },

    async source(viewer: SignedInViewer, id: string): Promise<SourceRow> {
      editorOnly(viewer);
      const found = isUuid(id) ? await sources.find(id) : null;
      if (!found) throw new NotFoundError();
      return found;
    },

    /** Registers a source (id null) or changes one; it is polled at its next turn. */
    async saveSource(
      viewer: SignedInViewer,
      id: string | null,
      form: unknown,
    ): Promise<FormResult<{ id: string }>> {
      editorOnly(viewer);
      if (id !== null) await this.source(viewer, id);
      const checked = await sourceDraft(form, id);
      if (!checked.ok) return checked;
      if (id === null) return { ok: true, id: await sources.create(checked.draft, deps.clock()) };
      await sources.update(id, checked.draft, deps.clock());
      return { ok: true, id };
    },

    async setMuted(viewer: SignedInViewer, id: string, muted: boolean): Promise<void> {
      await this.source(viewer, id);
      await sources.setMuted(id, muted, deps.clock());
    },

    async queue(
      viewer: SignedInViewer,
      filter: Parameters<EntriesRepository['queue']>[0],
      page: number,
    ) {
      editorOnly(viewer);
      return entries.queue(filter, page);
    },

    entry: waiting,

    /** Publishes a waiting entry as a news item: its title and link, the editor's summary, its source. */
    async publish(
      viewer: SignedInViewer,
      entryId: string,
      form: unknown,
    ): Promise<FormResult<{ path: string }>> {
      const entry = await waiting(viewer, entryId);
      if (entry.status !== 'new')
        return { ok: false, errors: {}, message: 'monitoring.errors.decided' };
      const parsed = validateForm(publishFormSchema, form);
      if (!parsed.ok) return parsed;
      const value = parsed.value;
      const errors: Record<string, string> = {};
      if (!deps.locales.includes(value.locale)) errors.locale = 'monitoring.errors.locale';
      if (!countriesKnown(value.countries)) errors.countries = 'editor.errors.country';
      if (Object.keys(errors).length > 0) return { ok: false, errors };
      // Claimed first: a second editor (or a second click) is told it is decided.
      if (!(await entries.decide(entryId, { status: 'published', by: viewer.id }, deps.clock())))
        return { ok: false, errors: {}, message: 'monitoring.errors.decided' };
      const base = slugify(value.title).slice(0, 70).replace(/-+$/, '') || 'news';
      const slug = (await deps.itemExists(base)) ? `${base}-${entryId.slice(0, 8)}` : base;
      const published = await deps.publishNews(viewer, value.locale, {
        title: value.title,
        slug,
        summary: value.summary,
        attr_url: entry.url,
        attr_source: entry.sourceName,
        section: 'other-issues',
        access: 'public',
        date: (entry.publishedAt ?? entry.createdAt).toISOString().slice(0, 10),
        themes: value.themes,
        countries: value.countries,
      });
      if (!published.ok) {
        await entries.reopen(entryId);
        // The item form's own problems (its address, the link) are the form's, not a field's.
        const own = Object.fromEntries(
          Object.entries(published.errors).filter(([field]) => PUBLISH_FIELDS.includes(field)),
        );
        const other = Object.entries(published.errors).find(
          ([field]) => !PUBLISH_FIELDS.includes(field),
        );
        return { ok: false, errors: own, message: other?.[1] ?? published.message };
      }
      await entries.linkItem(entryId, published.id);
      return { ok: true, path: published.path };
    },

    /** Attaches a waiting entry to a theme's trends with the editor's note. */
    async attachTrend(
      viewer: SignedInViewer,
      entryId: string,
      form: unknown,
    ): Promise<FormResult<{ id: string }>> {
      const entry = await waiting(viewer, entryId);
      if (entry.status !== 'new')
        return { ok: false, errors: {}, message: 'monitoring.errors.decided' };
      const parsed = validateForm(trendFormSchema, form);
      if (!parsed.ok) return parsed;
      const value = parsed.value;
      const errors: Record<string, string> = {};
      if (!deps.locales.includes(value.locale)) errors.locale = 'monitoring.errors.locale';
      if (!(await deps.themeKeys()).includes(value.theme)) errors.theme = 'monitoring.errors.theme';
      if (!countriesKnown(value.countries)) errors.countries = 'editor.errors.country';
      if (Object.keys(errors).length > 0) return { ok: false, errors };
      const decided = await entries.decide(
        entryId,
        { status: 'trend', by: viewer.id },
        deps.clock(),
      );
      if (!decided) return { ok: false, errors: {}, message: 'monitoring.errors.decided' };
      const id = await deps.trends.create({
        entryId,
        title: value.title,
        note: value.note,
        url: entry.url,
        sourceName: entry.sourceName,
        locale: value.locale,
        theme: value.theme,
        countries: [...new Set(value.countries)],
        access: value.access,
        date: entry.publishedAt ?? entry.createdAt,
        createdBy: viewer.id,
      });
      await deps.contentChanged();
      return { ok: true, id };
    },

    /** Dismisses a waiting entry; false when someone decided on it first. */
    async dismiss(viewer: SignedInViewer, entryId: string): Promise<boolean> {
      await waiting(viewer, entryId);
      return entries.decide(entryId, { status: 'dismissed', by: viewer.id }, deps.clock());
    },
  };
}

export type WatchService = ReturnType<typeof createWatchService>;
