/**
 * The editors' side of the useful-links directory: its groups, and adding, changing, moving and
 * removing links. Readers read the directory through knowledge.repository.ts (layers applied).
 */
import { asc, eq, max } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import type { AccessLevel } from '../access/index.js';
import { linkGroups, links } from './knowledge.schema.js';

export interface LinkDraft {
  groupId: string;
  title: string;
  /** Null for an entry without an address (a heading-like line of the directory). */
  url: string | null;
  access: AccessLevel;
}

export interface StoredLink extends LinkDraft {
  id: string;
}

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** The next free position at the end of a group. */
async function nextPosition(db: Db | Tx, groupId: string): Promise<number> {
  const [last] = await db
    .select({ position: max(links.position) })
    .from(links)
    .where(eq(links.groupId, groupId));
  return (last?.position ?? -1) + 1;
}

export function createLinksRepository(db: Db) {
  return {
    /** Every group in editorial order, with its key (CSV imports name groups by key). */
    groups(): Promise<{ id: string; key: string; title: string }[]> {
      return db
        .select({ id: linkGroups.id, key: linkGroups.key, title: linkGroups.title })
        .from(linkGroups)
        .orderBy(asc(linkGroups.position));
    },

    async groupExists(id: string): Promise<boolean> {
      const found = await db
        .select({ id: linkGroups.id })
        .from(linkGroups)
        .where(eq(linkGroups.id, id));
      return found.length > 0;
    },

    async find(id: string): Promise<StoredLink | null> {
      const [link] = await db
        .select({
          id: links.id,
          groupId: links.groupId,
          title: links.title,
          url: links.url,
          access: links.access,
        })
        .from(links)
        .where(eq(links.id, id));
      return link ?? null;
    },

    /** Adds links at the end of their groups, all or none. Answers their ids. */
    async insert(drafts: readonly LinkDraft[]): Promise<string[]> {
      return db.transaction(async (tx) => {
        const ids: string[] = [];
        for (const draft of drafts) {
          const [created] = await tx
            .insert(links)
            .values({ ...draft, position: await nextPosition(tx, draft.groupId) })
            .returning({ id: links.id });
          ids.push(created?.id ?? '');
        }
        return ids;
      });
    },

    /**
     * Changes a link; one moved to another group goes to its end, and one with a new address
     * forgets what the link checker found at the old one.
     */
    async update(current: StoredLink, draft: LinkDraft): Promise<void> {
      const moved = current.groupId !== draft.groupId;
      const addressChanged = current.url !== draft.url;
      await db
        .update(links)
        .set({
          ...draft,
          ...(moved ? { position: await nextPosition(db, draft.groupId) } : {}),
          ...(addressChanged
            ? {
                checkState: null,
                checkHttpStatus: null,
                checkFinalUrl: null,
                checkMessage: null,
                checkedAt: null,
              }
            : {}),
          updatedAt: new Date(),
        })
        .where(eq(links.id, current.id));
    },

    async remove(id: string): Promise<void> {
      await db.delete(links).where(eq(links.id, id));
    },
  };
}

export type LinksRepository = ReturnType<typeof createLinksRepository>;
