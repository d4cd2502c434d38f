/**
 * Editors keep the useful-links directory: add a link to a group, correct its title, address or
 * layer, move it to another group, or remove it. Every change empties the render cache.
 */
import { z } from 'zod';
import { isUuid } from '../../platform/db/columns.js';
import { ForbiddenError, NotFoundError } from '../../platform/errors/errors.js';
import { can, validateForm, type FormResult, type SignedInViewer } from '../access/index.js';
import { slugify } from '../../platform/text/slugify.js';
import type { EditorGroupRow, LinksRepository, StoredLink } from './links.repository.js';

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

export const groupFormSchema = z.object({
  title: z.string().trim().min(1, 'editor.errors.titleRequired').max(200, 'editor.errors.tooLong'),
  parentId: z
    .string()
    .refine((value) => value === '' || isUuid(value), 'editor.groupForm.errors.parent')
    .optional()
    .default(''),
  access: z.enum(['public', 'members'], 'editor.errors.access'),
});

/**
 * The group and every group inside it, at any depth: where the group may not be moved to. Empty
 * for a new group (id null). The tree comes in the directory's order, parents first.
 */
export function groupAndItsGroups(tree: readonly EditorGroupRow[], id: string | null): Set<string> {
  const below = new Set(id ? [id] : []);
  for (const group of tree) if (group.parentId && below.has(group.parentId)) below.add(group.id);
  return below;
}

export interface EditableLink {
  id: string;
  groupId: string;
  title: string;
  url: string;
  access: 'public' | 'members';
}

export function createLinksService(deps: {
  links: LinksRepository;
  contentChanged: () => Promise<void>;
}) {
  const assertEditor = (viewer: SignedInViewer): void => {
    if (!can(viewer, 'publish-knowledge')) throw new ForbiddenError();
  };

  async function stored(id: string): Promise<StoredLink> {
    const link = isUuid(id) ? await deps.links.find(id) : null;
    if (!link) throw new NotFoundError();
    return link;
  }

  return {
    /** The groups of the directory, in editorial order, for the forms (a CSV names one by key). */
    async groups(viewer: SignedInViewer): Promise<{ id: string; key: string; title: string }[]> {
      assertEditor(viewer);
      return deps.links.groups();
    },

    async find(viewer: SignedInViewer, id: string): Promise<EditableLink> {
      assertEditor(viewer);
      const link = await stored(id);
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
      if (!(await deps.links.groupExists(value.groupId)))
        return { ok: false, errors: { groupId: 'editor.linkForm.errors.group' } };
      const draft = {
        groupId: value.groupId,
        title: value.title,
        url: value.url || null,
        access: value.access,
      };
      let savedId: string;
      if (id === null) {
        [savedId = ''] = await deps.links.insert([draft]);
      } else {
        await deps.links.update(await stored(id), draft);
        savedId = id;
      }
      await deps.contentChanged();
      return { ok: true, id: savedId };
    },

    async remove(viewer: SignedInViewer, id: string): Promise<void> {
      assertEditor(viewer);
      await deps.links.remove((await stored(id)).id);
      await deps.contentChanged();
    },

    /** Every group of the directory, in its order, with how many links and groups it holds. */
    async groupTree(viewer: SignedInViewer): Promise<EditorGroupRow[]> {
      assertEditor(viewer);
      return deps.links.groupTree();
    },

    /** Adds a group (id null) or changes one: its title, layer, or the group it sits in. */
    async saveGroup(
      viewer: SignedInViewer,
      id: string | null,
      form: unknown,
    ): Promise<FormResult<{ id: string }>> {
      assertEditor(viewer);
      const tree = await deps.links.groupTree();
      if (id !== null && !tree.some((group) => group.id === id)) throw new NotFoundError();
      const valid = validateForm(groupFormSchema, form);
      if (!valid.ok) return valid;
      const parentId = valid.value.parentId || null;
      // A group cannot sit in itself or in one of its own groups.
      const below = groupAndItsGroups(tree, id);
      if (parentId && (!tree.some((group) => group.id === parentId) || below.has(parentId)))
        return { ok: false, errors: { parentId: 'editor.groupForm.errors.parent' } };
      const draft = { title: valid.value.title, parentId, access: valid.value.access };
      let savedId = id ?? '';
      if (id === null) {
        const base = slugify(draft.title) || 'group';
        let key = base;
        for (let n = 2; await deps.links.keyTaken(key); n++) key = `${base}-${n}`;
        savedId = await deps.links.insertGroup(key, draft);
      } else await deps.links.updateGroup(id, draft);
      await deps.contentChanged();
      return { ok: true, id: savedId };
    },

    async moveGroup(viewer: SignedInViewer, id: string, direction: 'up' | 'down'): Promise<void> {
      assertEditor(viewer);
      if (!isUuid(id)) throw new NotFoundError();
      await deps.links.moveGroup(id, direction);
      await deps.contentChanged();
    },

    /** Removes an empty group; one that still holds links or groups is kept, and false says so. */
    async removeGroup(viewer: SignedInViewer, id: string): Promise<boolean> {
      assertEditor(viewer);
      if (!isUuid(id)) throw new NotFoundError();
      const removed = await deps.links.removeEmptyGroup(id);
      if (removed) await deps.contentChanged();
      return removed;
    },
  };
}

export type LinksService = ReturnType<typeof createLinksService>;
