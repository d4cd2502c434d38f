/** The event form's fields: its text in one language, its facts, and its vocabularies. */
import {
  AccessSelect,
  CheckboxGroup,
  Field,
  Select,
  TextArea,
  listValue,
  textValue,
  type FormValues,
} from '../../../ui/components/form.js';
import { articleOptions } from '../../../ui/components/choices.js';
import {
  MultiSelect,
  SdgCheckboxes,
  ThemeCheckboxes,
} from '../../../ui/components/vocabulary-fields.js';
import { TranslationStatusSelect } from '../../../ui/components/fields.js';
import type { PageContext } from '../../../ui/context.js';
import type { MessageKey } from '../../../ui/messages.js';
import { countryOptions, themeChoices } from '../../vocabularies/index.js';
import { ELIGIBILITIES, EVENT_KINDS } from '../events.types.js';
import { TIME_ZONES } from '../local-time.js';
import { kindLabel } from './events.page.js';

export interface EventFormState {
  values: FormValues;
  errors: Readonly<Record<string, string>>;
}

/** The zones, under their region ("Europe", "America"…). */
export const zoneOptions = () =>
  TIME_ZONES.map((zone) => ({
    value: zone,
    label: zone.replaceAll('_', ' '),
    group: zone.split('/')[0],
  }));

export function TextFields(props: {
  ctx: PageContext;
  state: EventFormState;
  lang?: string;
  isOriginal: boolean;
}): JSX.Element {
  const { ctx } = props;
  const { values, errors } = props.state;
  return (
    <fieldset>
      <legend>{ctx.t('events.form.text')}</legend>
      <Field
        ctx={ctx}
        name="title"
        label="events.field.title"
        type="text"
        autocomplete="off"
        value={textValue(values, 'title')}
        error={errors.title}
      />
      <TextArea
        ctx={ctx}
        name="summary"
        label="events.field.summary"
        required={false}
        rows={3}
        lang={props.lang}
        value={textValue(values, 'summary')}
        error={errors.summary}
      />
      <TextArea
        ctx={ctx}
        name="description"
        label="events.field.description"
        hint="events.hint.description"
        required={false}
        rows={12}
        lang={props.lang}
        value={textValue(values, 'description')}
        error={errors.description}
      />
      {props.isOriginal ? (
        ''
      ) : (
        <TranslationStatusSelect ctx={ctx} value={textValue(values, 'translationStatus')} />
      )}
    </fieldset>
  );
}

export function FactFields(props: {
  ctx: PageContext;
  state: EventFormState;
  countries: readonly string[];
  /** The organisations an event may invite. */
  organisations: readonly { id: string; name: string }[];
}): JSX.Element {
  const { ctx } = props;
  const { values, errors } = props.state;
  const text = (name: string) => textValue(values, name);
  const organisationOptions = props.organisations.map((organisation) => ({
    value: organisation.id,
    label: organisation.name,
  }));
  const countries = countryOptions(props.countries, ctx.locale);
  return (
    <>
      <fieldset>
        <legend>{ctx.t('events.form.what')}</legend>
        <Select
          ctx={ctx}
          name="kind"
          label="events.field.kind"
          placeholder="events.field.choose"
          options={EVENT_KINDS.map((kind) => ({ value: kind, label: kindLabel(ctx, kind) }))}
          value={text('kind')}
          error={errors.kind}
        />
        <AccessSelect ctx={ctx} value={text('access')} error={errors.access} />
        <Field
          ctx={ctx}
          name="slug"
          label="events.field.slug"
          type="text"
          autocomplete="off"
          required={false}
          hint={ctx.text('events.hint.slug')}
          value={text('slug')}
          error={errors.slug}
        />
      </fieldset>
      <fieldset>
        <legend>{ctx.t('events.form.when')}</legend>
        <Select
          ctx={ctx}
          name="timeZone"
          label="events.field.timeZone"
          hint="events.hint.timeZone"
          options={zoneOptions()}
          value={text('timeZone')}
          error={errors.timeZone}
        />
        <Field
          ctx={ctx}
          name="startsAt"
          label="events.field.startsAt"
          type="datetime-local"
          autocomplete="off"
          hint={ctx.text('events.hint.localTime')}
          value={text('startsAt')}
          error={errors.startsAt}
        />
        <Field
          ctx={ctx}
          name="endsAt"
          label="events.field.endsAt"
          type="datetime-local"
          autocomplete="off"
          hint={ctx.text('events.hint.localTime')}
          value={text('endsAt')}
          error={errors.endsAt}
        />
      </fieldset>
      <fieldset>
        <legend>{ctx.t('events.form.where')}</legend>
        <Field
          ctx={ctx}
          name="place"
          label="events.field.place"
          type="text"
          autocomplete="off"
          required={false}
          hint={ctx.text('events.hint.place')}
          value={text('place')}
          error={errors.place}
        />
        <Field
          ctx={ctx}
          name="city"
          label="events.field.city"
          type="text"
          autocomplete="off"
          required={false}
          value={text('city')}
          error={errors.city}
        />
        <Select
          ctx={ctx}
          name="country"
          label="events.field.country"
          placeholder="events.field.none"
          required={false}
          options={countries}
          value={text('country')}
          error={errors.country}
        />
        <Field
          ctx={ctx}
          name="latitude"
          label="events.field.latitude"
          type="text"
          autocomplete="off"
          required={false}
          hint={ctx.text('events.hint.coordinates')}
          value={text('latitude')}
          error={errors.latitude}
        />
        <Field
          ctx={ctx}
          name="longitude"
          label="events.field.longitude"
          type="text"
          autocomplete="off"
          required={false}
          value={text('longitude')}
          error={errors.longitude}
        />
        <Field
          ctx={ctx}
          name="onlineUrl"
          label="events.field.onlineUrl"
          type="url"
          autocomplete="off"
          required={false}
          hint={ctx.text('events.hint.private')}
          value={text('onlineUrl')}
          error={errors.onlineUrl}
        />
        <TextArea
          ctx={ctx}
          name="roomDetails"
          label="events.field.roomDetails"
          hint="events.hint.private"
          required={false}
          rows={3}
          value={text('roomDetails')}
          error={errors.roomDetails}
        />
        <TextArea
          ctx={ctx}
          name="speakers"
          label="events.field.speakers"
          hint="events.hint.speakers"
          required={false}
          rows={4}
          value={text('speakers')}
          error={errors.speakers}
        />
        <MultiSelect
          ctx={ctx}
          name="organisers"
          label="events.field.organisers"
          hint="events.hint.organisers"
          options={organisationOptions}
          chosen={listValue(values, 'organisers')}
          error={errors.organisers}
        />
      </fieldset>
      <fieldset>
        <legend>{ctx.t('events.form.registration')}</legend>
        <Select
          ctx={ctx}
          name="registration"
          label="events.field.registration"
          options={[
            { value: 'open', label: ctx.text('events.registration.open') },
            { value: 'none', label: ctx.text('events.registration.none') },
          ]}
          value={text('registration')}
          error={errors.registration}
        />
        <Field
          ctx={ctx}
          name="capacity"
          label="events.field.capacity"
          type="number"
          autocomplete="off"
          required={false}
          hint={ctx.text('events.hint.capacity')}
          value={text('capacity')}
          error={errors.capacity}
        />
        <Field
          ctx={ctx}
          name="registrationClosesAt"
          label="events.field.registrationClosesAt"
          type="datetime-local"
          autocomplete="off"
          required={false}
          hint={ctx.text('events.hint.registrationClosesAt')}
          value={text('registrationClosesAt')}
          error={errors.registrationClosesAt}
        />
        <Select
          ctx={ctx}
          name="eligibility"
          label="events.field.eligibility"
          options={ELIGIBILITIES.map((value) => ({
            value,
            label: ctx.text(`events.eligibility.${value}` as MessageKey),
          }))}
          value={text('eligibility')}
          error={errors.eligibility}
        />
        <MultiSelect
          ctx={ctx}
          name="invitedOrganisations"
          label="events.field.invitedOrganisations"
          hint="events.hint.invitedOrganisations"
          options={organisationOptions}
          chosen={listValue(values, 'invitedOrganisations')}
          error={errors.invitedOrganisations}
        />
        <Field
          ctx={ctx}
          name="cancellationClosesAt"
          label="events.field.cancellationClosesAt"
          type="datetime-local"
          autocomplete="off"
          required={false}
          hint={ctx.text('events.hint.cancellationClosesAt')}
          value={text('cancellationClosesAt')}
          error={errors.cancellationClosesAt}
        />
      </fieldset>
    </>
  );
}

export function VocabularyFields(props: {
  ctx: PageContext;
  state: EventFormState;
  themes: readonly string[];
  countries: readonly string[];
}): JSX.Element {
  const { ctx } = props;
  const { values, errors } = props.state;
  return (
    <fieldset>
      <legend>{ctx.t('events.form.vocabularies')}</legend>
      <ThemeCheckboxes
        ctx={ctx}
        legend="events.page.themes"
        themes={themeChoices(ctx, props.themes)}
        values={values}
        error={errors.themes}
      />
      <SdgCheckboxes ctx={ctx} legend="knowledge.item.sdgs" values={values} error={errors.sdgs} />
      <CheckboxGroup
        ctx={ctx}
        name="rights"
        legend="knowledge.item.rights"
        options={articleOptions(ctx)}
        checked={listValue(values, 'rights')}
        error={errors.rights}
      />
      <MultiSelect
        ctx={ctx}
        name="countries"
        label="knowledge.item.countries"
        hint="editor.hint.countries"
        options={countryOptions(props.countries, ctx.locale)}
        chosen={listValue(values, 'countries')}
        error={errors.countries}
      />
    </fieldset>
  );
}
