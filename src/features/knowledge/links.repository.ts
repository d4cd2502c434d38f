/**
 * The editors' side of the useful-links directory: its groups, and adding, changing, moving and
 * removing links. Readers read the directory through knowledge.repository.ts (layers applied).
 */
import { and, asc, count, eq, isNull, max, sql } from 'drizzle-orm';
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

export interface GroupDraft {
  title: string;
  /** The group it sits in, or null at the top of the directory. */
  parentId: string | null;
  access: AccessLevel;
}

/** A group as editors see it, in the order of the directory, with what it holds. */
export interface EditorGroupRow extends GroupDraft {
  id: string;
  key: string;
  /** 0 at the top of the directory. */
  depth: number;
  links: number;
  groups: number;
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

    /** Every group in the order of the directory (each followed by its own groups). */
    async groupTree(): Promise<EditorGroupRow[]> {
      const [groups, linkCounts] = await Promise.all([
        db.select().from(linkGroups).orderBy(asc(linkGroups.position), asc(linkGroups.title)),
        db.select({ groupId: links.groupId, n: count() }).from(links).groupBy(links.groupId),
      ]);
      const linksIn = new Map(linkCounts.map((row) => [row.groupId, row.n]));
      const rows: EditorGroupRow[] = [];
      const walk = (parentId: string | null, depth: number) => {
        for (const group of groups.filter((entry) => entry.parentId === parentId)) {
          rows.push({
            id: group.id,
            key: group.key,
            title: group.title,
            parentId: group.parentId,
            access: group.access,
            depth,
            links: linksIn.get(group.id) ?? 0,
            groups: groups.filter((entry) => entry.parentId === group.id).length,
          });
          walk(group.id, depth + 1);
        }
      };
      walk(null, 0);
      return rows;
    },

    async keyTaken(key: string): Promise<boolean> {
      const found = await db
        .select({ id: linkGroups.id })
        .from(linkGroups)
        .where(eq(linkGroups.key, key));
      return found.length > 0;
    },

    /** Adds a group at the end of its parent. */
    async insertGroup(key: string, draft: GroupDraft): Promise<string> {
      const siblings = draft.parentId
        ? eq(linkGroups.parentId, draft.parentId)
        : isNull(linkGroups.parentId);
      const [last] = await db
        .select({ position: max(linkGroups.position) })
        .from(linkGroups)
        .where(siblings);
      const [created] = await db
        .insert(linkGroups)
        .values({ key, ...draft, position: (last?.position ?? -1) + 1 })
        .returning({ id: linkGroups.id });
      return created?.id ?? '';
    },

    async updateGroup(id: string, draft: GroupDraft): Promise<void> {
      await db.update(linkGroups).set(draft).where(eq(linkGroups.id, id));
    },

    /** Swaps a group with its neighbour above or below, among the groups of the same parent. */
    async moveGroup(id: string, direction: 'up' | 'down'): Promise<void> {
      await db.transaction(async (tx) => {
        const [group] = await tx.select().from(linkGroups).where(eq(linkGroups.id, id));
        if (!group) return;
        const siblings = await tx
          .select()
          .from(linkGroups)
          .where(
            group.parentId ? eq(linkGroups.parentId, group.parentId) : isNull(linkGroups.parentId),
          )
          .orderBy(asc(linkGroups.position), asc(linkGroups.title));
        const index = siblings.findIndex((entry) => entry.id === id);
        const other = siblings[direction === 'up' ? index - 1 : index + 1];
        if (!other) return;
        // Positions are renumbered in order first, so that equal positions cannot stall a move.
        const order = siblings.map((entry) => entry.id);
        order[index] = other.id;
        order[siblings.indexOf(other)] = id;
        for (const [position, groupId] of order.entries())
          await tx.update(linkGroups).set({ position }).where(eq(linkGroups.id, groupId));
      });
    },

    /** Removes a group that holds neither links nor groups; answers whether it did. */
    async removeEmptyGroup(id: string): Promise<boolean> {
      const removed = await db
        .delete(linkGroups)
        .where(
          and(
            eq(linkGroups.id, id),
            sql`NOT EXISTS (SELECT 1 FROM ${links} WHERE ${links.groupId} = ${linkGroups.id})`,
            sql`NOT EXISTS (SELECT 1 FROM ${linkGroups} c WHERE c.parent_id = ${linkGroups.id})`,
          ),
        )
        .returning({ id: linkGroups.id });
      return removed.length > 0;
    },
  };
}

export type LinksRepository = ReturnType<typeof createLinksRepository>;
