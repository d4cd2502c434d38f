/**
 * The editorial work of the Knowledge Centre: writing items in several languages, moving them
 * through draft → review → published → archived (now or at a set time), and going back to any
 * earlier revision. Only editors and administrators may do any of it.
 */
import { ForbiddenError, NotFoundError } from '../../platform/errors/errors.js';
import { isUuid } from '../../platform/db/columns.js';
import { slugify } from '../../platform/text/slugify.js';
import { can, validateForm, type FormResult, type SignedInViewer } from '../access/index.js';
import type {
  EditableItem,
  EditorialRepository,
  ItemDraft,
  RevisionView,
  TranslationDraft,
} from './editorial.repository.js';
import { itemFormSchema, statusFormSchema } from './items.schemas.js';
import {
  DEFAULT_RESTRICTED,
  DEFAULT_SECTION,
  TRANSITIONS,
  TYPE_ATTRIBUTES,
  fieldsOf,
  type ItemStatus,
  type ItemType,
} from './items.types.js';

export interface KnowledgeServiceDeps {
  editorial: EditorialRepository;
  themeKeys: () => Promise<readonly string[]>;
  /** Content locales an item may be written in. */
  locales: readonly string[];
  /** Called after every change that public pages show. */
  contentChanged: () => Promise<void>;
  clock?: () => Date;
}

/** What the form holds when it opens on a new item. */
export function blankItem(type: ItemType, today: string): Omit<EditableItem, 'id' | 'updatedAt'> {
  return {
    type,
    section: DEFAULT_SECTION[type],
    slug: '',
    access: 'public',
    status: 'draft',
    publishedAt: null,
    date: today,
    originalLocale: '',
    restrictedFields: [...DEFAULT_RESTRICTED[type]],
    attributes: {},
    themes: [],
    sdgs: [],
    sdgTargets: [],
    rights: [],
    countries: [],
    related: [],
    translation: null,
    translations: [],
  };
}

export const KNOWLEDGE_JOBS = {
  announceDueItems: { name: 'knowledge.announce-due-items', cron: '* * * * *' },
} as const;

export function createKnowledgeService(deps: KnowledgeServiceDeps) {
  const now = deps.clock ?? (() => new Date());

  function assertEditor(viewer: SignedInViewer): void {
    if (!can(viewer, 'publish-knowledge')) throw new ForbiddenError();
  }

  function assertLocale(locale: string): void {
    if (!deps.locales.includes(locale)) throw new NotFoundError();
  }

  /** Validates the form into an item and one translation, or field errors. */
  async function parse(
    type: ItemType,
    locale: string,
    form: unknown,
    /** The stored item's address, kept when the form leaves it empty. */
    storedSlug?: string,
  ): Promise<
    | { ok: true; draft: ItemDraft; translation: TranslationDraft }
    | { ok: false; errors: Record<string, string> }
  > {
    const schema = itemFormSchema(type, new Set(await deps.themeKeys()));
    const valid = validateForm(schema, form);
    if (!valid.ok) return valid;
    const value = valid.value as Record<string, unknown> & typeof valid.value;
    const attributes: Record<string, string> = {};
    for (const name of TYPE_ATTRIBUTES[type]) {
      const entry = value[`attr_${name}`];
      if (typeof entry === 'string' && entry !== '') attributes[name] = entry;
    }
    const fields: Record<string, string> = {};
    for (const name of fieldsOf(type)) {
      const entry = value[`field_${name}`];
      if (typeof entry === 'string') fields[name] = entry;
    }
    return {
      ok: true,
      draft: {
        type,
        section: value.section,
        slug: value.slug || storedSlug || slugify(value.title) || 'item',
        access: value.access,
        date: value.date,
        restrictedFields: value.restricted,
        attributes,
        themes: value.themes,
        sdgs: value.sdgs,
        sdgTargets: value.sdgTargets,
        rights: value.rights,
        countries: value.countries,
        related: value.related,
      },
      translation: {
        locale,
        title: value.title,
        summary: value.summary,
        body: value.body,
        fields,
        status: value.translationStatus,
      },
    };
  }

  async function unknownRelated(draft: ItemDraft): Promise<string[]> {
    const missing: string[] = [];
    for (const slug of draft.related)
      if (!(await deps.editorial.slugTaken(slug, null))) missing.push(slug);
    return missing;
  }

  return {
    /**
     * Job: when a scheduled item's time has come in the last two minutes, pages that list it are
     * rendered afresh. Runs every minute; a second run in the window does no harm.
     */
    async announceDueItems(): Promise<number> {
      const current = now();
      const due = await deps.editorial.dueSince(new Date(current.getTime() - 120_000), current);
      if (due > 0) await deps.contentChanged();
      return due;
    },

    /** Throws unless the viewer may edit the Knowledge Centre. */
    authorise: assertEditor,

    async createItem(
      viewer: SignedInViewer,
      type: ItemType,
      locale: string,
      form: unknown,
    ): Promise<FormResult<{ id: string }>> {
      assertEditor(viewer);
      assertLocale(locale);
      const parsed = await parse(type, locale, form);
      if (!parsed.ok) return parsed;
      if ((await unknownRelated(parsed.draft)).length > 0)
        return { ok: false, errors: { related: 'editor.errors.relatedUnknown' } };
      const saved = await deps.editorial.createItem(parsed.draft, parsed.translation, viewer.id);
      if (!saved.ok) return { ok: false, errors: { slug: 'editor.errors.slugTaken' } };
      return { ok: true, id: saved.id };
    },

    async saveItem(
      viewer: SignedInViewer,
      id: string,
      locale: string,
      form: unknown,
    ): Promise<FormResult<{ id: string }>> {
      assertEditor(viewer);
      assertLocale(locale);
      const item = isUuid(id) ? await deps.editorial.findForEditing(id, locale) : null;
      if (!item) throw new NotFoundError();
      const parsed = await parse(item.type, locale, form, item.slug);
      if (!parsed.ok) return parsed;
      if ((await unknownRelated(parsed.draft)).length > 0)
        return { ok: false, errors: { related: 'editor.errors.relatedUnknown' } };
      const saved = await deps.editorial.saveItem(id, parsed.draft, parsed.translation, viewer.id);
      if (!saved.ok) {
        if (saved.reason === 'not-found') throw new NotFoundError();
        return { ok: false, errors: { slug: 'editor.errors.slugTaken' } };
      }
      if (item.status === 'published') await deps.contentChanged();
      return { ok: true, id };
    },

    /** Moves an item along its life cycle; publishing may be set for a later time. */
    async changeStatus(
      viewer: SignedInViewer,
      id: string,
      form: unknown,
    ): Promise<FormResult<{ status: ItemStatus; publishedAt: Date | null }>> {
      assertEditor(viewer);
      const item = isUuid(id) ? await deps.editorial.findForEditing(id, '') : null;
      if (!item) throw new NotFoundError();
      const valid = validateForm(statusFormSchema, form);
      if (!valid.ok) return valid;
      const { status, publishAt } = valid.value;
      if (!TRANSITIONS[item.status].includes(status))
        return { ok: false, errors: { status: 'editor.errors.transition' } };
      const publishedAt =
        status === 'published' ? (publishAt ? new Date(`${publishAt}Z`) : now()) : null;
      await deps.editorial.setStatus(id, status, publishedAt);
      if (status === 'published' || item.status === 'published') await deps.contentChanged();
      return { ok: true, status, publishedAt };
    },

    async editable(viewer: SignedInViewer, id: string, locale: string): Promise<EditableItem> {
      assertEditor(viewer);
      assertLocale(locale);
      const item = isUuid(id) ? await deps.editorial.findForEditing(id, locale) : null;
      if (!item) throw new NotFoundError();
      return item;
    },

    async list(
      viewer: SignedInViewer,
      filter: { status?: ItemStatus; type?: ItemType },
      locale: string,
      page: number,
    ) {
      assertEditor(viewer);
      return deps.editorial.listForEditors(filter, locale, page);
    },

    async revisions(viewer: SignedInViewer, id: string, locale: string): Promise<RevisionView[]> {
      assertEditor(viewer);
      assertLocale(locale);
      if (!isUuid(id)) throw new NotFoundError();
      return deps.editorial.listRevisions(id, locale);
    },

    /** Makes an earlier revision the current text again, as a new revision. */
    async restoreRevision(
      viewer: SignedInViewer,
      id: string,
      locale: string,
      revisionId: string,
    ): Promise<void> {
      const item = await this.editable(viewer, id, locale);
      const revision = (await deps.editorial.listRevisions(id, locale)).find(
        (entry) => entry.id === revisionId,
      );
      if (!revision || !item.translation) throw new NotFoundError();
      await deps.editorial.saveItem(
        id,
        { ...item, related: item.related },
        {
          locale,
          title: revision.title,
          summary: revision.summary,
          body: revision.body,
          fields: revision.fields,
          status: item.translation.status,
        },
        viewer.id,
      );
      if (item.status === 'published') await deps.contentChanged();
    },
  };
}

export type KnowledgeService = ReturnType<typeof createKnowledgeService>;
