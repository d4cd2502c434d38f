/**
 * Editors' pages of the cities' profiles: the profiles waiting for review, one profile's draft
 * as it would be published (approve, or ask for changes), and the shared list of indicators.
 */
import { EmptyState, PageHeader, ScrollTable } from '../../../ui/components/content.js';
import {
  Csrf,
  ErrorSummary,
  Field,
  PostForm,
  Select,
  TextArea,
  errorsInOrder,
  textValue,
  type FormValues,
} from '../../../ui/components/form.js';
import type { PageContext } from '../../../ui/context.js';
import { formatDate } from '../../../ui/format.js';
import { Layout } from '../../../ui/layout/layout.js';
import type { MessageKey } from '../../../ui/messages.js';
import { languageName } from '../../../platform/i18n/names.js';
import type { EditableCity, Indicator } from '../profiles.repository.js';
import { IndicatorBlock, StageSteps } from './city.page.js';
import { instrumentLabel, nameLang, nameOf } from './labels.js';

const crumbs = (ctx: PageContext) => [
  { label: ctx.text('editor.title'), href: ctx.href('/editor') },
];

export function ReviewQueuePage(props: {
  ctx: PageContext;
  cities: readonly EditableCity[];
  notice?: string;
}): JSX.Element {
  const { ctx } = props;
  const title = ctx.text('cities.review.title');
  return (
    <Layout ctx={ctx} title={title} indexable={false} crumbs={crumbs(ctx)}>
      <PageHeader title={title} lead={ctx.text('cities.review.lead')} />
      <p>
        <a href={ctx.href('/editor/indicators')}>{ctx.t('cities.indicatorsList.title')}</a>
      </p>
      {props.notice ? (
        <p class="notice" role="status">
          {ctx.t(props.notice as MessageKey)}
        </p>
      ) : (
        ''
      )}
      {props.cities.length > 0 ? (
        <ul>
          {props.cities.map((city) => (
            <li>
              <a href={ctx.href(`/editor/cities/${city.slug}`)} safe>
                {city.name}
              </a>{' '}
              {city.submittedAt
                ? ctx.t('cities.review.sent', {
                    date: formatDate(ctx, city.submittedAt.toISOString().slice(0, 10)),
                  })
                : ''}
            </li>
          ))}
        </ul>
      ) : (
        <EmptyState message={ctx.text('cities.review.empty')} />
      )}
    </Layout>
  );
}

export function ReviewPage(props: {
  ctx: PageContext;
  city: EditableCity;
  indicators: readonly Indicator[];
  csrfToken: string;
  note: { value: string; error?: string };
}): JSX.Element {
  const { ctx, city } = props;
  const draft = city.draft;
  const title = ctx.text('cities.review.cityTitle', { city: city.name });
  return (
    <Layout
      ctx={ctx}
      title={title}
      indexable={false}
      crumbs={[
        ...crumbs(ctx),
        { label: ctx.text('cities.review.title'), href: ctx.href('/editor/cities') },
      ]}
    >
      <ErrorSummary
        ctx={ctx}
        summary="cities.errors.summary"
        errors={errorsInOrder({ note: props.note.error }, ['note'])}
      />
      <PageHeader title={title} lead={ctx.text('cities.review.draftLead')} />
      <h2>{ctx.t('cities.stage.title')}</h2>
      <StageSteps ctx={ctx} city={{ ...city, profile: draft }} />
      <h2>{ctx.t('cities.commitments.title')}</h2>
      <ul>
        {draft.commitments.map((commitment) => (
          <li
            safe
          >{`${commitment.name} — ${instrumentLabel(ctx, commitment.instrument)}, ${commitment.date}`}</li>
        ))}
      </ul>
      <h2>{ctx.t('cities.indicators.title')}</h2>
      <>
        {props.indicators
          .filter((indicator) => draft.values.some((value) => value.indicator === indicator.key))
          .map((indicator) => (
            <IndicatorBlock
              ctx={ctx}
              city={city}
              indicator={indicator}
              values={draft.values.filter((value) => value.indicator === indicator.key)}
            />
          ))}
      </>
      <h2>{ctx.t('cities.review.decide')}</h2>
      {city.status === 'submitted' ? (
        <>
          <form method="post" action={ctx.href(`/editor/cities/${city.slug}/approve`)}>
            <Csrf token={props.csrfToken} />
            <button type="submit">{ctx.t('cities.review.approve')}</button>
          </form>
          <PostForm
            action={ctx.href(`/editor/cities/${city.slug}/changes`)}
            csrfToken={props.csrfToken}
          >
            <TextArea
              ctx={ctx}
              name="note"
              label="cities.review.note"
              value={props.note.value}
              error={props.note.error}
            />
            <button type="submit" class="secondary">
              {ctx.t('cities.review.askChanges')}
            </button>
          </PostForm>
        </>
      ) : (
        <p>{ctx.t('cities.review.notWaiting')}</p>
      )}
    </Layout>
  );
}

export function IndicatorsPage(props: {
  ctx: PageContext;
  indicators: readonly Indicator[];
  /** The indicator changed (or null for a new one), with the form as typed. */
  editing: { id: string | null; values: FormValues; errors: Record<string, string> };
  csrfToken: string;
}): JSX.Element {
  const { ctx, editing } = props;
  const title = ctx.text('cities.indicatorsList.title');
  const fields = [
    ...ctx.locales.map((locale) => `name_${locale}`),
    'key',
    'unit',
    'sdgTarget',
    'udhrArticle',
    'source',
    'direction',
    ...ctx.locales.map((locale) => `definition_${locale}`),
  ];
  return (
    <Layout
      ctx={ctx}
      title={title}
      indexable={false}
      crumbs={[
        ...crumbs(ctx),
        { label: ctx.text('cities.review.title'), href: ctx.href('/editor/cities') },
      ]}
    >
      <ErrorSummary
        ctx={ctx}
        summary="cities.errors.summary"
        errors={errorsInOrder(editing.errors, fields)}
      />
      <PageHeader title={title} lead={ctx.text('cities.indicatorsList.lead')} />
      <ScrollTable
        ctx={ctx}
        caption={<caption class="visually-hidden">{title}</caption>}
        columns={['cities.table.indicator', 'cities.field.unit', 'cities.indicatorsList.measures']}
      >
        {props.indicators.map((indicator) => (
          <tr>
            <th scope="row">
              <a
                href={ctx.href(`/editor/indicators?edit=${indicator.id}`)}
                lang={nameLang(ctx, indicator)}
                safe
              >
                {nameOf(ctx, indicator)}
              </a>
            </th>
            <td safe>{indicator.unit}</td>
            <td safe>
              {[
                indicator.sdgTarget ? `SDG ${indicator.sdgTarget}` : '',
                indicator.udhrArticle ? `UDHR ${indicator.udhrArticle}` : '',
              ]
                .filter(Boolean)
                .join(' · ')}
            </td>
          </tr>
        ))}
      </ScrollTable>
      <h2>{ctx.t(editing.id ? 'cities.indicatorsList.edit' : 'cities.indicatorsList.add')}</h2>
      <PostForm
        action={ctx.href(editing.id ? `/editor/indicators/${editing.id}` : '/editor/indicators')}
        csrfToken={props.csrfToken}
      >
        <>
          {ctx.locales.map((locale) => (
            <Field
              ctx={ctx}
              name={`name_${locale}`}
              label="cities.indicatorsList.name"
              labelValues={{ language: languageName(locale, ctx.locale) }}
              type="text"
              autocomplete="off"
              required={locale === ctx.locales[0]}
              value={textValue(editing.values, `name_${locale}`)}
              error={editing.errors[`name_${locale}`]}
            />
          ))}
        </>
        {editing.id ? (
          <p>
            {ctx.t('cities.indicatorsList.key')}:{' '}
            <code safe>{textValue(editing.values, 'key')}</code>
          </p>
        ) : (
          <Field
            ctx={ctx}
            name="key"
            label="cities.indicatorsList.key"
            hint={ctx.text('cities.indicatorsList.keyHint')}
            type="text"
            autocomplete="off"
            value={textValue(editing.values, 'key')}
            error={editing.errors.key}
          />
        )}
        <Field
          ctx={ctx}
          name="unit"
          label="cities.field.unit"
          hint={ctx.text('cities.field.unitHint')}
          type="text"
          autocomplete="off"
          value={textValue(editing.values, 'unit')}
          error={editing.errors.unit}
        />
        <Field
          ctx={ctx}
          name="sdgTarget"
          label="cities.indicatorsList.sdgTarget"
          type="text"
          autocomplete="off"
          required={false}
          value={textValue(editing.values, 'sdgTarget')}
          error={editing.errors.sdgTarget}
        />
        <Field
          ctx={ctx}
          name="udhrArticle"
          label="cities.indicatorsList.article"
          type="text"
          autocomplete="off"
          required={false}
          value={textValue(editing.values, 'udhrArticle')}
          error={editing.errors.udhrArticle}
        />
        <Field
          ctx={ctx}
          name="source"
          label="cities.field.source"
          type="text"
          autocomplete="off"
          required={false}
          value={textValue(editing.values, 'source')}
          error={editing.errors.source}
        />
        <Select
          ctx={ctx}
          name="direction"
          label="cities.field.direction"
          options={(['higher', 'lower', 'neither'] as const).map((value) => ({
            value,
            label: ctx.text(`cities.direction.${value}`),
          }))}
          value={textValue(editing.values, 'direction') || 'neither'}
          error={editing.errors.direction}
        />
        <>
          {ctx.locales.map((locale) => (
            <TextArea
              ctx={ctx}
              name={`definition_${locale}`}
              label="cities.indicatorsList.definition"
              labelValues={{ language: languageName(locale, ctx.locale) }}
              required={false}
              value={textValue(editing.values, `definition_${locale}`)}
              error={editing.errors[`definition_${locale}`]}
            />
          ))}
        </>
        <button type="submit">{ctx.t('cities.edit.save')}</button>
      </PostForm>
    </Layout>
  );
}
