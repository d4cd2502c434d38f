/**
 * Editors keep the useful-links directory: add a link to a group, correct its title, address or
 * layer, move it to another group, or remove it. Every change empties the render cache.
 */
import { z } from 'zod';
import { isUuid } from '../../platform/db/columns.js';
import { ForbiddenError, NotFoundError } from '../../platform/errors/errors.js';
import { can, validateForm, type FormResult, type SignedInViewer } from '../access/index.js';
import type { LinksRepository, StoredLink } from './links.repository.js';

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
    /** The groups of the directory, in editorial order, for the form. */
    async groups(viewer: SignedInViewer): Promise<{ id: string; title: string }[]> {
      assertEditor(viewer);
      return (await deps.links.groups()).map(({ id, title }) => ({ id, title }));
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
  };
}

export type LinksService = ReturnType<typeof createLinksService>;
