/**
 * Editors review the profiles cities send (approve: the working copy becomes public; or ask for
 * changes, in words the city's admins read on their page), and keep the shared indicators.
 */
import { can, type FormResult, type SignedInViewer } from '../access/index.js';
import { ForbiddenError, NotFoundError } from '../../platform/errors/errors.js';
import { str, type Form } from './form-text.js';
import { isUnit } from './values.js';
import type { IndicatorDraft, ProfilesRepository } from './profiles.repository.js';
import type { ProfileMail } from './cities.mail.js';

export function createReviewService(deps: {
  profiles: ProfilesRepository;
  /** Tells the city's admins of the decision. */
  mail: ProfileMail;
  locales: readonly string[];
  contentChanged(): Promise<void>;
  clock(): Date;
}) {
  const { profiles } = deps;
  const editorOnly = (viewer: SignedInViewer) => {
    if (!can(viewer, 'publish-knowledge')) throw new ForbiddenError();
  };
  const submitted = async (slug: string) => {
    const city = await profiles.city(slug);
    if (!city) throw new NotFoundError();
    return city;
  };

  return {
    async queue(viewer: SignedInViewer) {
      editorOnly(viewer);
      return profiles.submitted();
    },

    async city(viewer: SignedInViewer, slug: string) {
      editorOnly(viewer);
      return submitted(slug);
    },

    /** Publishes the copy the city sent; false when it was decided already. */
    async approve(viewer: SignedInViewer, slug: string): Promise<boolean> {
      editorOnly(viewer);
      const city = await submitted(slug);
      const approved = await profiles.approve(city.id, viewer.id, deps.clock());
      if (approved) {
        await deps.contentChanged();
        await deps.mail(await profiles.adminsOf(city.id), 'approved', city, '');
      }
      return approved;
    },

    async requestChanges(
      viewer: SignedInViewer,
      slug: string,
      form: Form,
    ): Promise<FormResult<{ decided: boolean }>> {
      editorOnly(viewer);
      const city = await submitted(slug);
      const note = str(form, 'note');
      if (note === '' || note.length > 4000)
        return { ok: false, errors: { note: 'cities.errors.reviewNote' } };
      const decided = await profiles.requestChanges(city.id, viewer.id, note);
      if (decided) await deps.mail(await profiles.adminsOf(city.id), 'changes', city, note);
      return { ok: true, decided };
    },

    /** The shared indicators and the city's own, for reading its draft. */
    async indicatorsOf(viewer: SignedInViewer, organisationId: string) {
      editorOnly(viewer);
      return (await profiles.indicators()).filter(
        (indicator) => !indicator.organisationId || indicator.organisationId === organisationId,
      );
    },

    async indicators(viewer: SignedInViewer) {
      editorOnly(viewer);
      return (await profiles.indicators()).filter((indicator) => !indicator.organisationId);
    },

    /** Adds a shared indicator (id null) or changes one. */
    async saveIndicator(
      viewer: SignedInViewer,
      id: string | null,
      form: Form,
    ): Promise<FormResult> {
      editorOnly(viewer);
      const errors: Record<string, string> = {};
      const names: Record<string, string> = {};
      const definitions: Record<string, string> = {};
      for (const locale of deps.locales) {
        const name = str(form, `name_${locale}`);
        if (name.length > 200) errors[`name_${locale}`] = 'cities.errors.indicatorName';
        else if (name) names[locale] = name;
        const definition = str(form, `definition_${locale}`);
        if (definition.length > 2000) errors[`definition_${locale}`] = 'cities.errors.definition';
        else if (definition) definitions[locale] = definition;
      }
      const first = deps.locales[0] ?? 'en';
      if (!names[first] && !errors[`name_${first}`])
        errors[`name_${first}`] = 'cities.errors.indicatorName';
      // A key names the indicator in every city's values: it is chosen once, never changed.
      const existing = id ? (await profiles.indicators()).find((entry) => entry.id === id) : null;
      if (id && !existing) throw new NotFoundError();
      const key = existing ? existing.key : str(form, 'key');
      if (!existing && (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(key) || key.length > 80))
        errors.key = 'cities.errors.key';
      else if (!existing && (await profiles.keyTaken(key, id)))
        errors.key = 'cities.errors.keyTaken';
      const unit = str(form, 'unit');
      if (!isUnit(unit)) errors.unit = 'cities.errors.unit';
      const sdgTarget = str(form, 'sdgTarget');
      if (sdgTarget !== '' && !/^(1[0-7]|[1-9])\.([1-9]|1[0-9]|[a-d])$/.test(sdgTarget))
        errors.sdgTarget = 'editor.errors.sdgTargets';
      const article = str(form, 'udhrArticle');
      if (
        article !== '' &&
        !(/^\d{1,2}$/.test(article) && Number(article) >= 1 && Number(article) <= 30)
      )
        errors.udhrArticle = 'cities.errors.article';
      const source = str(form, 'source');
      if (source.length > 500) errors.source = 'cities.errors.source';
      const direction = str(form, 'direction');
      if (!['higher', 'lower', 'neither'].includes(direction))
        errors.direction = 'cities.errors.direction';
      if (Object.keys(errors).length > 0) return { ok: false, errors };
      const draft: IndicatorDraft = {
        key,
        organisationId: null,
        names,
        definitions,
        unit,
        sdgTarget: sdgTarget || null,
        udhrArticle: article ? Number(article) : null,
        source,
        higherIsBetter: direction === 'neither' ? null : direction === 'higher',
      };
      await profiles.saveIndicator(id, draft);
      await deps.contentChanged();
      return { ok: true };
    },
  };
}

export type ReviewService = ReturnType<typeof createReviewService>;
