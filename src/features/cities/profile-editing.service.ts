/**
 * A city's admins keep its profile's working copy: stage, commitments, indicator values (several
 * years at once), its own indicators, good practices and practices taken up from others; then send
 * it for review. Each form is checked whole: one problem, and nothing of it is saved, and every
 * field comes back as typed with a message beside it.
 */
import { randomUUID } from 'node:crypto';
import { can, type FormResult, type SignedInViewer } from '../access/index.js';
import { ForbiddenError, NotFoundError } from '../../platform/errors/errors.js';
import { str, strs, type Form } from './form-text.js';
import { slugify } from '../../platform/text/slugify.js';
import {
  INSTRUMENTS,
  STAGES,
  TRANSFER_STATUSES,
  byIndicatorAndYear,
  type IndicatorValue,
  type ProfileData,
  type Stage,
} from './profile.js';
import type { EditableCity, ProfilesRepository } from './profiles.repository.js';
import { dateProblem, isUnit, parseValue, yearProblem } from './values.js';

/** Blank rows of the values form: a city enters several years (or indicators) at once. */
export const VALUE_ROWS = 4;

type Errors = Record<string, string>;

const isHttp = (text: string) => {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
};
const failed = (errors: Errors): FormResult<never> => ({ ok: false, errors });
const isProfile = (value: ProfileData | Errors): value is ProfileData =>
  Array.isArray((value as Partial<ProfileData>).commitments);

export interface ProfileEditingDeps {
  profiles: ProfilesRepository;
  /** Whether a Knowledge Centre item has this slug (a commitment's document). */
  itemExists(slug: string): Promise<boolean>;
  /** The slugs of the published good practices. */
  practiceSlugs(): Promise<ReadonlySet<string>>;
  contentChanged(): Promise<void>;
  clock(): Date;
}

export function createProfileEditing(deps: ProfileEditingDeps) {
  const { profiles } = deps;

  /** The city, if the viewer keeps its profile (its admins, and administrators). */
  async function kept(viewer: SignedInViewer, slug: string): Promise<EditableCity> {
    const city = await profiles.city(slug);
    if (!city) throw new NotFoundError();
    if (!can(viewer, 'edit-organisation', { organisationId: city.id })) throw new ForbiddenError();
    return city;
  }

  /** Changes the working copy with `change`, or returns its problems. */
  async function edit(
    viewer: SignedInViewer,
    slug: string,
    change: (draft: ProfileData, city: EditableCity) => Promise<ProfileData | Errors>,
  ): Promise<FormResult> {
    const city = await kept(viewer, slug);
    const changed = await change(city.draft, city);
    if (!isProfile(changed)) return failed(changed);
    await profiles.saveDraft(city.id, changed);
    return { ok: true };
  }

  return {
    kept,

    /** Where the city stands, and the date of each step reached. */
    stage: (viewer: SignedInViewer, slug: string, form: Form) =>
      edit(viewer, slug, async (draft) => {
        const errors: Errors = {};
        const stage = str(form, 'stage');
        if (stage !== '' && !(STAGES as readonly string[]).includes(stage))
          errors.stage = 'cities.errors.stage';
        const steps: Partial<Record<Stage, string>> = {};
        for (const step of STAGES) {
          const date = str(form, `step_${step}`);
          if (date === '') continue;
          const problem = dateProblem(date, deps.clock());
          if (problem) errors[`step_${step}`] = `cities.errors.${problem}`;
          else steps[step] = date;
        }
        if (Object.keys(errors).length > 0) return errors;
        return { ...draft, stage: stage === '' ? null : (stage as Stage), steps };
      }),

    addCommitment: (viewer: SignedInViewer, slug: string, form: Form) =>
      edit(viewer, slug, async (draft) => {
        const errors: Errors = {};
        const name = str(form, 'name');
        if (name === '' || name.length > 300) errors.name = 'cities.errors.commitmentName';
        const instrument = str(form, 'instrument');
        if (!(INSTRUMENTS as readonly string[]).includes(instrument))
          errors.instrument = 'cities.errors.instrument';
        const date = str(form, 'date');
        const problem = dateProblem(date, deps.clock());
        if (problem) errors.date = `cities.errors.${problem}`;
        const url = str(form, 'url');
        if (url !== '' && (!isHttp(url) || url.length > 1000)) errors.url = 'cities.errors.url';
        const document = str(form, 'document');
        if (document !== '' && !(await deps.itemExists(document)))
          errors.document = 'cities.errors.document';
        if (Object.keys(errors).length > 0) return errors;
        const commitment = {
          id: randomUUID(),
          name,
          instrument: instrument as (typeof INSTRUMENTS)[number],
          date,
          url,
          document,
        };
        return {
          ...draft,
          commitments: [...draft.commitments, commitment].sort((a, b) =>
            a.date.localeCompare(b.date),
          ),
        };
      }),

    removeCommitment: (viewer: SignedInViewer, slug: string, id: string) =>
      edit(viewer, slug, async (draft) => ({
        ...draft,
        commitments: draft.commitments.filter((commitment) => commitment.id !== id),
      })),

    /**
     * Values of several rows at once (indicator, year, value, source, members only); a row left
     * blank is no row. A value for a year already given replaces it.
     */
    addValues: (viewer: SignedInViewer, slug: string, form: Form, locale: string) =>
      edit(viewer, slug, async (draft, city) => {
        const known = new Map(
          (await profiles.indicators())
            .filter(
              (indicator) => !indicator.organisationId || indicator.organisationId === city.id,
            )
            .map((indicator) => [indicator.key, indicator]),
        );
        const errors: Errors = {};
        const added: IndicatorValue[] = [];
        for (let row = 0; row < VALUE_ROWS; row += 1) {
          const fields = ['indicator', 'year', 'value', 'source'].map((name) =>
            str(form, `${name}_${row}`),
          );
          const [key = '', year = '', typed = '', source = ''] = fields;
          if (fields.every((field) => field === '')) continue;
          const indicator = known.get(key);
          if (!indicator) errors[`indicator_${row}`] = 'cities.errors.indicator';
          const yearIssue = yearProblem(year, deps.clock());
          if (yearIssue) errors[`year_${row}`] = `cities.errors.${yearIssue}`;
          const parsed = parseValue(typed, locale, indicator?.unit ?? '');
          if (!parsed.ok)
            errors[`value_${row}`] =
              parsed.error === 'unit' ? 'cities.errors.valueUnit' : 'cities.errors.valueNumber';
          if (source === '' || source.length > 500)
            errors[`source_${row}`] = 'cities.errors.source';
          if (added.some((entry) => entry.indicator === key && entry.year === Number(year)))
            errors[`year_${row}`] = 'cities.errors.yearTwice';
          else if (indicator && !yearIssue && parsed.ok && source !== '')
            added.push({
              indicator: key,
              year: Number(year),
              value: parsed.value,
              source,
              membersOnly: str(form, `members_${row}`) === 'yes',
            });
        }
        if (Object.keys(errors).length > 0) return errors;
        if (added.length === 0) return { form: 'cities.errors.noValues' };
        const replaced = (value: IndicatorValue) =>
          added.some((entry) => entry.indicator === value.indicator && entry.year === value.year);
        return {
          ...draft,
          values: byIndicatorAndYear([
            ...draft.values.filter((value) => !replaced(value)),
            ...added,
          ]),
        };
      }),

    removeValue: (viewer: SignedInViewer, slug: string, key: string, year: number) =>
      edit(viewer, slug, async (draft) => ({
        ...draft,
        values: draft.values.filter((value) => value.indicator !== key || value.year !== year),
      })),

    /** An indicator of the city's own, beside the shared list. */
    async addIndicator(
      viewer: SignedInViewer,
      slug: string,
      form: Form,
      locale: string,
    ): Promise<FormResult> {
      const city = await kept(viewer, slug);
      const errors: Errors = {};
      const name = str(form, 'indicatorName');
      if (name === '' || name.length > 200) errors.indicatorName = 'cities.errors.indicatorName';
      const unit = str(form, 'unit');
      if (!isUnit(unit)) errors.unit = 'cities.errors.unit';
      const definition = str(form, 'definition');
      if (definition.length > 2000) errors.definition = 'cities.errors.definition';
      const direction = str(form, 'direction');
      if (!['higher', 'lower', 'neither'].includes(direction))
        errors.direction = 'cities.errors.direction';
      const key = `${city.slug}-${slugify(name)}`.slice(0, 120);
      if (!errors.indicatorName && (await profiles.keyTaken(key, null)))
        errors.indicatorName = 'cities.errors.indicatorTaken';
      if (Object.keys(errors).length > 0) return failed(errors);
      await profiles.saveIndicator(null, {
        key,
        organisationId: city.id,
        names: { [locale]: name },
        definitions: definition ? { [locale]: definition } : {},
        unit,
        sdgTarget: null,
        udhrArticle: null,
        source: '',
        higherIsBetter: direction === 'neither' ? null : direction === 'higher',
      });
      return { ok: true };
    },

    practices: (viewer: SignedInViewer, slug: string, form: Form) =>
      edit(viewer, slug, async (draft) => {
        const chosen = [...new Set(strs(form, 'practices'))];
        const published = await deps.practiceSlugs();
        if (!chosen.every((practice) => published.has(practice)))
          return { practices: 'cities.errors.practice' };
        return { ...draft, practices: chosen };
      }),

    addTransfer: (viewer: SignedInViewer, slug: string, form: Form) =>
      edit(viewer, slug, async (draft, city) => {
        const errors: Errors = {};
        const practice = str(form, 'practice');
        if (!(await deps.practiceSlugs()).has(practice)) errors.practice = 'cities.errors.practice';
        const from = str(form, 'from');
        const cities = await profiles.summaries();
        if (from === city.slug || !cities.some((other) => other.slug === from))
          errors.from = 'cities.errors.from';
        const status = str(form, 'status');
        if (!(TRANSFER_STATUSES as readonly string[]).includes(status))
          errors.status = 'cities.errors.transferStatus';
        const started = str(form, 'started');
        const problem = dateProblem(started, deps.clock());
        if (problem) errors.started = `cities.errors.${problem}`;
        const changed = str(form, 'changed');
        if (changed === '' || changed.length > 2000) errors.changed = 'cities.errors.changed';
        if (Object.keys(errors).length > 0) return errors;
        return {
          ...draft,
          transfers: [
            ...draft.transfers,
            {
              id: randomUUID(),
              practice,
              from,
              status: status as (typeof TRANSFER_STATUSES)[number],
              started,
              changed,
            },
          ],
        };
      }),

    removeTransfer: (viewer: SignedInViewer, slug: string, id: string) =>
      edit(viewer, slug, async (draft) => ({
        ...draft,
        transfers: draft.transfers.filter((transfer) => transfer.id !== id),
      })),

    /** Sends the working copy to the editors. */
    async submit(viewer: SignedInViewer, slug: string): Promise<void> {
      const city = await kept(viewer, slug);
      await profiles.saveDraft(city.id, city.draft);
      await profiles.submit(city.id, deps.clock());
    },
  };
}

export type ProfileEditing = ReturnType<typeof createProfileEditing>;
