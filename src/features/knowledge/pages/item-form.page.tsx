/** The editors' item form: one language at a time, with a Markdown preview that needs no script, and the life-cycle actions. */
import { TRANSITIONS, TYPE_ATTRIBUTES, fieldsOf, type ItemType } from '../items.types.js';
import { itemFormFields } from '../items.schemas.js';
import type { EditableItem } from '../editorial.repository.js';
import { PageHeader, Prose } from '../../../ui/components/content.js';
import {
  Csrf,
  ErrorSummary,
  errorsInOrder,
  textValue,
  type FormValues,
} from '../../../ui/components/form.js';
import type { PageContext } from '../../../ui/context.js';
import { EditorLayout } from './editor.layout.js';
import type { MessageKey } from '../../../ui/messages.js';
import { endonym, languageName } from '../../../platform/i18n/names.js';
import { dateTime, itemHref, statusLabel, typeLabel } from './labels.js';
import { ItemFactsFields, ItemTextFields, ItemVocabularyFields } from './item.fields.js';

/** The form's values for an item as stored, in one language. */
export function itemValues(item: Omit<EditableItem, 'id' | 'updatedAt'>): FormValues {
  const values: Record<string, string | readonly string[]> = {
    title: item.translation?.title ?? '',
    summary: item.translation?.summary ?? '',
    body: item.translation?.body ?? '',
    slug: item.slug,
    section: item.section,
    access: item.access,
    date: item.date,
    restricted: item.restrictedFields,
    themes: item.themes,
    sdgs: item.sdgs.map(String),
    sdgTargets: item.sdgTargets.join(', '),
    rights: item.rights.map(String),
    countries: item.countries,
    related: item.related.join('\n'),
    translationStatus: item.translation?.status === 'needs-review' ? 'needs-review' : 'reviewed',
  };
  for (const field of fieldsOf(item.type))
    values[`field_${field}`] = item.translation?.fields[field] ?? '';
  for (const name of TYPE_ATTRIBUTES[item.type])
    values[`attr_${name}`] = item.attributes[name] ?? '';
  return values;
}

export interface ItemFormState {
  values: FormValues;
  errors: Readonly<Record<string, string>>;
  /** Set when the editor asked for a preview: the text as it will read. */
  preview: boolean;
}

/**
 * The form's heading: the item's title in the language being written, or, for a language it has
 * no text in yet, the original's title and the language it is being translated into.
 */
function formTitle(
  ctx: PageContext,
  type: ItemType,
  item: EditableItem | null,
  contentLocale: string,
): string {
  if (!item) return ctx.text('editor.new.heading', { type: typeLabel(ctx, type) });
  if (item.translation) return ctx.text('editor.edit.title', { title: item.translation.title });
  const original = item.translations.find((entry) => entry.locale === item.originalLocale);
  return ctx.text('editor.translate.title', {
    title: original?.title ?? item.slug,
    language: languageName(contentLocale, ctx.locale),
  });
}

export function ItemFormPage(props: {
  ctx: PageContext;
  csrfToken: string;
  type: ItemType;
  /** The language being written. */
  contentLocale: string;
  contentLocales: readonly string[];
  /** The stored item, or null for a new one. */
  item: EditableItem | null;
  state: ItemFormState;
  themes: readonly string[];
  countries: readonly string[];
  notice?: 'saved' | 'status' | 'restored';
}): JSX.Element {
  const { ctx, type, item, state, contentLocale } = props;
  const { values, errors } = state;
  const isOriginal = !item || item.originalLocale === contentLocale;
  const title = formTitle(ctx, type, item, contentLocale);
  const action = item
    ? ctx.href(`/editor/items/${item.id}?lang=${contentLocale}`)
    : ctx.href(`/editor/new/${type}?lang=${contentLocale}`);
  const lang = contentLocale !== ctx.locale ? contentLocale : undefined;
  return (
    <EditorLayout ctx={ctx} title={title}>
      <PageHeader title={title} />
      {props.notice ? (
        <p role="status" class="notice">
          {ctx.t(`editor.notice.${props.notice}` as MessageKey)}
        </p>
      ) : (
        ''
      )}
      {item ? (
        <LifeCycle
          ctx={ctx}
          item={item}
          csrfToken={props.csrfToken}
          error={errors.status ?? errors.publishAt}
        />
      ) : (
        ''
      )}
      <nav aria-labelledby="languages-title" class="languages">
        <h2 id="languages-title">{ctx.t('editor.languages.title')}</h2>
        <ul class="inline-list">
          {props.contentLocales.map((locale) => {
            const translation = item?.translations.find((entry) => entry.locale === locale);
            const status = translation
              ? ctx.text(`editor.translation.${translation.status}` as MessageKey)
              : ctx.text('editor.translation.missing');
            const href = item
              ? ctx.href(`/editor/items/${item.id}?lang=${locale}`)
              : ctx.href(`/editor/new/${type}?lang=${locale}`);
            return (
              <li>
                {locale === contentLocale ? (
                  <strong aria-current="page">
                    <span lang={locale} safe>
                      {endonym(locale)}
                    </span>{' '}
                    ({status})
                  </strong>
                ) : (
                  <a href={href}>
                    <span lang={locale} safe>
                      {endonym(locale)}
                    </span>{' '}
                    ({status})
                  </a>
                )}
              </li>
            );
          })}
        </ul>
        {!item ? <p class="hint">{ctx.t('editor.languages.newHint')}</p> : ''}
      </nav>
      {state.preview && Object.keys(errors).length === 0 ? (
        <Preview ctx={ctx} type={type} values={values} lang={lang} />
      ) : (
        ''
      )}
      <ErrorSummary
        ctx={ctx}
        summary="editor.errors.summary"
        errors={errorsInOrder(errors, itemFormFields(type))}
      />
      <form method="post" action={action} class="form editor-form" novalidate>
        <Csrf token={props.csrfToken} />
        <ItemTextFields
          ctx={ctx}
          type={type}
          values={values}
          errors={errors}
          contentLocale={contentLocale}
          lang={lang}
          isOriginal={isOriginal}
        />
        <ItemFactsFields ctx={ctx} type={type} values={values} errors={errors} />
        <ItemVocabularyFields
          ctx={ctx}
          values={values}
          errors={errors}
          themes={props.themes}
          countries={props.countries}
        />
        <div class="actions">
          <button type="submit" name="intent" value="preview" class="secondary">
            {ctx.t('editor.action.preview')}
          </button>{' '}
          <button type="submit" name="intent" value="save">
            {ctx.t('editor.action.save')}
          </button>
        </div>
      </form>
      {item ? (
        <p>
          <a href={ctx.href(`/editor/items/${item.id}/revisions?lang=${contentLocale}`)}>
            {ctx.t('editor.revisions.link')}
          </a>{' '}
          · <a href={ctx.href(`/editor/items/${item.id}/files`)}>{ctx.t('files.editor.link')}</a>
        </p>
      ) : (
        ''
      )}
    </EditorLayout>
  );
}

/** The text as readers will see it, from what is in the form. */
function Preview(props: {
  ctx: PageContext;
  type: ItemType;
  values: FormValues;
  lang?: string;
}): JSX.Element {
  const { ctx, values, lang } = props;
  return (
    <section class="preview" aria-labelledby="preview-title">
      <h2 id="preview-title">{ctx.t('editor.preview.title')}</h2>
      <p class="hint">{ctx.t('editor.preview.hint')}</p>
      <article lang={lang}>
        <p class="preview-title" safe>
          {textValue(values, 'title')}
        </p>
        <p class="lead" safe>
          {textValue(values, 'summary')}
        </p>
        <Prose markdown={textValue(values, 'body')} />
        <>
          {fieldsOf(props.type).map((field) =>
            textValue(values, `field_${field}`) ? (
              <section>
                <h3>{ctx.t(`knowledge.field.${field}` as MessageKey)}</h3>
                <Prose markdown={textValue(values, `field_${field}`)} />
              </section>
            ) : (
              ''
            ),
          )}
        </>
      </article>
    </section>
  );
}

/** Where the item is in its life cycle, and the moves open from there. */
function LifeCycle(props: {
  ctx: PageContext;
  item: EditableItem;
  csrfToken: string;
  error?: string;
}): JSX.Element {
  const { ctx, item } = props;
  const scheduled =
    item.status === 'published' && item.publishedAt && item.publishedAt > new Date();
  return (
    <section class="life-cycle" aria-labelledby="status-title">
      <h2 id="status-title">{ctx.t('editor.lifeCycle.title')}</h2>
      <p>
        {ctx.t('editor.lifeCycle.now', {
          status:
            scheduled && item.publishedAt
              ? `${statusLabel(ctx, item.status)} (${ctx.text('editor.scheduledFor', { when: dateTime(ctx, item.publishedAt) })})`
              : statusLabel(ctx, item.status),
        })}
        {item.status === 'published' && !scheduled ? (
          <>
            {' '}
            <a href={itemHref(ctx, item)}>{ctx.t('editor.lifeCycle.view')}</a>
          </>
        ) : (
          ''
        )}
      </p>
      {props.error ? (
        <p class="field-error" role="alert">
          {ctx.t(props.error as MessageKey)}
        </p>
      ) : (
        ''
      )}
      <>
        {TRANSITIONS[item.status].map((next) => (
          <form
            method="post"
            action={ctx.href(`/editor/items/${item.id}/status`)}
            class="inline-form"
          >
            <Csrf token={props.csrfToken} />
            <input type="hidden" name="status" value={next} />
            {next === 'published' ? (
              <div class="field">
                <label for="publishAt">{ctx.t('editor.lifeCycle.publishAt')}</label>
                <p class="hint" id="publishAt-hint">
                  {ctx.t('editor.lifeCycle.publishAtHint')}
                </p>
                <input
                  type="datetime-local"
                  id="publishAt"
                  name="publishAt"
                  aria-describedby="publishAt-hint"
                />
              </div>
            ) : (
              ''
            )}
            <button type="submit">{ctx.t(`editor.move.${next}` as MessageKey)}</button>
          </form>
        ))}
      </>
    </section>
  );
}
