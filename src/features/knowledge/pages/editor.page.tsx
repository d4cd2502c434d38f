/**
 * The editors' pages of the Knowledge Centre: the list of items in every state, the item form (one
 * language at a time, with a Markdown preview that needs no script), the life-cycle actions, and
 * the revisions with their differences.
 */
import { diffWords } from 'diff';
import {
  ITEM_SECTIONS,
  ITEM_STATUSES,
  ITEM_TYPES,
  RESOURCE_KINDS,
  TRANSITIONS,
  TYPE_ATTRIBUTES,
  fieldsOf,
  restrictableFields,
  type ItemStatus,
  type ItemType,
} from '../items.types.js';
import { itemFormFields } from '../items.schemas.js';
import type { EditableItem, EditorListRow, RevisionView } from '../editorial.repository.js';
import { countryName } from '../../vocabularies/index.js';
import { PageHeader, Prose } from '../../../ui/components/content.js';
import {
  AccessSelect,
  CheckboxGroup,
  Csrf,
  ErrorSummary,
  Field,
  FilterSelect,
  Select,
  TextArea,
  errorsInOrder,
  listValue,
  textValue,
  type FormValues,
} from '../../../ui/components/form.js';
import type { PageContext } from '../../../ui/context.js';
import type { MessageKey } from '../../../ui/messages.js';
import { Layout, endonym } from '../../../ui/layout/layout.js';
import { itemHref, sectionTitle, typeLabel } from './labels.js';

const statusLabel = (ctx: PageContext, status: ItemStatus): string =>
  ctx.text(`editor.status.${status}` as MessageKey);
const fieldLabel = (ctx: PageContext, field: string): string =>
  field === 'body'
    ? ctx.text('editor.field.body')
    : ctx.text(`knowledge.field.${field}` as MessageKey);
const dateTime = (ctx: PageContext, date: Date): string =>
  new Intl.DateTimeFormat(ctx.locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'UTC',
  }).format(date) + ' UTC';

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

export function EditorListPage(props: {
  ctx: PageContext;
  rows: readonly EditorListRow[];
  total: number;
  filter: { status?: ItemStatus; type?: ItemType };
}): JSX.Element {
  const { ctx } = props;
  return (
    <Layout ctx={ctx} title={ctx.text('editor.title')} indexable={false}>
      <PageHeader title={ctx.text('editor.title')} lead={ctx.text('editor.lead')} />
      <nav aria-labelledby="new-title">
        <h2 id="new-title">{ctx.t('editor.new.title')}</h2>
        <ul class="inline-list">
          {ITEM_TYPES.map((type) => (
            <li>
              <a href={ctx.href(`/editor/new/${type}`)} safe>
                {typeLabel(ctx, type)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <p>
        <a href={ctx.href('/editor/links')}>{ctx.t('editor.links.nav')}</a>
        {' · '}
        <a href={ctx.href('/editor/import')}>{ctx.t('editor.import.nav')}</a>
        {' · '}
        <a href={ctx.href('/editor/questions')}>{ctx.t('experts.desk.nav')}</a>
      </p>
      <form
        method="get"
        action={ctx.href('/editor')}
        class="filters"
        aria-label={ctx.text('editor.filter.label')}
      >
        <FilterSelect
          ctx={ctx}
          name="status"
          label="editor.filter.status"
          value={props.filter.status}
          options={ITEM_STATUSES.map((status) => ({
            value: status,
            label: statusLabel(ctx, status),
          }))}
        />
        <FilterSelect
          ctx={ctx}
          name="type"
          label="editor.filter.type"
          value={props.filter.type}
          options={ITEM_TYPES.map((type) => ({ value: type, label: typeLabel(ctx, type) }))}
        />
        <button type="submit">{ctx.t('knowledge.filter.submit')}</button>
      </form>
      <p role="status">{ctx.t('knowledge.items.count', { count: props.total })}</p>
      {props.rows.length > 0 ? (
        <table>
          <caption class="visually-hidden">{ctx.t('editor.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{ctx.t('editor.column.title')}</th>
              <th scope="col">{ctx.t('editor.filter.type')}</th>
              <th scope="col">{ctx.t('editor.filter.status')}</th>
              <th scope="col">{ctx.t('editor.column.updated')}</th>
            </tr>
          </thead>
          <tbody>
            {props.rows.map((row) => (
              <tr>
                <td>
                  <a href={ctx.href(`/editor/items/${row.id}`)} safe>
                    {row.title}
                  </a>
                  {row.access === 'members' ? <> ({ctx.t('editor.membersOnly')})</> : ''}
                </td>
                <td safe>{typeLabel(ctx, row.type)}</td>
                <td>
                  {statusLabel(ctx, row.status)}
                  {row.status === 'published' && row.publishedAt && row.publishedAt > new Date()
                    ? ` (${ctx.text('editor.scheduledFor', { when: dateTime(ctx, row.publishedAt) })})`
                    : ''}
                </td>
                <td>
                  <time datetime={row.updatedAt.toISOString()}>{dateTime(ctx, row.updatedAt)}</time>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        ''
      )}
    </Layout>
  );
}

export interface ItemFormState {
  values: FormValues;
  errors: Readonly<Record<string, string>>;
  /** Set when the editor asked for a preview: the text as it will read. */
  preview: boolean;
}

/** A multiple choice among many (countries): a list box that works without script. */
function MultiSelect(props: {
  ctx: PageContext;
  name: string;
  label: MessageKey;
  hint: MessageKey;
  options: readonly { value: string; label: string }[];
  chosen: readonly string[];
  error?: string;
}): JSX.Element {
  const { ctx, name } = props;
  const chosen = new Set(props.chosen);
  return (
    <div class={props.error ? 'field has-error' : 'field'}>
      <label for={name}>{ctx.t(props.label)}</label>
      <p class="hint" id={`${name}-hint`}>
        {ctx.t(props.hint)}
      </p>
      {props.error ? (
        <p class="field-error" id={`${name}-error`}>
          {ctx.t(props.error as MessageKey)}
        </p>
      ) : (
        ''
      )}
      <select
        id={name}
        name={name}
        multiple="multiple"
        size="6"
        aria-describedby={props.error ? `${name}-hint ${name}-error` : `${name}-hint`}
      >
        {props.options.map((option) => (
          <option value={option.value} selected={chosen.has(option.value)} safe>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
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
  const title = item
    ? ctx.text('editor.edit.title', { title: item.translation?.title ?? item.slug })
    : ctx.text('editor.new.heading', { type: typeLabel(ctx, type) });
  const action = item
    ? ctx.href(`/editor/items/${item.id}?lang=${contentLocale}`)
    : ctx.href(`/editor/new/${type}?lang=${contentLocale}`);
  const lang = contentLocale !== ctx.locale ? contentLocale : undefined;
  const byLabel = (a: { label: string }, b: { label: string }): number =>
    a.label.localeCompare(b.label);
  return (
    <Layout
      ctx={ctx}
      title={title}
      indexable={false}
      crumbs={[{ label: ctx.text('editor.title'), href: ctx.href('/editor') }]}
    >
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
        <fieldset>
          <legend>{ctx.t('editor.text.legend', { language: endonym(contentLocale) })}</legend>
          <Field
            ctx={ctx}
            name="title"
            label="editor.field.title"
            type="text"
            autocomplete="off"
            value={textValue(values, 'title')}
            error={errors.title}
          />
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
            <Select
              ctx={ctx}
              name="translationStatus"
              label="editor.field.translationStatus"
              placeholder="editor.field.translationStatusChoose"
              options={[
                { value: 'reviewed', label: ctx.text('editor.translation.reviewed') },
                { value: 'needs-review', label: ctx.text('editor.translation.needs-review') },
              ]}
              value={textValue(values, 'translationStatus')}
            />
          )}
        </fieldset>
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
        <fieldset>
          <legend>{ctx.t('editor.vocabularies.legend')}</legend>
          <CheckboxGroup
            ctx={ctx}
            name="themes"
            legend="knowledge.item.themes"
            options={props.themes
              .map((key) => ({
                value: key,
                label: ctx.text(`vocabularies.theme.${key}` as MessageKey),
              }))
              .sort(byLabel)}
            checked={listValue(values, 'themes')}
            error={errors.themes}
          />
          <CheckboxGroup
            ctx={ctx}
            name="sdgs"
            legend="knowledge.item.sdgs"
            options={Array.from({ length: 17 }, (_, index) => ({
              value: String(index + 1),
              label: `${index + 1}. ${ctx.text(`vocabularies.sdg.${index + 1}` as MessageKey)}`,
            }))}
            checked={listValue(values, 'sdgs')}
            error={errors.sdgs}
          />
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
            options={Array.from({ length: 30 }, (_, index) => ({
              value: String(index + 1),
              label: ctx.text('knowledge.article', { number: index + 1 }),
            }))}
            checked={listValue(values, 'rights')}
            error={errors.rights}
          />
          <MultiSelect
            ctx={ctx}
            name="countries"
            label="knowledge.item.countries"
            hint="editor.hint.countries"
            options={props.countries
              .map((code) => ({ value: code, label: countryName(code, ctx.locale) }))
              .sort(byLabel)}
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
    </Layout>
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

/** Words removed and added between two texts, marked with <del> and <ins>. */
function Difference(props: { before: string; after: string }): JSX.Element {
  return (
    <p class="diff">
      {diffWords(props.before, props.after).map((part) =>
        part.added ? (
          <ins safe>{part.value}</ins>
        ) : part.removed ? (
          <del safe>{part.value}</del>
        ) : (
          <span safe>{part.value}</span>
        ),
      )}
    </p>
  );
}

const revisionText = (revision: RevisionView): string =>
  [revision.title, revision.summary, revision.body, ...Object.values(revision.fields)].join('\n\n');

export function RevisionsPage(props: {
  ctx: PageContext;
  csrfToken: string;
  item: EditableItem;
  contentLocale: string;
  revisions: readonly RevisionView[];
}): JSX.Element {
  const { ctx, item, revisions } = props;
  const title = ctx.text('editor.revisions.title', { title: item.translation?.title ?? item.slug });
  return (
    <Layout
      ctx={ctx}
      title={title}
      indexable={false}
      crumbs={[
        { label: ctx.text('editor.title'), href: ctx.href('/editor') },
        {
          label: item.translation?.title ?? item.slug,
          href: ctx.href(`/editor/items/${item.id}?lang=${props.contentLocale}`),
        },
      ]}
    >
      <PageHeader
        title={title}
        lead={ctx.text('editor.revisions.lead', { language: endonym(props.contentLocale) })}
      />
      <ol class="revisions" reversed="reversed">
        {revisions.map((revision, index) => {
          const previous = revisions[index + 1];
          return (
            <li>
              <h2>
                {ctx.t('editor.revisions.number', { number: revision.number })}{' '}
                <small>
                  <time datetime={revision.createdAt.toISOString()}>
                    {dateTime(ctx, revision.createdAt)}
                  </time>
                  {revision.authorName ? (
                    <>
                      {' '}
                      · <span safe>{revision.authorName}</span>
                    </>
                  ) : (
                    ''
                  )}
                </small>
              </h2>
              <Difference
                before={previous ? revisionText(previous) : ''}
                after={revisionText(revision)}
              />
              {index > 0 ? (
                <form
                  method="post"
                  action={ctx.href(
                    `/editor/items/${item.id}/revisions/${revision.id}/restore?lang=${props.contentLocale}`,
                  )}
                >
                  <Csrf token={props.csrfToken} />
                  <button type="submit" class="secondary">
                    {ctx.t('editor.revisions.restore', { number: revision.number })}
                  </button>
                </form>
              ) : (
                ''
              )}
            </li>
          );
        })}
      </ol>
    </Layout>
  );
}
