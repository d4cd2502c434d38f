/**
 * The editors' pages of the newsletter: the issues with their figures (recipients, sent, bounced,
 * suppressed, unsubscribed since: nothing about opening or clicking), and an issue's form with
 * its preview links, its test, its schedule.
 */
import { dateTimeFormat } from '../../../platform/i18n/dates.js';
import { endonym, languageName } from '../../../platform/i18n/names.js';
import { PageHeader, ScrollTable } from '../../../ui/components/content.js';
import type { Option } from '../../../ui/components/choices.js';
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
import { ThemeCheckboxes } from '../../../ui/components/vocabulary-fields.js';
import type { PageContext } from '../../../ui/context.js';
import { Layout } from '../../../ui/layout/layout.js';
import type { MessageKey } from '../../../ui/messages.js';
import type { CandidateGroup } from '../editing.service.js';
import { issueFields } from '../newsletter.schemas.js';
import { ARCHIVES, AUDIENCES, type Figures, type Newsletter } from '../newsletters.repository.js';
import { textsIn } from '../issue.js';

const crumbs = (ctx: PageContext) => [
  { label: ctx.text('editor.title'), href: ctx.href('/editor') },
  { label: ctx.text('newsletter.editor.title'), href: ctx.href('/editor/newsletter') },
];

const when = (ctx: PageContext, date: Date | null): string =>
  date
    ? `${dateTimeFormat(ctx.locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(date)} UTC`
    : '';

export function NewslettersPage(props: {
  ctx: PageContext;
  rows: readonly (Newsletter & { figures: Figures })[];
}): JSX.Element {
  const { ctx } = props;
  const title = ctx.text('newsletter.editor.title');
  return (
    <Layout ctx={ctx} title={title} indexable={false} crumbs={crumbs(ctx).slice(0, 1)}>
      <PageHeader title={title} lead={ctx.text('newsletter.editor.lead')} />
      <p>
        <a class="button" href={ctx.href('/editor/newsletter/new')}>
          {ctx.t('newsletter.editor.new')}
        </a>
      </p>
      <p role="status">{ctx.t('newsletter.editor.count', { count: props.rows.length })}</p>
      {props.rows.length > 0 ? (
        <ScrollTable
          ctx={ctx}
          caption={<caption class="visually-hidden">{title}</caption>}
          columns={[
            'newsletter.editor.column.subject',
            'newsletter.editor.column.status',
            'newsletter.editor.column.figures',
          ]}
        >
          {props.rows.map((letter) => {
            const texts = textsIn(letter, ctx.locale);
            const { figures } = letter;
            return (
              <tr>
                <td>
                  <a
                    href={ctx.href(`/editor/newsletter/${letter.id}`)}
                    lang={texts.locale === ctx.locale ? undefined : texts.locale}
                    safe
                  >
                    {texts.subject}
                  </a>
                </td>
                <td>
                  {ctx.t(`newsletter.status.${letter.status}` as MessageKey)}
                  <br />
                  <small safe>{when(ctx, letter.sentAt ?? letter.scheduledAt)}</small>
                </td>
                <td>
                  {letter.status === 'draft' || letter.status === 'scheduled'
                    ? '—'
                    : ctx.t('newsletter.editor.figures', { ...figures })}
                </td>
              </tr>
            );
          })}
        </ScrollTable>
      ) : (
        ''
      )}
    </Layout>
  );
}

/** What the issue page shows besides the form. */
export interface IssueFormProps {
  ctx: PageContext;
  csrfToken: string;
  /** The issue, or null for a new one. */
  letter: (Newsletter & { figures: Figures }) | null;
  values: FormValues;
  errors: Record<string, string>;
  /** The scheduling form's value and problem. */
  schedule: { value: string; error?: string };
  candidates: readonly CandidateGroup[];
  themes: readonly Option[];
  defaultLocale: string;
  notice?: MessageKey;
  noticeValues?: Record<string, string>;
}

export function IssueFormPage(props: IssueFormProps): JSX.Element {
  const { ctx, letter, values, errors } = props;
  const locales = [props.defaultLocale, ...ctx.locales.filter((l) => l !== props.defaultLocale)];
  const title = letter
    ? textsIn(letter, ctx.locale).subject || ctx.text('newsletter.editor.edit')
    : ctx.text('newsletter.editor.new');
  const picked = listValue(values, 'picks');
  const offered = new Set(props.candidates.flatMap((group) => group.entries.map((e) => e.value)));
  const pickOptions: Option[] = [
    ...picked
      .filter((value) => !offered.has(value))
      .map((value) => ({ value, label: value, group: ctx.text('newsletter.field.pickedEarlier') })),
    ...props.candidates.flatMap((group) =>
      group.entries.map((entry) => ({ ...entry, group: group.title })),
    ),
  ];
  const draft = !letter || letter.status === 'draft';
  const action = letter ? `/editor/newsletter/${letter.id}` : '/editor/newsletter/new';
  return (
    <Layout ctx={ctx} title={title} indexable={false} crumbs={crumbs(ctx)}>
      <ErrorSummary
        ctx={ctx}
        summary="newsletter.errors.summary"
        errors={errorsInOrder(
          props.schedule.error ? { ...errors, scheduledAt: props.schedule.error } : errors,
          [...issueFields(locales), 'scheduledAt'],
        )}
        message={errors.form}
      />
      <PageHeader title={title} />
      {props.notice ? (
        <p role="status" class="notice">
          {ctx.t(props.notice, props.noticeValues)}
        </p>
      ) : (
        ''
      )}
      {letter ? (
        <p>
          {ctx.t(`newsletter.status.${letter.status}` as MessageKey)}{' '}
          <span safe>{when(ctx, letter.sentAt ?? letter.scheduledAt)}</span>
          {letter.status === 'sending' || letter.status === 'sent' ? (
            <>
              {' · '}
              {ctx.t('newsletter.editor.figures', { ...letter.figures })}
            </>
          ) : (
            ''
          )}
        </p>
      ) : (
        ''
      )}
      {draft ? (
        <PostForm action={ctx.href(action)} csrfToken={props.csrfToken}>
          <>
            {locales.map((locale) => (
              <fieldset class="checkbox-group">
                <legend>
                  {ctx.t('newsletter.field.texts', { language: languageName(locale, ctx.locale) })}
                </legend>
                <Field
                  ctx={ctx}
                  name={`subject-${locale}`}
                  label="newsletter.field.subject"
                  type="text"
                  autocomplete="off"
                  required={locale === props.defaultLocale}
                  value={textValue(values, `subject-${locale}`)}
                  error={errors[`subject-${locale}`]}
                />
                <TextArea
                  ctx={ctx}
                  name={`introduction-${locale}`}
                  label="newsletter.field.introduction"
                  hint="newsletter.field.introductionHint"
                  lang={locale === ctx.locale ? undefined : locale}
                  required={false}
                  rows={6}
                  value={textValue(values, `introduction-${locale}`)}
                  error={errors[`introduction-${locale}`]}
                />
              </fieldset>
            ))}
          </>
          <CheckboxGroup
            ctx={ctx}
            name="picks"
            legend="newsletter.field.picks"
            options={pickOptions}
            checked={picked}
            error={errors.picks}
          />
          <CheckboxGroup
            ctx={ctx}
            name="locales"
            legend="newsletter.field.locales"
            options={ctx.locales.map((locale) => ({ value: locale, label: endonym(locale) }))}
            checked={listValue(values, 'locales')}
            error={errors.locales}
          />
          <ThemeCheckboxes
            ctx={ctx}
            legend="newsletter.field.segmentThemes"
            values={values}
            themes={props.themes}
            error={errors.themes}
          />
          <p class="hint">{ctx.t('newsletter.field.segmentHint')}</p>
          <Select
            ctx={ctx}
            name="audience"
            label="newsletter.field.audience"
            options={AUDIENCES.map((value) => ({
              value,
              label: ctx.text(`newsletter.audience.${value}` as MessageKey),
            }))}
            value={textValue(values, 'audience') || 'everyone'}
            error={errors.audience}
          />
          <Select
            ctx={ctx}
            name="archive"
            label="newsletter.field.archive"
            options={ARCHIVES.map((value) => ({
              value,
              label: ctx.text(`newsletter.archiveChoice.${value}` as MessageKey),
            }))}
            value={textValue(values, 'archive') || 'public'}
            error={errors.archive}
          />
          <button type="submit">{ctx.t('newsletter.editor.save')}</button>
        </PostForm>
      ) : (
        ''
      )}
      {letter ? <IssueActions {...props} letter={letter} locales={locales} /> : ''}
    </Layout>
  );
}

/** Preview, test, schedule, send now, take back: for an issue saved. */
function IssueActions(
  props: IssueFormProps & { letter: Newsletter; locales: readonly string[] },
): JSX.Element {
  const { ctx, letter } = props;
  const base = `/editor/newsletter/${letter.id}`;
  return (
    <>
      <section aria-labelledby="preview-title">
        <h2 id="preview-title">{ctx.t('newsletter.editor.preview')}</h2>
        <ul>
          {props.locales.flatMap((locale) =>
            (['visitor', 'member'] as const).map((as) => (
              <li>
                <a href={ctx.href(`${base}/preview?as=${as}&lang=${locale}`)}>
                  {ctx.t(`newsletter.editor.previewAs.${as}`, {
                    language: languageName(locale, ctx.locale),
                  })}
                </a>
              </li>
            )),
          )}
        </ul>
        <PostForm action={ctx.href(`${base}/test`)} csrfToken={props.csrfToken}>
          <button type="submit" class="secondary">
            {ctx.t('newsletter.editor.test')}
          </button>
        </PostForm>
      </section>
      <section aria-labelledby="schedule-title">
        <h2 id="schedule-title">{ctx.t('newsletter.editor.sending')}</h2>
        {letter.status === 'draft' ? (
          <>
            <PostForm action={ctx.href(`${base}/schedule`)} csrfToken={props.csrfToken}>
              <Field
                ctx={ctx}
                name="scheduledAt"
                label="newsletter.field.scheduledAt"
                type="datetime-local"
                autocomplete="off"
                value={props.schedule.value}
                error={props.schedule.error}
              />
              <button type="submit">{ctx.t('newsletter.editor.schedule')}</button>
            </PostForm>
            <PostForm action={ctx.href(`${base}/send`)} csrfToken={props.csrfToken}>
              <button type="submit">{ctx.t('newsletter.editor.sendNow')}</button>
            </PostForm>
          </>
        ) : letter.status === 'scheduled' ? (
          <PostForm action={ctx.href(`${base}/unschedule`)} csrfToken={props.csrfToken}>
            <button type="submit" class="secondary">
              {ctx.t('newsletter.editor.unschedule')}
            </button>
          </PostForm>
        ) : (
          <p>{ctx.t('newsletter.editor.started')}</p>
        )}
      </section>
    </>
  );
}
