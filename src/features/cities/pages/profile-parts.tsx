/**
 * The parts of a city's profile form after its stage and commitments: indicator values, the
 * city's own indicators, its good practices and the practices it took up from others.
 */
import {
  Csrf,
  Field,
  PostForm,
  RowButton,
  Select,
  TextArea,
  Checkbox,
  CheckboxGroup,
  listValue,
  textValue,
  type FormValues,
} from '../../../ui/components/form.js';
import { ScrollTable } from '../../../ui/components/content.js';
import type { PageContext } from '../../../ui/context.js';
import { formatDate } from '../../../ui/format.js';
import type { MessageKey } from '../../../ui/messages.js';
import type { PracticeCard } from '../cities.service.js';
import { VALUE_ROWS } from '../profile-editing.service.js';
import { TRANSFER_STATUSES } from '../profile.js';
import type { EditableCity, Indicator } from '../profiles.repository.js';
import { nameLang, nameOf, transferLabel, valueText } from './labels.js';

export const PROFILE_SECTIONS = [
  'stage',
  'commitment',
  'values',
  'indicator',
  'practices',
  'transfer',
] as const;
export type ProfileSection = (typeof PROFILE_SECTIONS)[number];

export interface ProfileFormState {
  section: ProfileSection;
  values: FormValues;
  errors: Record<string, string>;
}

export function MorePartsOf(props: {
  ctx: PageContext;
  city: EditableCity;
  base: string;
  csrfToken: string;
  form: ProfileFormState | null;
  indicators: readonly Indicator[];
  practices: readonly PracticeCard[];
  cities: readonly { slug: string; name: string }[];
}): JSX.Element {
  const { ctx, city, form, base } = props;
  const draft = city.draft;
  const state = (section: ProfileSection) =>
    form?.section === section
      ? form
      : { values: {} as FormValues, errors: {} as Record<string, string> };
  const own = props.indicators.filter(
    (indicator) => !indicator.organisationId || indicator.organisationId === city.id,
  );
  const indicatorOf = new Map(props.indicators.map((indicator) => [indicator.key, indicator]));
  const hidden = (id: string, name: string) => <input type="hidden" name={name} value={id} />;
  return (
    <>
      <h2>{ctx.t('cities.indicators.title')}</h2>
      {draft.values.length > 0 ? (
        <ScrollTable
          ctx={ctx}
          caption={<caption>{ctx.t('cities.edit.valuesCaption')}</caption>}
          columns={[
            'cities.table.indicator',
            'cities.table.year',
            'cities.table.value',
            'cities.table.source',
            'cities.table.remove',
          ]}
        >
          {draft.values.map((value) => {
            const indicator = indicatorOf.get(value.indicator);
            const name = indicator ? nameOf(ctx, indicator) : value.indicator;
            return (
              <tr>
                <th scope="row" lang={indicator ? nameLang(ctx, indicator) : undefined} safe>
                  {name}
                </th>
                <td>{String(value.year)}</td>
                <td>
                  <span safe>{valueText(ctx, value.value, indicator?.unit ?? '')}</span>
                  {value.membersOnly ? <> ({ctx.t('cities.value.membersOnly')})</> : ''}
                </td>
                <td safe>{value.source}</td>
                <td>
                  <form method="post" action={ctx.href(`${base}/values/remove`)}>
                    <Csrf token={props.csrfToken} />
                    {hidden(value.indicator, 'indicator')}
                    {hidden(String(value.year), 'year')}
                    <RowButton
                      class="secondary"
                      label={ctx.t('cities.edit.remove')}
                      name={`${name} ${value.year}`}
                    />
                  </form>
                </td>
              </tr>
            );
          })}
        </ScrollTable>
      ) : (
        ''
      )}
      <h3 id="values">{ctx.t('cities.edit.addValues')}</h3>
      <p class="hint">{ctx.t('cities.edit.addValuesHint')}</p>
      {state('values').errors.form ? (
        <p class="field-error" id="form">
          {ctx.t(state('values').errors.form as MessageKey)}
        </p>
      ) : (
        ''
      )}
      <PostForm action={ctx.href(`${base}/values`)} csrfToken={props.csrfToken}>
        <>
          {Array.from({ length: VALUE_ROWS }, (_value, row) => {
            const { values, errors: rowErrors } = state('values');
            return (
              <fieldset>
                <legend>{ctx.t('cities.edit.row', { number: row + 1 })}</legend>
                <Select
                  ctx={ctx}
                  name={`indicator_${row}`}
                  label="cities.field.indicator"
                  placeholder="cities.field.indicatorChoose"
                  required={false}
                  options={own.map((indicator) => ({
                    value: indicator.key,
                    label: `${nameOf(ctx, indicator)} (${indicator.unit})`,
                  }))}
                  value={textValue(values, `indicator_${row}`)}
                  error={rowErrors[`indicator_${row}`]}
                />
                <Field
                  ctx={ctx}
                  name={`year_${row}`}
                  label="cities.field.year"
                  type="text"
                  autocomplete="off"
                  required={false}
                  value={textValue(values, `year_${row}`)}
                  error={rowErrors[`year_${row}`]}
                />
                <Field
                  ctx={ctx}
                  name={`value_${row}`}
                  label="cities.field.value"
                  hint={ctx.text('cities.field.valueHint')}
                  type="text"
                  autocomplete="off"
                  required={false}
                  value={textValue(values, `value_${row}`)}
                  error={rowErrors[`value_${row}`]}
                />
                <Field
                  ctx={ctx}
                  name={`source_${row}`}
                  label="cities.field.source"
                  type="text"
                  autocomplete="off"
                  required={false}
                  value={textValue(values, `source_${row}`)}
                  error={rowErrors[`source_${row}`]}
                />
                <Checkbox
                  ctx={ctx}
                  name={`members_${row}`}
                  label="cities.field.membersOnly"
                  required={false}
                  checked={textValue(values, `members_${row}`) === 'yes'}
                />
              </fieldset>
            );
          })}
        </>
        <button type="submit">{ctx.t('cities.edit.saveValues')}</button>
      </PostForm>

      <h3>{ctx.t('cities.edit.ownIndicator')}</h3>
      <p class="hint">{ctx.t('cities.edit.ownIndicatorHint')}</p>
      <PostForm action={ctx.href(`${base}/indicators`)} csrfToken={props.csrfToken}>
        <Field
          ctx={ctx}
          name="indicatorName"
          label="cities.field.indicatorName"
          type="text"
          autocomplete="off"
          value={textValue(state('indicator').values, 'indicatorName')}
          error={state('indicator').errors.indicatorName}
        />
        <Field
          ctx={ctx}
          name="unit"
          label="cities.field.unit"
          hint={ctx.text('cities.field.unitHint')}
          type="text"
          autocomplete="off"
          value={textValue(state('indicator').values, 'unit')}
          error={state('indicator').errors.unit}
        />
        <TextArea
          ctx={ctx}
          name="definition"
          label="cities.field.definition"
          required={false}
          value={textValue(state('indicator').values, 'definition')}
          error={state('indicator').errors.definition}
        />
        <Select
          ctx={ctx}
          name="direction"
          label="cities.field.direction"
          options={(['higher', 'lower', 'neither'] as const).map((value) => ({
            value,
            label: ctx.text(`cities.direction.${value}`),
          }))}
          value={textValue(state('indicator').values, 'direction') || 'neither'}
          error={state('indicator').errors.direction}
        />
        <button type="submit">{ctx.t('cities.edit.addIndicator')}</button>
      </PostForm>

      <h2>{ctx.t('cities.practices.title')}</h2>
      {props.practices.length > 0 ? (
        <PostForm action={ctx.href(`${base}/practices`)} csrfToken={props.csrfToken}>
          <CheckboxGroup
            ctx={ctx}
            name="practices"
            legend="cities.field.practices"
            options={props.practices.map((practice) => ({
              value: practice.slug,
              label: practice.title,
            }))}
            checked={
              form?.section === 'practices' ? listValue(form.values, 'practices') : draft.practices
            }
            error={state('practices').errors.practices}
          />
          <button type="submit">{ctx.t('cities.edit.save')}</button>
        </PostForm>
      ) : (
        <p>{ctx.t('cities.practices.noneToChoose')}</p>
      )}

      <h2>{ctx.t('cities.transfers.title')}</h2>
      {draft.transfers.length > 0 ? (
        <ul class="cards">
          {draft.transfers.map((transfer) => {
            const practice = props.practices.find((entry) => entry.slug === transfer.practice);
            const from = props.cities.find((entry) => entry.slug === transfer.from);
            const label = `${practice?.title ?? transfer.practice} – ${from?.name ?? transfer.from}`;
            return (
              <li class="card">
                <h3 safe>{label}</h3>
                <p class="meta">
                  {transferLabel(ctx, transfer.status)} · {formatDate(ctx, transfer.started)}
                </p>
                <p safe>{transfer.changed}</p>
                <form method="post" action={ctx.href(`${base}/transfers/remove`)}>
                  <Csrf token={props.csrfToken} />
                  {hidden(transfer.id, 'id')}
                  <RowButton class="secondary" label={ctx.t('cities.edit.remove')} name={label} />
                </form>
              </li>
            );
          })}
        </ul>
      ) : (
        ''
      )}
      <h3>{ctx.t('cities.transfers.add')}</h3>
      <PostForm action={ctx.href(`${base}/transfers`)} csrfToken={props.csrfToken}>
        <Select
          ctx={ctx}
          name="practice"
          label="cities.field.practice"
          placeholder="cities.field.practiceChoose"
          options={props.practices.map((practice) => ({
            value: practice.slug,
            label: practice.title,
          }))}
          value={textValue(state('transfer').values, 'practice')}
          error={state('transfer').errors.practice}
        />
        <Select
          ctx={ctx}
          name="from"
          label="cities.field.from"
          placeholder="cities.field.fromChoose"
          options={props.cities
            .filter((other) => other.slug !== city.slug)
            .map((other) => ({ value: other.slug, label: other.name }))}
          value={textValue(state('transfer').values, 'from')}
          error={state('transfer').errors.from}
        />
        <Select
          ctx={ctx}
          name="status"
          label="cities.field.transferStatus"
          options={TRANSFER_STATUSES.map((value) => ({ value, label: transferLabel(ctx, value) }))}
          value={textValue(state('transfer').values, 'status') || 'exploring'}
          error={state('transfer').errors.status}
        />
        <Field
          ctx={ctx}
          name="started"
          label="cities.field.started"
          type="date"
          autocomplete="off"
          value={textValue(state('transfer').values, 'started')}
          error={state('transfer').errors.started}
        />
        <TextArea
          ctx={ctx}
          name="changed"
          label="cities.field.changed"
          value={textValue(state('transfer').values, 'changed')}
          error={state('transfer').errors.changed}
        />
        <button type="submit">{ctx.t('cities.transfers.add')}</button>
      </PostForm>
    </>
  );
}
