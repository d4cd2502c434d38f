/** An editor's form of a space: new (/editor/dialogue/spaces/new) or an existing one's. */
import { PageHeader } from '../../../ui/components/content.js';
import {
  CheckboxGroup,
  ErrorSummary,
  Field,
  PostForm,
  Select,
  TextArea,
  errorsInOrder,
  listValue,
  textValue,
  type FormValues,
} from '../../../ui/components/form.js';
import { MultiSelect } from '../../../ui/components/vocabulary-fields.js';
import type { PageContext } from '../../../ui/context.js';
import { themeLabel } from '../../../ui/format.js';
import { Layout } from '../../../ui/layout/layout.js';
import { languageName } from '../../../platform/i18n/names.js';
import { SPACE_AUDIENCES } from '../dialogue.types.js';
import type { Space } from '../spaces.repository.js';

export const SPACE_FIELDS = [
  'slug',
  'name',
  'description',
  'locale',
  'languages',
  'audience',
  'organisations',
  'theme',
  'eventSlug',
  'itemPath',
  'moderators',
  'archived',
] as const;

/** A space's values in its form. */
export function spaceValues(
  space: Space | null,
  locale: string,
  moderators: readonly string[],
): FormValues {
  if (!space) return { locale, languages: [locale], audience: 'members' };
  return {
    slug: space.slug,
    name: space.name,
    description: space.description,
    locale: space.locale,
    languages: space.languages,
    audience: space.audience,
    organisations: space.organisations,
    theme: space.theme ?? '',
    eventSlug: space.eventSlug ?? '',
    itemPath: space.itemPath ?? '',
    archived: space.archived ? 'on' : '',
    moderators: moderators.join('\n'),
  };
}

export function SpaceFormPage(props: {
  ctx: PageContext;
  csrfToken: string;
  /** The space being changed, or null for a new one. */
  space: Space | null;
  values: FormValues;
  errors: Readonly<Record<string, string>>;
  themes: readonly string[];
  organisations: readonly { id: string; name: string }[];
}): JSX.Element {
  const { ctx, values, errors } = props;
  const title = props.space
    ? ctx.text('dialogue.space.edit', { name: props.space.name })
    : ctx.text('dialogue.space.new');
  const action = props.space
    ? ctx.href(`/editor/dialogue/spaces/${props.space.slug}`)
    : ctx.href('/editor/dialogue/spaces');
  const text = (name: string) => textValue(values, name);
  const languages = ctx.locales.map((locale) => ({
    value: locale,
    label: languageName(locale, ctx.locale),
  }));
  return (
    <Layout
      ctx={ctx}
      title={title}
      indexable={false}
      crumbs={[{ label: ctx.text('dialogue.title'), href: ctx.href('/dialogue') }]}
    >
      <PageHeader title={title} />
      <PostForm action={action} csrfToken={props.csrfToken}>
        <ErrorSummary
          ctx={ctx}
          summary="dialogue.errors.summary"
          errors={errorsInOrder(errors, SPACE_FIELDS)}
        />
        <Field
          ctx={ctx}
          name="name"
          type="text"
          autocomplete="off"
          label="dialogue.field.name"
          value={text('name')}
          error={errors.name}
        />
        <Field
          ctx={ctx}
          name="slug"
          type="text"
          autocomplete="off"
          label="dialogue.field.slug"
          hint={ctx.text('dialogue.hint.slug')}
          value={text('slug')}
          error={errors.slug}
        />
        <TextArea
          ctx={ctx}
          name="description"
          label="dialogue.field.description"
          hint="dialogue.markdownHint"
          value={text('description')}
          error={errors.description}
          required={false}
        />
        <Select
          ctx={ctx}
          name="locale"
          label="dialogue.field.locale"
          options={languages}
          value={text('locale')}
          error={errors.locale}
        />
        <CheckboxGroup
          ctx={ctx}
          name="languages"
          legend="dialogue.field.languages"
          options={languages}
          checked={listValue(values, 'languages')}
          error={errors.languages}
        />
        <Select
          ctx={ctx}
          name="audience"
          label="dialogue.field.audience"
          options={SPACE_AUDIENCES.map((audience) => ({
            value: audience,
            label: ctx.text(`dialogue.audience.${audience}`),
          }))}
          value={text('audience')}
          error={errors.audience}
        />
        <MultiSelect
          ctx={ctx}
          name="organisations"
          label="dialogue.field.organisations"
          hint="dialogue.hint.organisations"
          options={props.organisations.map((organisation) => ({
            value: organisation.id,
            label: organisation.name,
          }))}
          chosen={listValue(values, 'organisations')}
          error={errors.organisations}
        />
        <Select
          ctx={ctx}
          name="theme"
          label="dialogue.field.theme"
          placeholder="dialogue.start.noTheme"
          required={false}
          options={props.themes.map((theme) => ({ value: theme, label: themeLabel(ctx, theme) }))}
          value={text('theme')}
          error={errors.theme}
        />
        <Field
          ctx={ctx}
          name="eventSlug"
          type="text"
          autocomplete="off"
          label="dialogue.field.eventSlug"
          hint={ctx.text('dialogue.hint.eventSlug')}
          value={text('eventSlug')}
          error={errors.eventSlug}
          required={false}
        />
        <Field
          ctx={ctx}
          name="itemPath"
          type="text"
          autocomplete="off"
          label="dialogue.field.itemPath"
          hint={ctx.text('dialogue.hint.itemPath')}
          value={text('itemPath')}
          error={errors.itemPath}
          required={false}
        />
        <TextArea
          ctx={ctx}
          name="moderators"
          label="dialogue.field.moderators"
          hint="dialogue.hint.moderators"
          value={text('moderators')}
          error={errors.moderators}
          required={false}
          rows={3}
        />
        <div class="field checkbox">
          <input
            type="checkbox"
            id="archived"
            name="archived"
            value="on"
            checked={text('archived') === 'on'}
          />{' '}
          <label for="archived">{ctx.t('dialogue.field.archived')}</label>
        </div>
        <button type="submit">{ctx.t('dialogue.space.save')}</button>
      </PostForm>
    </Layout>
  );
}
