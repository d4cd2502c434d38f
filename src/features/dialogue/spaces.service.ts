/**
 * Editors open and change the dialogue's spaces: a name and description in one language, the
 * languages people write in, who reads it (anyone, members, or a working group of chosen
 * organisations), and what it is about (a theme, an event, a Knowledge Centre item).
 */
import type { FormResult, SignedInViewer } from '../access/index.js';
import { validateForm } from '../access/index.js';
import { spaceFormSchema } from './dialogue.schemas.js';
import { isModerator } from './dialogue.visibility.js';
import type { SpaceDraft, SpacesRepository } from './spaces.repository.js';

export interface SpacesDeps {
  spaces: SpacesRepository;
  locales: readonly string[];
  themeKeys(): Promise<readonly string[]>;
  /** The ids of the network's organisations, which a working group may gather. */
  organisationIds(): Promise<ReadonlySet<string>>;
  contentChanged(): Promise<void>;
}

export function createSpacesService(deps: SpacesDeps) {
  async function draftOf(
    form: unknown,
  ): Promise<FormResult<{ draft: SpaceDraft; moderators: string[] }>> {
    const parsed = validateForm(spaceFormSchema, form);
    if (!parsed.ok) return parsed;
    const value = parsed.value;
    const errors: Record<string, string> = {};
    if (!deps.locales.includes(value.locale)) errors.locale = 'dialogue.errors.locale';
    if (!value.languages.every((language) => deps.locales.includes(language)))
      errors.languages = 'dialogue.errors.languages';
    if (value.theme !== '' && !(await deps.themeKeys()).includes(value.theme))
      errors.theme = 'dialogue.errors.theme';
    const known = await deps.organisationIds();
    if (!value.organisations.every((id) => known.has(id)))
      errors.organisations = 'dialogue.errors.organisations';
    else if (value.audience === 'group' && value.organisations.length === 0)
      errors.organisations = 'dialogue.errors.groupEmpty';
    if (value.eventSlug !== '' && !/^[a-z0-9-]{1,120}$/.test(value.eventSlug))
      errors.eventSlug = 'dialogue.errors.eventSlug';
    if (value.itemPath !== '' && !/^\/knowledge\/[a-z0-9-]+\/[a-z0-9-]+$/.test(value.itemPath))
      errors.itemPath = 'dialogue.errors.itemPath';
    const accounts = await deps.spaces.accountsOf(value.moderators);
    if (value.moderators.some((address) => !accounts.has(address)))
      errors.moderators = 'dialogue.errors.moderators';
    if (Object.keys(errors).length > 0) return { ok: false, errors };
    return {
      ok: true,
      draft: {
        slug: value.slug,
        name: value.name,
        description: value.description,
        locale: value.locale,
        languages: [...new Set(value.languages)],
        audience: value.audience,
        organisations: value.audience === 'group' ? [...new Set(value.organisations)] : [],
        theme: value.theme || null,
        eventSlug: value.eventSlug || null,
        itemPath: value.itemPath || null,
        archived: value.archived,
      },
      moderators: [...accounts.values()],
    };
  }

  return {
    canEdit: (viewer: SignedInViewer) => isModerator(viewer),
    /** The addresses of a space's appointed moderators, for its form. */
    moderators: (spaceId: string) => deps.spaces.moderators(spaceId),

    /** Opens a space; its address, or the form's errors. */
    async create(viewer: SignedInViewer, form: unknown): Promise<FormResult<{ slug: string }>> {
      if (!isModerator(viewer)) return { ok: false, errors: { form: 'dialogue.errors.notEditor' } };
      const drafted = await draftOf(form);
      if (!drafted.ok) return drafted;
      const id = await deps.spaces.create(drafted.draft);
      if (!id) return { ok: false, errors: { slug: 'dialogue.errors.slugTaken' } };
      await deps.spaces.setModerators(id, drafted.moderators);
      await deps.contentChanged();
      return { ok: true, slug: drafted.draft.slug };
    },

    /** Changes a space; its (perhaps new) address, or the form's errors. */
    async update(
      viewer: SignedInViewer,
      id: string,
      form: unknown,
    ): Promise<FormResult<{ slug: string }>> {
      if (!isModerator(viewer)) return { ok: false, errors: { form: 'dialogue.errors.notEditor' } };
      const drafted = await draftOf(form);
      if (!drafted.ok) return drafted;
      if (!(await deps.spaces.update(id, drafted.draft)))
        return { ok: false, errors: { slug: 'dialogue.errors.slugTaken' } };
      await deps.spaces.setModerators(id, drafted.moderators);
      await deps.contentChanged();
      return { ok: true, slug: drafted.draft.slug };
    },
  };
}

export type SpacesService = ReturnType<typeof createSpacesService>;
