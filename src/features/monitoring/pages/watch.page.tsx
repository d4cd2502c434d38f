/**
 * The editors' watch queue: entries read from the watched sources, each with its source, date,
 * language and suggested themes, and what an editor may do with it; and the page deciding one
 * entry (publish as a news item, or add to a theme's trends). Outside text is shown as text.
 */
import { countryOptions, themeChoices } from '../../vocabularies/index.js';
import { languageName } from '../../../platform/i18n/names.js';
import { EmptyState, PageHeader, Pagination } from '../../../ui/components/content.js';
import {
  AccessSelect,
  Csrf,
  ErrorSummary,
  Field,
  FilterSelect,
  PostForm,
  RowButton,
  Select,
  TextArea,
  errorsInOrder,
  listValue,
  textValue,
  type FormValues,
} from '../../../ui/components/form.js';
import { MultiSelect, ThemeCheckboxes } from '../../../ui/components/vocabulary-fields.js';
import type { PageContext } from '../../../ui/context.js';
import { formatDate, themeLabel } from '../../../ui/format.js';
import { Layout } from '../../../ui/layout/layout.js';
import type { MessageKey } from '../../../ui/messages.js';
import type { EntryStatus, QueueEntry } from '../entries.repository.js';
import { PUBLISH_FIELDS, TREND_FIELDS } from '../monitoring.schemas.js';

const editorCrumbs = (ctx: PageContext) => [
  { label: ctx.text('editor.title'), href: ctx.href('/editor') },
];

function EntryFacts(props: { ctx: PageContext; entry: QueueEntry }): JSX.Element {
  const { ctx, entry } = props;
  const date = entry.publishedAt ?? entry.createdAt;
  return (
    <p class="meta">
      <span safe>{entry.sourceName}</span>
      {' · '}
      <time datetime={date.toISOString()}>{formatDate(ctx, date.toISOString().slice(0, 10))}</time>
      {entry.locale ? (
        <>
          {' '}
          · <span safe>{languageName(entry.locale, ctx.locale)}</span>
        </>
      ) : (
        ''
      )}
      {entry.suggestedThemes.length > 0 ? (
        <>
          {' · '}
          {ctx.t('monitoring.queue.suggested')}{' '}
          <span safe>
            {entry.suggestedThemes.map((theme) => themeLabel(ctx, theme)).join(', ')}
          </span>
        </>
      ) : (
        ''
      )}
    </p>
  );
}

/** The entry's title, linking to where it was published; marked as outside the site. */
function EntryTitle(props: { entry: QueueEntry; lang: string | undefined }): JSX.Element {
  const { entry } = props;
  return entry.url ? (
    <a href={entry.url} rel="noopener noreferrer nofollow" lang={props.lang} safe>
      {entry.title}
    </a>
  ) : (
    <span lang={props.lang} safe>
      {entry.title}
    </span>
  );
}

export function WatchQueuePage(props: {
  ctx: PageContext;
  rows: readonly QueueEntry[];
  total: number;
  page: number;
  status: EntryStatus;
  filter: { source?: string; theme?: string };
  sources: readonly { id: string; name: string }[];
  themes: readonly string[];
  csrfToken: string;
  /** What the last action did, as a catalogue key. */
  notice?: string;
}): JSX.Element {
  const { ctx, status } = props;
  const title = ctx.text('monitoring.queue.title');
  const params = new URLSearchParams(
    Object.entries({ status: status === 'new' ? '' : status, ...props.filter }).filter(
      (entry): entry is [string, string] => Boolean(entry[1]),
    ),
  ).toString();
  return (
    <Layout ctx={ctx} title={title} indexable={false} crumbs={editorCrumbs(ctx)}>
      <PageHeader title={title} lead={ctx.text('monitoring.queue.lead')} />
      <p>
        <a href={ctx.href('/editor/watch/sources')}>{ctx.t('monitoring.sources.nav')}</a>
      </p>
      {props.notice ? (
        <p class="notice" role="status">
          {ctx.t(props.notice as MessageKey)}
        </p>
      ) : (
        ''
      )}
      <form
        method="get"
        action={ctx.href('/editor/watch')}
        class="filters"
        aria-label={ctx.text('monitoring.queue.filter')}
      >
        <FilterSelect
          ctx={ctx}
          name="status"
          label="monitoring.queue.status"
          value={status === 'new' ? undefined : status}
          options={(['published', 'trend', 'dismissed'] as const).map((value) => ({
            value,
            label: ctx.text(`monitoring.status.${value}`),
          }))}
        />
        <FilterSelect
          ctx={ctx}
          name="source"
          label="monitoring.field.source"
          value={props.filter.source}
          options={props.sources.map((source) => ({ value: source.id, label: source.name }))}
        />
        <FilterSelect
          ctx={ctx}
          name="theme"
          label="monitoring.field.theme"
          value={props.filter.theme}
          options={themeChoices(ctx, props.themes)}
        />
        <button type="submit">{ctx.t('knowledge.filter.submit')}</button>
      </form>
      <p role="status">{ctx.t('monitoring.queue.count', { count: props.total })}</p>
      {props.rows.length > 0 ? (
        <ul class="cards">
          {props.rows.map((entry) => {
            const lang = entry.locale && entry.locale !== ctx.locale ? entry.locale : undefined;
            return (
              <li class="card">
                <h2 class="h3">
                  <EntryTitle entry={entry} lang={lang} />
                </h2>
                <EntryFacts ctx={ctx} entry={entry} />
                {entry.summary ? (
                  <p lang={lang} safe>
                    {entry.summary}
                  </p>
                ) : (
                  ''
                )}
                {entry.status === 'new' ? (
                  <div class="actions">
                    <a class="button" href={ctx.href(`/editor/watch/entries/${entry.id}`)}>
                      {ctx.t('monitoring.queue.decide')}
                      <span class="visually-hidden" safe>{` ${entry.title}`}</span>
                    </a>
                    <form
                      method="post"
                      action={ctx.href(`/editor/watch/entries/${entry.id}/dismiss`)}
                    >
                      <Csrf token={props.csrfToken} />
                      <RowButton
                        class="secondary"
                        label={ctx.t('monitoring.queue.dismiss')}
                        name={entry.title}
                      />
                    </form>
                    <form
                      method="post"
                      action={ctx.href(`/editor/watch/sources/${entry.sourceId}/mute`)}
                    >
                      <Csrf token={props.csrfToken} />
                      <RowButton
                        class="secondary"
                        label={ctx.t('monitoring.queue.mute')}
                        name={entry.sourceName}
                      />
                    </form>
                  </div>
                ) : (
                  <p>{ctx.t(`monitoring.status.${entry.status}`)}</p>
                )}
              </li>
            );
          })}
        </ul>
      ) : (
        <EmptyState message={ctx.text('monitoring.queue.empty')} />
      )}
      <Pagination
        ctx={ctx}
        page={props.page}
        pages={Math.max(1, Math.ceil(props.total / 25))}
        href={(page) => ctx.href(`/editor/watch?${params}${params ? '&' : ''}page=${String(page)}`)}
      />
    </Layout>
  );
}

const localeOptions = (ctx: PageContext) =>
  ctx.locales.map((locale) => ({ value: locale, label: languageName(locale, ctx.locale) }));

export interface DecisionForms {
  publish: { values: FormValues; errors: Record<string, string>; message?: string };
  trend: { values: FormValues; errors: Record<string, string>; message?: string };
}

export function EntryPage(props: {
  ctx: PageContext;
  entry: QueueEntry;
  forms: DecisionForms;
  themes: readonly string[];
  countryCodes: readonly string[];
  csrfToken: string;
}): JSX.Element {
  const { ctx, entry, forms } = props;
  const lang = entry.locale && entry.locale !== ctx.locale ? entry.locale : undefined;
  const countries = countryOptions(props.countryCodes, ctx.locale);
  const publish = forms.publish;
  const trend = forms.trend;
  // The two forms' fields are told apart by a prefix; the themes and access are in one form only.
  const field = (prefix: string, name: string) =>
    name === 'themes' || name === 'access' ? name : `${prefix}${name}`;
  const prefixed = (errors: Record<string, string>, prefix: string) =>
    Object.fromEntries(Object.entries(errors).map(([key, value]) => [field(prefix, key), value]));
  return (
    <Layout
      ctx={ctx}
      title={entry.title}
      indexable={false}
      crumbs={[
        ...editorCrumbs(ctx),
        { label: ctx.text('monitoring.queue.title'), href: ctx.href('/editor/watch') },
      ]}
    >
      <ErrorSummary
        ctx={ctx}
        summary="monitoring.errors.summary"
        errors={[
          ...errorsInOrder(
            prefixed(publish.errors, 'news-'),
            PUBLISH_FIELDS.map((name) => field('news-', name)),
          ),
          ...errorsInOrder(
            prefixed(trend.errors, 'trend-'),
            TREND_FIELDS.map((name) => field('trend-', name)),
          ),
        ]}
        message={publish.message ?? trend.message}
      />
      <PageHeader title={entry.title} lang={lang} />
      <EntryFacts ctx={ctx} entry={entry} />
      {entry.summary ? (
        <blockquote lang={lang}>
          <p safe>{entry.summary}</p>
        </blockquote>
      ) : (
        ''
      )}
      {entry.url ? (
        <p>
          <EntryTitle
            entry={{ ...entry, title: ctx.text('monitoring.entry.read') }}
            lang={undefined}
          />
        </p>
      ) : (
        ''
      )}
      <section aria-labelledby="publish-heading">
        <h2 id="publish-heading">{ctx.t('monitoring.entry.publish')}</h2>
        <p class="hint">{ctx.t('monitoring.entry.publishHint')}</p>
        <PostForm
          action={ctx.href(`/editor/watch/entries/${entry.id}/publish`)}
          csrfToken={props.csrfToken}
        >
          <Field
            ctx={ctx}
            name="news-title"
            label="monitoring.field.title"
            type="text"
            autocomplete="off"
            value={textValue(publish.values, 'title')}
            error={publish.errors.title}
          />
          <TextArea
            ctx={ctx}
            name="news-summary"
            label="monitoring.field.summary"
            hint="monitoring.field.summaryHint"
            value={textValue(publish.values, 'summary')}
            error={publish.errors.summary}
          />
          <Select
            ctx={ctx}
            name="news-locale"
            label="monitoring.field.language"
            options={localeOptions(ctx)}
            value={textValue(publish.values, 'locale')}
            error={publish.errors.locale}
          />
          <ThemeCheckboxes
            ctx={ctx}
            legend="monitoring.field.themes"
            themes={themeChoices(ctx, props.themes)}
            values={{ themes: listValue(publish.values, 'themes') }}
            error={publish.errors.themes}
          />
          <MultiSelect
            ctx={ctx}
            name="news-countries"
            label="monitoring.field.countries"
            hint="monitoring.field.countriesHint"
            options={countries}
            chosen={listValue(publish.values, 'countries')}
            error={publish.errors.countries}
          />
          <button type="submit">{ctx.t('monitoring.entry.publishSubmit')}</button>
        </PostForm>
      </section>
      <section aria-labelledby="trend-heading">
        <h2 id="trend-heading">{ctx.t('monitoring.entry.trend')}</h2>
        <p class="hint">{ctx.t('monitoring.entry.trendHint')}</p>
        <PostForm
          action={ctx.href(`/editor/watch/entries/${entry.id}/trend`)}
          csrfToken={props.csrfToken}
        >
          <Field
            ctx={ctx}
            name="trend-title"
            label="monitoring.field.title"
            type="text"
            autocomplete="off"
            value={textValue(trend.values, 'title')}
            error={trend.errors.title}
          />
          <TextArea
            ctx={ctx}
            name="trend-note"
            label="monitoring.field.note"
            hint="monitoring.field.noteHint"
            value={textValue(trend.values, 'note')}
            error={trend.errors.note}
          />
          <Select
            ctx={ctx}
            name="trend-locale"
            label="monitoring.field.language"
            options={localeOptions(ctx)}
            value={textValue(trend.values, 'locale')}
            error={trend.errors.locale}
          />
          <Select
            ctx={ctx}
            name="trend-theme"
            label="monitoring.field.theme"
            placeholder="monitoring.field.themeChoose"
            options={themeChoices(ctx, props.themes)}
            value={textValue(trend.values, 'theme')}
            error={trend.errors.theme}
          />
          <MultiSelect
            ctx={ctx}
            name="trend-countries"
            label="monitoring.field.countries"
            hint="monitoring.field.countriesHint"
            options={countries}
            chosen={listValue(trend.values, 'countries')}
            error={trend.errors.countries}
          />
          <AccessSelect
            ctx={ctx}
            value={textValue(trend.values, 'access') || 'public'}
            error={trend.errors.access}
          />
          <button type="submit">{ctx.t('monitoring.entry.trendSubmit')}</button>
        </PostForm>
      </section>
    </Layout>
  );
}
