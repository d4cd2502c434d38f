/** One's own profile in the people directory: the form, each field with who may see it. */
import { PROFILE_FIELDS, VISIBILITIES, type StoredProfile } from '../people.repository.js';
import { countryOptions, languageOptions, themeChoices } from '../../vocabularies/index.js';
import { PageHeader } from '../../../ui/components/content.js';
import {
  CheckboxGroup,
  PostForm,
  errorsInOrder,
  ErrorSummary,
  Field,
  Select,
  TextArea,
  listValue,
  textValue,
  type FormValues,
} from '../../../ui/components/form.js';
import type { PageContext } from '../../../ui/context.js';
import type { MessageKey } from '../../../ui/messages.js';
import { Layout } from '../../../ui/layout/layout.js';
import { ThemeCheckboxes } from '../../../ui/components/vocabulary-fields.js';

/** Values of the profile form: a text per field, a list for the checkboxes. */
export type PersonFormValues = FormValues;

export function personFormValues(profile: StoredProfile): PersonFormValues {
  return {
    affiliation: profile.affiliation,
    position: profile.position,
    country: profile.country ?? '',
    languages: profile.languages,
    expertise: profile.expertise.join(', '),
    themes: profile.themes,
    inDirectory: profile.inDirectory ? 'yes' : '',
    ...Object.fromEntries(
      PROFILE_FIELDS.map((field) => [`visibility_${field}`, profile.visibility[field]]),
    ),
  };
}

const FORM_FIELDS = [...PROFILE_FIELDS, ...PROFILE_FIELDS.map((field) => `visibility_${field}`)];

/** Who sees a field: a small select under it. */
function VisibilityChoice(props: {
  ctx: PageContext;
  field: string;
  value: string;
  error?: string;
}): JSX.Element {
  const { ctx, field } = props;
  return (
    <Select
      ctx={ctx}
      name={`visibility_${field}`}
      label={`people.profile.visibility.${field}` as MessageKey}
      placeholder="people.profile.visibility.choose"
      options={VISIBILITIES.map((visibility) => ({
        value: visibility,
        label: ctx.text(`people.visibility.${visibility}`),
      }))}
      value={props.value}
      error={props.error}
    />
  );
}

export function ProfileEditPage(props: {
  ctx: PageContext;
  csrfToken: string;
  values: PersonFormValues;
  errors: Record<string, string>;
  themes: readonly string[];
  countries: readonly string[];
  languages: readonly string[];
  saved?: boolean;
  profileHref: string;
}): JSX.Element {
  const { ctx, values, errors } = props;
  return (
    <Layout
      ctx={ctx}
      title={ctx.text('people.profile.title')}
      indexable={false}
      crumbs={[{ label: ctx.text('account.account.title'), href: ctx.href('/account') }]}
    >
      <PageHeader title={ctx.text('people.profile.title')} lead={ctx.text('people.profile.lead')} />
      {props.saved ? (
        <p role="status" class="notice">
          {ctx.t('people.profile.saved')}{' '}
          <a href={props.profileHref}>{ctx.t('people.profile.see')}</a>
        </p>
      ) : (
        ''
      )}
      <ErrorSummary
        ctx={ctx}
        summary="account.errors.summary"
        errors={errorsInOrder(errors, FORM_FIELDS)}
      />
      <PostForm action={ctx.href('/account/profile')} csrfToken={props.csrfToken}>
        <fieldset>
          <legend>{ctx.t('people.profile.work')}</legend>
          <Field
            ctx={ctx}
            name="affiliation"
            label="people.field.affiliation"
            type="text"
            autocomplete="organization"
            required={false}
            value={textValue(values, 'affiliation')}
            error={errors.affiliation}
          />
          <VisibilityChoice
            ctx={ctx}
            field="affiliation"
            value={textValue(values, 'visibility_affiliation')}
            error={errors.visibility_affiliation}
          />
          <Field
            ctx={ctx}
            name="position"
            label="people.field.position"
            type="text"
            autocomplete="organization-title"
            required={false}
            value={textValue(values, 'position')}
            error={errors.position}
          />
          <VisibilityChoice
            ctx={ctx}
            field="position"
            value={textValue(values, 'visibility_position')}
            error={errors.visibility_position}
          />
          <Select
            ctx={ctx}
            name="country"
            label="people.field.country"
            placeholder="membership.field.countryChoose"
            options={countryOptions(props.countries, ctx.locale)}
            value={textValue(values, 'country')}
            error={errors.country}
            required={false}
          />
          <VisibilityChoice
            ctx={ctx}
            field="country"
            value={textValue(values, 'visibility_country')}
            error={errors.visibility_country}
          />
        </fieldset>
        <CheckboxGroup
          ctx={ctx}
          name="languages"
          legend="people.field.languages"
          options={languageOptions(props.languages, ctx.locale)}
          checked={listValue(values, 'languages')}
          error={errors.languages}
        />
        <VisibilityChoice
          ctx={ctx}
          field="languages"
          value={textValue(values, 'visibility_languages')}
          error={errors.visibility_languages}
        />
        <TextArea
          ctx={ctx}
          name="expertise"
          label="people.field.expertise"
          hint="membership.manage.profile.expertiseHint"
          required={false}
          value={textValue(values, 'expertise')}
          error={errors.expertise}
        />
        <VisibilityChoice
          ctx={ctx}
          field="expertise"
          value={textValue(values, 'visibility_expertise')}
          error={errors.visibility_expertise}
        />
        <ThemeCheckboxes
          ctx={ctx}
          legend="people.field.themes"
          themes={themeChoices(ctx, props.themes)}
          values={values}
          error={errors.themes}
        />
        <VisibilityChoice
          ctx={ctx}
          field="themes"
          value={textValue(values, 'visibility_themes')}
          error={errors.visibility_themes}
        />
        <div class="field checkbox">
          <input
            id="inDirectory"
            name="inDirectory"
            type="checkbox"
            value="yes"
            checked={textValue(values, 'inDirectory') === 'yes'}
            aria-describedby="inDirectory-hint"
          />{' '}
          <label for="inDirectory">{ctx.t('people.field.inDirectory')}</label>
          <p class="hint" id="inDirectory-hint">
            {ctx.t('people.field.inDirectoryHint')}
          </p>
        </div>
        <button type="submit">{ctx.t('people.profile.submit')}</button>
      </PostForm>
    </Layout>
  );
}
