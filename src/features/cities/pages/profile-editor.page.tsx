/**
 * Where a city's admins keep its profile: each part is a form of its own (stage, commitments,
 * indicator values several at a time, the city's own indicators, good practices, practices taken
 * up), then "send for review". A form with problems comes back with every field as typed.
 */
import {
  Csrf,
  ErrorSummary,
  Field,
  PostForm,
  RowButton,
  Select,
  errorsInOrder,
  textValue,
  type FormValues,
} from '../../../ui/components/form.js';
import { PageHeader } from '../../../ui/components/content.js';
import type { PageContext } from '../../../ui/context.js';
import { formatDate } from '../../../ui/format.js';
import { Layout } from '../../../ui/layout/layout.js';
import type { MessageKey } from '../../../ui/messages.js';
import type { PracticeCard } from '../cities.service.js';
import { VALUE_ROWS } from '../profile-editing.service.js';
import { INSTRUMENTS, STAGES } from '../profile.js';
import type { EditableCity, Indicator } from '../profiles.repository.js';
import { instrumentLabel, stageLabel } from './labels.js';
import { MorePartsOf, type ProfileFormState, type ProfileSection } from './profile-parts.js';

export { PROFILE_SECTIONS, type ProfileFormState, type ProfileSection } from './profile-parts.js';

const FIELDS: Record<ProfileSection, readonly string[]> = {
  stage: ['stage', ...STAGES.map((stage) => `step_${stage}`)],
  commitment: ['name', 'instrument', 'date', 'url', 'document'],
  values: [
    'form',
    ...Array.from({ length: VALUE_ROWS }, (_value, row) =>
      ['indicator', 'year', 'value', 'source'].map((name) => `${name}_${row}`),
    ).flat(),
  ],
  indicator: ['indicatorName', 'unit', 'definition', 'direction'],
  practices: ['practices'],
  transfer: ['practice', 'from', 'status', 'started', 'changed'],
};

export function ProfileEditorPage(props: {
  ctx: PageContext;
  city: EditableCity;
  indicators: readonly Indicator[];
  practices: readonly PracticeCard[];
  cities: readonly { slug: string; name: string }[];
  csrfToken: string;
  form: ProfileFormState | null;
  notice?: string;
}): JSX.Element {
  const { ctx, city, form } = props;
  const draft = city.draft;
  const base = `/network/${city.slug}/profile`;
  const state = (section: ProfileSection) =>
    form?.section === section
      ? form
      : { values: {} as FormValues, errors: {} as Record<string, string> };
  const errors = form ? errorsInOrder(form.errors, FIELDS[form.section]) : [];
  const stage =
    form?.section === 'stage'
      ? form.values
      : {
          stage: draft.stage ?? '',
          ...Object.fromEntries(
            Object.entries(draft.steps).map(([key, value]) => [`step_${key}`, value]),
          ),
        };
  const title = ctx.text('cities.edit.title', { city: city.name });
  const hidden = (id: string, name: string) => <input type="hidden" name={name} value={id} />;
  return (
    <Layout
      ctx={ctx}
      title={title}
      indexable={false}
      crumbs={[
        { label: ctx.text('cities.title'), href: ctx.href('/cities') },
        { label: city.name, href: ctx.href(`/cities/${city.slug}`) },
      ]}
    >
      <ErrorSummary ctx={ctx} summary="cities.errors.summary" errors={errors} />
      <PageHeader title={title} lead={ctx.text('cities.edit.lead')} />
      {props.notice ? (
        <p class="notice" role="status">
          {ctx.t(props.notice as MessageKey)}
        </p>
      ) : (
        ''
      )}
      <section aria-labelledby="review-title" class="panel">
        <h2 id="review-title">{ctx.t('cities.edit.review')}</h2>
        <p>
          {city.status === 'submitted'
            ? ctx.t('cities.edit.submitted')
            : city.publishedAt
              ? ctx.t('cities.edit.published', {
                  date: formatDate(ctx, city.publishedAt.toISOString().slice(0, 10)),
                })
              : ctx.t('cities.edit.unpublished')}
        </p>
        {city.reviewNote ? (
          <div class="notice">
            <p>{ctx.t('cities.edit.changesAsked')}</p>
            <p safe>{city.reviewNote}</p>
          </div>
        ) : (
          ''
        )}
        <form method="post" action={ctx.href(`${base}/submit`)}>
          <Csrf token={props.csrfToken} />
          <button type="submit">{ctx.t('cities.edit.submit')}</button>
        </form>
      </section>

      <h2 id="stage-title">{ctx.t('cities.stage.title')}</h2>
      <PostForm action={ctx.href(`${base}/stage`)} csrfToken={props.csrfToken}>
        <Select
          ctx={ctx}
          name="stage"
          label="cities.field.stage"
          placeholder="cities.field.stageNone"
          required={false}
          options={STAGES.map((value) => ({ value, label: stageLabel(ctx, value) }))}
          value={textValue(stage, 'stage')}
          error={state('stage').errors.stage}
        />
        <fieldset>
          <legend>{ctx.t('cities.field.steps')}</legend>
          {STAGES.map((value) => (
            <Field
              ctx={ctx}
              name={`step_${value}`}
              label="cities.field.step"
              labelValues={{ stage: stageLabel(ctx, value) }}
              type="date"
              autocomplete="off"
              required={false}
              value={textValue(stage, `step_${value}`)}
              error={state('stage').errors[`step_${value}`]}
            />
          ))}
        </fieldset>
        <button type="submit">{ctx.t('cities.edit.save')}</button>
      </PostForm>

      <h2>{ctx.t('cities.commitments.title')}</h2>
      {draft.commitments.length > 0 ? (
        <ul class="cards">
          {draft.commitments.map((commitment) => (
            <li class="card">
              <h3 safe>{commitment.name}</h3>
              <p class="meta">
                {instrumentLabel(ctx, commitment.instrument)} · {formatDate(ctx, commitment.date)}
              </p>
              <form method="post" action={ctx.href(`${base}/commitments/remove`)}>
                <Csrf token={props.csrfToken} />
                {hidden(commitment.id, 'id')}
                <RowButton
                  class="secondary"
                  label={ctx.t('cities.edit.remove')}
                  name={commitment.name}
                />
              </form>
            </li>
          ))}
        </ul>
      ) : (
        ''
      )}
      <h3>{ctx.t('cities.commitments.add')}</h3>
      <PostForm action={ctx.href(`${base}/commitments`)} csrfToken={props.csrfToken}>
        <Field
          ctx={ctx}
          name="name"
          label="cities.field.commitmentName"
          type="text"
          autocomplete="off"
          value={textValue(state('commitment').values, 'name')}
          error={state('commitment').errors.name}
        />
        <Select
          ctx={ctx}
          name="instrument"
          label="cities.field.instrument"
          placeholder="cities.field.instrumentChoose"
          options={INSTRUMENTS.map((value) => ({ value, label: instrumentLabel(ctx, value) }))}
          value={textValue(state('commitment').values, 'instrument')}
          error={state('commitment').errors.instrument}
        />
        <Field
          ctx={ctx}
          name="date"
          label="cities.field.adopted"
          type="date"
          autocomplete="off"
          value={textValue(state('commitment').values, 'date')}
          error={state('commitment').errors.date}
        />
        <Field
          ctx={ctx}
          name="url"
          label="cities.field.url"
          type="url"
          autocomplete="off"
          required={false}
          value={textValue(state('commitment').values, 'url')}
          error={state('commitment').errors.url}
        />
        <Field
          ctx={ctx}
          name="document"
          label="cities.field.document"
          hint={ctx.text('cities.field.documentHint')}
          type="text"
          autocomplete="off"
          required={false}
          value={textValue(state('commitment').values, 'document')}
          error={state('commitment').errors.document}
        />
        <button type="submit">{ctx.t('cities.commitments.add')}</button>
      </PostForm>

      <MorePartsOf
        ctx={ctx}
        city={city}
        base={base}
        csrfToken={props.csrfToken}
        form={form}
        indicators={props.indicators}
        practices={props.practices}
        cities={props.cities}
      />
    </Layout>
  );
}
