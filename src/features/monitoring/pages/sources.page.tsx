/**
 * The watched sources for editors: each with its health (failing, silent, muted), when it was
 * last read and what went wrong; and the form that registers or changes one.
 */
import { themeChoices } from '../../vocabularies/index.js';
import { languageName } from '../../../platform/i18n/names.js';
import { dateTimeFormat } from '../../../platform/i18n/dates.js';
import { PageHeader, ScrollTable } from '../../../ui/components/content.js';
import {
  Csrf,
  ErrorSummary,
  Field,
  PostForm,
  RowButton,
  Select,
  errorsInOrder,
  listValue,
  textValue,
  type FormValues,
} from '../../../ui/components/form.js';
import { ThemeCheckboxes } from '../../../ui/components/vocabulary-fields.js';
import type { PageContext } from '../../../ui/context.js';
import { Layout } from '../../../ui/layout/layout.js';
import { SOURCE_FIELDS } from '../monitoring.schemas.js';
import type { SourceHealth, SourceRow } from '../sources.repository.js';

const crumbs = (ctx: PageContext) => [
  { label: ctx.text('editor.title'), href: ctx.href('/editor') },
  { label: ctx.text('monitoring.queue.title'), href: ctx.href('/editor/watch') },
];

const when = (ctx: PageContext, date: Date | null): string =>
  date
    ? `${dateTimeFormat(ctx.locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(date)} UTC`
    : ctx.text('monitoring.sources.never');

export interface SourceListRow {
  source: SourceRow;
  health: SourceHealth;
  waiting: number;
}

export function SourcesPage(props: {
  ctx: PageContext;
  rows: readonly SourceListRow[];
  attentionOnly: boolean;
  csrfToken: string;
}): JSX.Element {
  const { ctx, rows } = props;
  const title = ctx.text('monitoring.sources.title');
  return (
    <Layout ctx={ctx} title={title} indexable={false} crumbs={crumbs(ctx)}>
      <PageHeader title={title} lead={ctx.text('monitoring.sources.lead')} />
      <p>
        <a class="button" href={ctx.href('/editor/watch/sources/new')}>
          {ctx.t('monitoring.sources.add')}
        </a>{' '}
        {props.attentionOnly ? (
          <a href={ctx.href('/editor/watch/sources')}>{ctx.t('monitoring.sources.showAll')}</a>
        ) : (
          <a href={ctx.href('/editor/watch/sources?attention=1')}>
            {ctx.t('monitoring.sources.showAttention')}
          </a>
        )}
      </p>
      <p role="status">{ctx.t('monitoring.sources.count', { count: rows.length })}</p>
      {rows.length > 0 ? (
        <ScrollTable
          ctx={ctx}
          caption={<caption class="visually-hidden">{title}</caption>}
          columns={[
            'monitoring.sources.column.source',
            'monitoring.sources.column.health',
            'monitoring.sources.column.read',
            'monitoring.sources.column.waiting',
          ]}
        >
          {rows.map(({ source, health, waiting }) => (
            <tr>
              <td>
                <a href={ctx.href(`/editor/watch/sources/${source.id}`)} safe>
                  {source.name}
                </a>
                <br />
                <small class="address" dir="ltr" safe>
                  {source.feedUrl}
                </small>
              </td>
              <td>
                <strong class={health === 'ok' ? undefined : 'badge'}>
                  {ctx.t(`monitoring.health.${health}`)}
                </strong>
                {source.lastError ? (
                  <>
                    <br />
                    <small safe>{source.lastError}</small>
                  </>
                ) : (
                  ''
                )}
                <form
                  method="post"
                  action={ctx.href(
                    `/editor/watch/sources/${source.id}/${source.muted ? 'unmute' : 'mute'}`,
                  )}
                >
                  <Csrf token={props.csrfToken} />
                  <RowButton
                    class="secondary"
                    label={ctx.t(
                      source.muted ? 'monitoring.sources.unmute' : 'monitoring.queue.mute',
                    )}
                    name={source.name}
                  />
                </form>
              </td>
              <td>
                {ctx.t('monitoring.sources.lastRead', { when: when(ctx, source.lastSuccessAt) })}
                <br />
                {ctx.t('monitoring.sources.lastEntry', { when: when(ctx, source.lastEntryAt) })}
              </td>
              <td>
                {waiting > 0 ? (
                  <a href={ctx.href(`/editor/watch?source=${source.id}`)}>
                    {ctx.t('monitoring.sources.waiting', { count: waiting })}
                  </a>
                ) : (
                  ctx.t('monitoring.sources.waiting', { count: 0 })
                )}
              </td>
            </tr>
          ))}
        </ScrollTable>
      ) : (
        ''
      )}
    </Layout>
  );
}

export function SourceFormPage(props: {
  ctx: PageContext;
  /** The source changed, or null for a new one. */
  id: string | null;
  values: FormValues;
  errors: Record<string, string>;
  themes: readonly string[];
  csrfToken: string;
}): JSX.Element {
  const { ctx, values, errors } = props;
  const title = ctx.text(props.id ? 'monitoring.sources.edit' : 'monitoring.sources.add');
  return (
    <Layout
      ctx={ctx}
      title={title}
      indexable={false}
      crumbs={[
        ...crumbs(ctx),
        { label: ctx.text('monitoring.sources.title'), href: ctx.href('/editor/watch/sources') },
      ]}
    >
      <ErrorSummary
        ctx={ctx}
        summary="monitoring.errors.summary"
        errors={errorsInOrder(errors, SOURCE_FIELDS)}
      />
      <PageHeader title={title} />
      <PostForm
        action={ctx.href(
          props.id ? `/editor/watch/sources/${props.id}` : '/editor/watch/sources/new',
        )}
        csrfToken={props.csrfToken}
      >
        <Field
          ctx={ctx}
          name="name"
          label="monitoring.field.name"
          type="text"
          autocomplete="off"
          value={textValue(values, 'name')}
          error={errors.name}
        />
        <Field
          ctx={ctx}
          name="feedUrl"
          label="monitoring.field.feedUrl"
          hint={ctx.text('monitoring.field.feedUrlHint')}
          type="url"
          autocomplete="off"
          value={textValue(values, 'feedUrl')}
          error={errors.feedUrl}
        />
        <Field
          ctx={ctx}
          name="siteUrl"
          label="monitoring.field.siteUrl"
          type="url"
          autocomplete="off"
          required={false}
          value={textValue(values, 'siteUrl')}
          error={errors.siteUrl}
        />
        <Select
          ctx={ctx}
          name="locale"
          label="monitoring.field.language"
          placeholder="monitoring.field.languageUnknown"
          required={false}
          options={ctx.locales.map((locale) => ({
            value: locale,
            label: languageName(locale, ctx.locale),
          }))}
          value={textValue(values, 'locale')}
          error={errors.locale}
        />
        <Field
          ctx={ctx}
          name="intervalMinutes"
          label="monitoring.field.interval"
          hint={ctx.text('monitoring.field.intervalHint')}
          type="number"
          autocomplete="off"
          value={textValue(values, 'intervalMinutes') || '360'}
          error={errors.intervalMinutes}
        />
        <ThemeCheckboxes
          ctx={ctx}
          legend="monitoring.field.sourceThemes"
          themes={themeChoices(ctx, props.themes)}
          values={{ themes: listValue(values, 'themes') }}
          error={errors.themes}
        />
        <button type="submit">{ctx.t('monitoring.sources.save')}</button>
      </PostForm>
    </Layout>
  );
}
