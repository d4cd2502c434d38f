/** What a question's page shares on the desk and in the workspace: status names, dates, the top, the preview and the notes. */
import { dateTimeFormat } from '../../../platform/i18n/dates.js';
import { languageName as languageNameIn } from '../../../platform/i18n/names.js';
import type { DeskQuestion } from '../desk.repository.js';
import type { QuestionStatus } from '../experts.repository.js';
import { PageHeader, Prose } from '../../../ui/components/content.js';
import { Csrf, errorsInOrder, ErrorSummary, TextArea } from '../../../ui/components/form.js';
import { countryName } from '../../vocabularies/index.js';
import { themeLabel } from '../../../ui/format.js';
import type { PageContext } from '../../../ui/context.js';
import type { MessageKey } from '../../../ui/messages.js';

const STATUS_LABEL: Record<QuestionStatus, MessageKey> = {
  unconfirmed: 'experts.desk.status.unconfirmed',
  new: 'experts.desk.status.new',
  assigned: 'experts.desk.status.assigned',
  submitted: 'experts.desk.status.submitted',
  answered: 'experts.desk.status.answered',
  rejected: 'experts.desk.status.rejected',
  spam: 'experts.desk.status.spam',
  merged: 'experts.desk.status.merged',
};

/** The first columns of every list of questions: the question, its topic, its status. */
export const QUESTION_COLUMNS = [
  'experts.desk.column.question',
  'experts.desk.column.theme',
  'experts.desk.column.status',
] as const;

/** A status's short name, for the desk. */
export const statusLabel = (ctx: PageContext, status: QuestionStatus): string =>
  ctx.text(STATUS_LABEL[status]);

/** A moment as the desk writes it: its day. */
export const dateOf = (ctx: PageContext, date: Date): string =>
  dateTimeFormat(ctx.locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);

/** A day (YYYY-MM-DD) as the desk writes it. */
export const dayOf = (ctx: PageContext, day: string): string =>
  dateOf(ctx, new Date(`${day}T00:00:00Z`));

/** The top of a question's page on the desk or in the workspace: title, way back, what happened. */
export function QuestionPageTop(props: {
  ctx: PageContext;
  back: { href: string; label: MessageKey };
  /** What the last action did (catalogue key). */
  notice?: MessageKey;
  /** A form sent back: its problems in the order of its fields. */
  errors?: { fields: readonly string[]; errors: Record<string, string> };
}): JSX.Element {
  const { ctx } = props;
  return (
    <>
      <PageHeader title={ctx.text('experts.workspace.question')} />
      <p>
        <a href={props.back.href}>{ctx.t(props.back.label)}</a>
      </p>
      {props.notice ? (
        <p role="status" class="notice">
          {ctx.t(props.notice)}
        </p>
      ) : (
        ''
      )}
      {props.errors ? (
        <ErrorSummary
          ctx={ctx}
          summary="account.errors.summary"
          errors={errorsInOrder(props.errors.errors, props.errors.fields)}
          message={props.errors.errors.form}
        />
      ) : (
        ''
      )}
    </>
  );
}

/** An answer as it will read, from what was typed: nothing is saved. */
export function AnswerPreview(props: {
  ctx: PageContext;
  markdown: string;
  lang: string;
}): JSX.Element {
  return (
    <section class="preview" aria-labelledby="preview-title">
      <h3 id="preview-title">{props.ctx.t('experts.desk.answer.previewTitle')}</h3>
      <Prose markdown={props.markdown} lang={props.lang} />
    </section>
  );
}

/** The internal notes of a question, and the form to add one. */
export function Notes(props: {
  ctx: PageContext;
  csrfToken: string;
  question: DeskQuestion;
  action: string;
  value: string;
  error?: string;
}): JSX.Element {
  const { ctx, question } = props;
  return (
    <section aria-labelledby="notes-title">
      <h2 id="notes-title">{ctx.t('experts.desk.notes.title')}</h2>
      <p class="hint">{ctx.t('experts.desk.notes.hint')}</p>
      {question.notes.length === 0 ? (
        <p>{ctx.t('experts.desk.notes.none')}</p>
      ) : (
        <ol class="notes">
          {question.notes.map((note) => (
            <li>
              <p class="meta">
                <strong safe>{note.authorName}</strong>
                {note.kind === 'help' ? <> {ctx.t('experts.desk.notes.help')}</> : ''} ·{' '}
                <time datetime={note.createdAt.toISOString()} safe>
                  {dateOf(ctx, note.createdAt)}
                </time>
              </p>
              <p class="note-body" safe>
                {note.body}
              </p>
            </li>
          ))}
        </ol>
      )}
      <form method="post" action={props.action} class="form" novalidate>
        <Csrf token={props.csrfToken} />
        <TextArea
          ctx={ctx}
          name="body"
          label="experts.desk.notes.body"
          value={props.value}
          error={props.error}
          rows={3}
        />
        <button type="submit">{ctx.t('experts.desk.notes.submit')}</button>
      </form>
    </section>
  );
}

/** A language's name in the interface's language. */
export function languageName(ctx: PageContext, locale: string): string {
  return languageNameIn(locale, ctx.locale);
}

/** A question's topic and, when the asker gave it, their country: terms of a facts list. */
export function TopicFacts(props: {
  ctx: PageContext;
  question: Pick<DeskQuestion, 'theme' | 'country'>;
}): JSX.Element {
  const { ctx, question } = props;
  return (
    <>
      <dt>{ctx.t('experts.desk.column.theme')}</dt>
      <dd safe>{themeLabel(ctx, question.theme)}</dd>
      {question.country ? (
        <>
          <dt>{ctx.t('experts.facts.country')}</dt>
          <dd safe>{countryName(question.country, ctx.locale)}</dd>
        </>
      ) : (
        ''
      )}
    </>
  );
}

/** A question's due day, when it has one: terms of a facts list. */
export function DueFact(props: {
  ctx: PageContext;
  question: Pick<DeskQuestion, 'dueOn'>;
}): JSX.Element {
  const { ctx, question } = props;
  return (
    <>
      {question.dueOn ? (
        <>
          <dt>{ctx.t('experts.desk.facts.due')}</dt>
          <dd safe>{dayOf(ctx, question.dueOn)}</dd>
        </>
      ) : (
        ''
      )}
    </>
  );
}
