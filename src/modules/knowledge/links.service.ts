/**
 * Editors keep the useful-links directory: add a link to a group, correct its title, address or
 * layer, move it to another group, or remove it. Every change empties the render cache.
 */
import { asc, eq, max } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../platform/db/database.js';
import { isUuid } from '../../platform/db/columns.js';
import { ForbiddenError, NotFoundError } from '../../platform/errors/errors.js';
import { can, validateForm, type FormResult, type SignedInViewer } from '../access/index.js';
import { linkGroups, links } from './knowledge.schema.js';

export const linkFormSchema = z.object({
  groupId: z.string().refine(isUuid, 'editor.linkForm.errors.group'),
  title: z.string().trim().min(1, 'editor.errors.titleRequired').max(300, 'editor.errors.tooLong'),
  url: z
    .string()
    .trim()
    .max(1000, 'editor.errors.tooLong')
    .refine(
      (value) => value === '' || /^https?:\/\/[^\s/$.?#][^\s]*$/i.test(value),
      'editor.errors.url',
    )
    .optional()
    .default(''),
  access: z.enum(['public', 'members'], 'editor.errors.access'),
});

export interface EditableLink {
  id: string;
  groupId: string;
  title: string;
  url: string;
  access: 'public' | 'members';
}

export function createLinksService(deps: { db: Db; contentChanged: () => Promise<void> }) {
  const { db } = deps;
  const assertEditor = (viewer: SignedInViewer): void => {
    if (!can(viewer, 'publish-knowledge')) throw new ForbiddenError();
  };

  async function validGroup(groupId: string): Promise<boolean> {
    return (
      (await db.select({ id: linkGroups.id }).from(linkGroups).where(eq(linkGroups.id, groupId)))
        .length > 0
    );
  }

  async function nextPosition(groupId: string): Promise<number> {
    const [last] = await db
      .select({ position: max(links.position) })
      .from(links)
      .where(eq(links.groupId, groupId));
    return (last?.position ?? -1) + 1;
  }

  return {
    /** The groups of the directory, in editorial order, for the form. */
    async groups(viewer: SignedInViewer): Promise<{ id: string; title: string }[]> {
      assertEditor(viewer);
      return db
        .select({ id: linkGroups.id, title: linkGroups.title })
        .from(linkGroups)
        .orderBy(asc(linkGroups.position));
    },

    async find(viewer: SignedInViewer, id: string): Promise<EditableLink> {
      assertEditor(viewer);
      const [link] = isUuid(id)
        ? await db
            .select({
              id: links.id,
              groupId: links.groupId,
              title: links.title,
              url: links.url,
              access: links.access,
            })
            .from(links)
            .where(eq(links.id, id))
        : [];
      if (!link) throw new NotFoundError();
      return { ...link, url: link.url ?? '' };
    },

    /** Adds a link (id null) or changes one. */
    async save(
      viewer: SignedInViewer,
      id: string | null,
      form: unknown,
    ): Promise<FormResult<{ id: string }>> {
      assertEditor(viewer);
      const valid = validateForm(linkFormSchema, form);
      if (!valid.ok) return valid;
      const value = valid.value;
      if (!(await validGroup(value.groupId)))
        return { ok: false, errors: { groupId: 'editor.linkForm.errors.group' } };
      const fields = {
        groupId: value.groupId,
        title: value.title,
        url: value.url || null,
        access: value.access,
      };
      let savedId: string;
      if (id === null) {
        const [created] = await db
          .insert(links)
          .values({ ...fields, position: await nextPosition(value.groupId) })
          .returning({ id: links.id });
        savedId = created?.id ?? '';
      } else {
        const current = await this.find(viewer, id);
        const moved = current.groupId !== value.groupId;
        const addressChanged = current.url !== value.url;
        await db
          .update(links)
          .set({
            ...fields,
            ...(moved ? { position: await nextPosition(value.groupId) } : {}),
            // A new address has not been checked yet.
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
          .where(eq(links.id, id));
        savedId = id;
      }
      await deps.contentChanged();
      return { ok: true, id: savedId };
    },

    async remove(viewer: SignedInViewer, id: string): Promise<void> {
      await this.find(viewer, id);
      await db.delete(links).where(eq(links.id, id));
      await deps.contentChanged();
    },
  };
}

export type LinksService = ReturnType<typeof createLinksService>;
