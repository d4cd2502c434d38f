/** The item form's fields: its text in one language, the item's facts, and its vocabularies. */
import {
  ITEM_SECTIONS,
  RESOURCE_KINDS,
  TYPE_ATTRIBUTES,
  fieldsOf,
  restrictableFields,
  type ItemType,
} from '../items.types.js';
import { countryOptions, themeChoices } from '../../vocabularies/index.js';
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
import { TranslationStatusSelect } from '../../../ui/components/fields.js';
import type { PageContext } from '../../../ui/context.js';
import type { MessageKey } from '../../../ui/messages.js';
import { languageName } from '../../../platform/i18n/names.js';
import { fieldLabel, sectionTitle } from './labels.js';
import {
  MultiSelect,
  SdgCheckboxes,
  ThemeCheckboxes,
} from '../../../ui/components/vocabulary-fields.js';

/** The title, the first field of every editor's form. */
export function TitleField(props: {
  ctx: PageContext;
  values: FormValues;
  errors: Readonly<Record<string, string>>;
}): JSX.Element {
  return (
    <Field
      ctx={props.ctx}
      name="title"
      label="editor.field.title"
      type="text"
      autocomplete="off"
      value={textValue(props.values, 'title')}
      error={props.errors.title}
    />
  );
}

/** The text of the item in the language being written. */
export function ItemTextFields(props: {
  ctx: PageContext;
  type: ItemType;
  values: FormValues;
  errors: Readonly<Record<string, string>>;
  contentLocale: string;
  /** The language's code when it is not the interface's. */
  lang: string | undefined;
  /** Whether this is the item's original language (else the translation's status is asked). */
  isOriginal: boolean;
}): JSX.Element {
  const { ctx, type, values, errors, contentLocale, lang, isOriginal } = props;
  return (
    <fieldset>
      <legend>
        {ctx.t('editor.text.legend', { language: languageName(contentLocale, ctx.locale) })}
      </legend>
      <TitleField ctx={ctx} values={values} errors={errors} />
      <TextArea
        ctx={ctx}
        name="summary"
        label="editor.field.summary"
        hint="editor.hint.summary"
        required={false}
        lang={lang}
        value={textValue(values, 'summary')}
        error={errors.summary}
      />
      <TextArea
        ctx={ctx}
        name="body"
        label="editor.field.body"
        hint="editor.hint.markdown"
        required={false}
        rows={14}
        lang={lang}
        value={textValue(values, 'body')}
        error={errors.body}
      />
      <>
        {fieldsOf(type).map((field) => (
          <TextArea
            ctx={ctx}
            name={`field_${field}`}
            label={`knowledge.field.${field}` as MessageKey}
            hint="editor.hint.markdown"
            required={false}
            rows={6}
            lang={lang}
            value={textValue(values, `field_${field}`)}
            error={errors[`field_${field}`]}
          />
        ))}
      </>
      {isOriginal ? (
        ''
      ) : (
        <TranslationStatusSelect ctx={ctx} value={textValue(values, 'translationStatus')} />
      )}
    </fieldset>
  );
}

/** The facts of the item: its attributes, address, section, access, date and restricted fields. */
export function ItemFactsFields(props: {
  ctx: PageContext;
  type: ItemType;
  values: FormValues;
  errors: Readonly<Record<string, string>>;
}): JSX.Element {
  const { ctx, type, values, errors } = props;
  return (
    <fieldset>
      <legend>{ctx.t('editor.item.legend')}</legend>
      <>
        {TYPE_ATTRIBUTES[type].map((name) =>
          name === 'resourceKind' ? (
            <Select
              ctx={ctx}
              name="attr_resourceKind"
              label="knowledge.attribute.resourceKind"
              placeholder="editor.field.resourceKindChoose"
              options={RESOURCE_KINDS.map((kind) => ({
                value: kind,
                label: ctx.text(`knowledge.resourceKind.${kind}` as MessageKey),
              }))}
              value={textValue(values, 'attr_resourceKind')}
              error={errors.attr_resourceKind}
              required={false}
            />
          ) : (
            <Field
              ctx={ctx}
              name={`attr_${name}`}
              label={`knowledge.attribute.${name}` as MessageKey}
              type={name === 'url' ? 'url' : 'text'}
              autocomplete="off"
              required={false}
              value={textValue(values, `attr_${name}`)}
              error={errors[`attr_${name}`]}
            />
          ),
        )}
      </>
      <Field
        ctx={ctx}
        name="slug"
        label="editor.field.slug"
        type="text"
        autocomplete="off"
        required={false}
        hint={ctx.text('editor.hint.slug')}
        value={textValue(values, 'slug')}
        error={errors.slug}
      />
      <Select
        ctx={ctx}
        name="section"
        label="editor.field.section"
        placeholder="editor.field.sectionChoose"
        options={ITEM_SECTIONS.map((section) => ({
          value: section,
          label: sectionTitle(ctx, section),
        }))}
        value={textValue(values, 'section')}
        error={errors.section}
      />
      <AccessSelect ctx={ctx} value={textValue(values, 'access')} error={errors.access} />
      <Field
        ctx={ctx}
        name="date"
        label="editor.field.date"
        type="date"
        autocomplete="off"
        value={textValue(values, 'date')}
        error={errors.date}
      />
      <CheckboxGroup
        ctx={ctx}
        name="restricted"
        legend="editor.field.restricted"
        options={restrictableFields(type).map((field) => ({
          value: field,
          label: fieldLabel(ctx, field),
        }))}
        checked={listValue(values, 'restricted')}
        error={errors.restricted}
      />
    </fieldset>
  );
}

/** What the item is about: themes, SDGs, human rights, countries, related items. */
export function ItemVocabularyFields(props: {
  ctx: PageContext;
  values: FormValues;
  errors: Readonly<Record<string, string>>;
  themes: readonly string[];
  countries: readonly string[];
}): JSX.Element {
  const { ctx, values, errors } = props;
  return (
    <fieldset>
      <legend>{ctx.t('editor.vocabularies.legend')}</legend>
      <ThemeCheckboxes
        ctx={ctx}
        legend="knowledge.item.themes"
        themes={themeChoices(ctx, props.themes)}
        values={values}
        error={errors.themes}
      />
      <SdgCheckboxes ctx={ctx} legend="knowledge.item.sdgs" values={values} error={errors.sdgs} />
      <Field
        ctx={ctx}
        name="sdgTargets"
        label="editor.field.sdgTargets"
        type="text"
        autocomplete="off"
        required={false}
        hint={ctx.text('editor.hint.sdgTargets')}
        value={textValue(values, 'sdgTargets')}
        error={errors.sdgTargets}
      />
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
      <TextArea
        ctx={ctx}
        name="related"
        label="editor.field.related"
        hint="editor.hint.related"
        required={false}
        rows={3}
        value={textValue(values, 'related')}
        error={errors.related}
      />
    </fieldset>
  );
}
