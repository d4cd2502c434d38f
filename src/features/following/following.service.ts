/**
 * Following's use cases: follow a topic (one that exists), match what became new in every kind of
 * content with its followers (the job following.match), record notices for what concerns a
 * person, read a person's notifications as them, and their e-mail cadences.
 */
import { NEWS_CATEGORIES, type ContentKind } from '../../channels/kind.js';
import type { Catalogue } from '../../platform/i18n/catalogue.js';
import type { Logger } from '../../platform/logging/logger.js';
import { EVENT_KINDS } from '../events/index.js';
import { isKnowledgeSection } from '../knowledge/index.js';
import type { Reader } from '../members/index.js';
import type { SignedInViewer } from '../access/index.js';
import { CADENCES, DEFAULT_CADENCE, type Cadence } from './digests.service.js';
import type { Notice } from '../feature.js';
import type { FollowingRepository } from './following.repository.js';
import { readAs } from './reading.js';
import { parseTopic, topicLabel, topicPath, topicString, type Topic } from './topics.js';

/** The people of a dialogue watch, as followers of a kind's entries (key = the entry's). */
export type Watchers = (
  kind: string,
  keys: readonly string[],
) => Promise<readonly { userId: string; key: string; topic: string }[]>;

export interface FollowingDeps {
  repository: FollowingRepository;
  reader: (userId: string) => Promise<Reader | null>;
  kinds: () => readonly ContentKind[];
  themeKeys: () => Promise<readonly string[]>;
  watchers: Watchers;
  catalogue: Catalogue;
  publicUrl: string;
  clock: () => Date;
  log: Logger;
}

/** Entries read per kind and step of the matching job. */
const STEP = 500;
/** How far before its cursor each run reads a kind again. */
const OVERLAP_MS = 5 * 60 * 1000;
/** Notifications per page. */
export const NOTIFICATIONS_PAGE = 30;

export function createFollowingService(deps: FollowingDeps) {
  const { repository } = deps;

  /** Whether a well-formed topic names something that exists. */
  async function exists(topic: Topic): Promise<boolean> {
    switch (topic.kind) {
      case 'theme':
        return (await deps.themeKeys()).includes(topic.key);
      case 'section':
        return isKnowledgeSection(topic.key);
      case 'event-kind':
        return (EVENT_KINDS as readonly string[]).includes(topic.key);
      case 'organisation':
      case 'city':
        return (await repository.names([topicString(topic)])).size > 0;
      default:
        return true;
    }
  }

  return {
    /** Follows a topic; false when it names nothing that exists. */
    async follow(userId: string, value: unknown): Promise<boolean> {
      const topic = parseTopic(value);
      if (!topic || !(await exists(topic))) return false;
      await repository.follow(userId, topicString(topic));
      return true;
    },

    async unfollow(userId: string, value: unknown): Promise<void> {
      const topic = parseTopic(value);
      if (topic) await repository.unfollow(userId, topicString(topic));
    },

    /** What a person follows, named in their language, with where each is listed. */
    async following(userId: string, locale: string) {
      const rows = await repository.topicsOf(userId);
      const names = await repository.names(rows.map((row) => row.topic));
      const t = deps.catalogue.translator(locale);
      const text = (key: string, values?: Record<string, string>) => t.t(key, values ?? {});
      return rows.flatMap((row) => {
        const topic = parseTopic(row.topic);
        return topic
          ? [
              {
                topic: row.topic,
                kind: topic.kind,
                label: topicLabel(topic, text, names),
                path: topicPath(topic),
                since: row.since,
              },
            ]
          : [];
      });
    },

    stateOf: (userId: string) => repository.stateOf(userId),

    /**
     * The job: for every kind that tells followers, what became new since the last run is
     * matched with the followers of its topics (and the watchers of a thread). The first run
     * of a kind only marks where to start: nobody is told of the past.
     */
    async match(): Promise<number> {
      // The database's time, not this process's: entries are dated by it.
      const until = await repository.databaseNow();
      let written = 0;
      for (const kind of deps.kinds()) {
        if (!kind.follow) continue;
        const cursor = await repository.cursor(kind.name);
        if (cursor === null) {
          await repository.moveCursor(kind.name, until);
          continue;
        }
        // Read again a little before the cursor: a change committed late, dated a moment before
        // the last run, is still found (an entry told already is not told again).
        let from = new Date(cursor.getTime() - OVERLAP_MS);
        let limit = STEP;
        for (;;) {
          const entries = await kind.follow.changes(from, until, limit);
          written += await repository.notifyFollowers(
            kind.name,
            kind.follow.category,
            entries,
            'follows',
          );
          const keys = entries.map((entry) => entry.key);
          const watching = keys.length > 0 ? await deps.watchers(kind.name, keys) : [];
          written += await repository.notifyFollowers(
            kind.name,
            kind.follow.category,
            entries,
            watching,
          );
          const last = entries.at(-1);
          if (entries.length < limit || !last) break;
          // The next page starts just before the last date read, so entries sharing it are not
          // skipped; a whole page of one instant is read again, larger.
          const next = new Date(last.date.getTime() - 1);
          if (next.getTime() <= from.getTime()) limit *= 2;
          else [from, limit] = [next, STEP];
        }
        await repository.moveCursor(kind.name, until);
      }
      return written;
    },

    /** Tells a person of something that concerns them, on their notification page. */
    async notify(userId: string, notice: Notice): Promise<void> {
      try {
        await repository.notice(userId, notice, deps.clock());
      } catch (error) {
        // The action told of is done already; a lost notice is logged, not an error for it.
        deps.log.error({ err: error }, 'notice not recorded');
      }
    },

    /** A page of a person's notifications as they may read them now. */
    async notifications(reader: SignedInViewer, locale: string, page: number, unreadOnly: boolean) {
      const [rows, total, unread] = await Promise.all([
        repository.list(reader.id, {
          unreadOnly,
          offset: (page - 1) * NOTIFICATIONS_PAGE,
          limit: NOTIFICATIONS_PAGE,
        }),
        repository.count(reader.id, unreadOnly),
        repository.count(reader.id, true),
      ]);
      const shown = await readAs(deps, reader, locale, rows);
      const names = await repository.names(shown.map((entry) => entry.topic ?? ''));
      const t = deps.catalogue.translator(locale);
      const text = (key: string, values?: Record<string, string>) => t.t(key, values ?? {});
      return {
        entries: shown.map((entry) => {
          const topic = parseTopic(entry.topic);
          return { ...entry, because: topic ? topicLabel(topic, text, names) : null };
        }),
        total,
        unread,
        pages: Math.max(1, Math.ceil(total / NOTIFICATIONS_PAGE)),
      };
    },

    /** Marks a notification read and says where it leads; null when it is not theirs to read. */
    async open(reader: SignedInViewer, locale: string, id: string): Promise<string | null> {
      const [shown] = await readAs(deps, reader, locale, await repository.byIds(reader.id, [id]));
      if (!shown) return null;
      await repository.mark(reader.id, [id], true, deps.clock());
      // A page of this site is left by its path, so that any host the site answers on keeps it.
      return shown.url.startsWith(`${deps.publicUrl}/`)
        ? shown.url.slice(deps.publicUrl.length)
        : shown.url;
    },

    mark: (userId: string, ids: readonly string[] | null, read: boolean) =>
      repository.mark(userId, ids, read, deps.clock()),

    /** A person's cadence for every kind of news. */
    async cadences(userId: string): Promise<Record<string, Cadence>> {
      const chosen = await repository.preferences(userId);
      return Object.fromEntries(
        NEWS_CATEGORIES.map((category) => {
          const value = CADENCES.find((cadence) => cadence === chosen.get(category));
          return [category, value ?? DEFAULT_CADENCE];
        }),
      );
    },

    /** Sets cadences from a form; the kinds and cadences not understood are left as they were. */
    async setCadences(userId: string, form: Record<string, unknown>): Promise<number> {
      let changed = 0;
      for (const category of NEWS_CATEGORIES) {
        const cadence = CADENCES.find((value) => value === form[category]);
        if (!cadence) continue;
        await repository.setPreference(userId, category, cadence);
        changed += 1;
      }
      return changed;
    },

    /** Stops e-mail of these kinds (a digest's one-click link). */
    async stop(userId: string, categories: readonly string[]): Promise<void> {
      for (const category of categories) await repository.setPreference(userId, category, 'never');
    },

    purge: () => repository.purge(deps.clock()),
  };
}

export type FollowingService = ReturnType<typeof createFollowingService>;
