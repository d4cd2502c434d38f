/** The editors' desk of the Experts' facility: the queue with the service's figures, and a question's triage and answer. */
import type { DeskQuestion, QueueRow, QueueView, ServiceFigures } from '../desk.repository.js';
import type { QuestionStatus } from '../experts.repository.js';
import type { Suggestion } from '../desk.service.js';
import { PUBLICATIONS } from '../experts.repository.js';
import { QUEUE_VIEWS } from '../desk.repository.js';
import { countryName } from '../../vocabularies/index.js';
import { PageHeader, Prose, Pagination } from '../../../ui/components/content.js';
import {
  Csrf,
  FieldError,
  errorsInOrder,
  ErrorSummary,
  textValue,
  TextArea,
  type FormValues,
} from '../../../ui/components/form.js';
import { excerpt, themeLabel } from '../../../ui/format.js';
import type { PageContext } from '../../../ui/context.js';
import { Layout } from '../../../ui/layout/layout.js';
import type { MessageKey } from '../../../ui/messages.js';

/** The forms of a question's desk page, each posted to its own address. */
export type DeskForm = 'assign' | 'answer' | 'note' | 'reject' | 'merge' | 'spam';
/** A desk form sent back with its problems, what was typed kept. */
export interface DeskFormState {
  form: DeskForm;
  values: FormValues;
  errors: Record<string, string>;
}
/** What the last action did, told at the top of the page. */
export const DESK_NOTICES = [
  'assigned',
  'unassigned',
  'rejected',
  'spam',
  'merged',
  'noted',
  'saved',
  'published',
] as const;
export type DeskNotice = (typeof DESK_NOTICES)[number];

const FIELDS: Record<DeskForm, readonly string[]> = {
  assign: ['experts', 'dueOn'],
  answer: ['publicQuestion', 'summary', 'answer', 'links', 'related', 'publication'],
  note: ['body'],
  reject: ['reason'],
  merge: ['into'],
  spam: [],
};

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

/** A status's short name, for the desk. */
export const statusLabel = (ctx: PageContext, status: QuestionStatus): string =>
  ctx.text(STATUS_LABEL[status]);

const dateOf = (ctx: PageContext, date: Date): string =>
  new Intl.DateTimeFormat(ctx.locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);

/** A day (YYYY-MM-DD) as the desk writes it. */
export const dayOf = (ctx: PageContext, day: string): string =>
  dateOf(ctx, new Date(`${day}T00:00:00Z`));

/** A duration of hours as hours under two days, else as days. */
function duration(ctx: PageContext, hours: number | null): string {
  if (hours === null) return ctx.text('experts.desk.figures.none');
  return hours < 48
    ? ctx.text('experts.desk.figures.hours', { hours: Math.round(hours) })
    : ctx.text('experts.desk.figures.days', { days: Math.round(hours / 24) });
}

/** The queue of one view, with the figures of the service and the load of each expert. */
export function QueuePage(props: {
  ctx: PageContext;
  view: QueueView;
  rows: readonly QueueRow[];
  total: number;
  page: number;
  pages: number;
  figures: ServiceFigures;
}): JSX.Element {
  const { ctx, figures } = props;
  const viewLabel: Record<QueueView, MessageKey> = {
    open: 'experts.desk.view.open',
    answered: 'experts.desk.view.answered',
    closed: 'experts.desk.view.closed',
  };
  return (
    <Layout ctx={ctx} title={ctx.text('experts.desk.title')} indexable={false}>
      <PageHeader title={ctx.text('experts.desk.title')} lead={ctx.text('experts.desk.lead')} />
      <section aria-labelledby="figures-title">
        <h2 id="figures-title">{ctx.t('experts.desk.figures.title')}</h2>
        <dl class="facts">
          <dt>{ctx.t('experts.desk.figures.open')}</dt>
          <dd>{figures.open}</dd>
          <dt>{ctx.t('experts.desk.figures.waiting')}</dt>
          <dd>{figures.waiting}</dd>
          <dt>{ctx.t('experts.desk.figures.firstResponse')}</dt>
          <dd safe>{duration(ctx, figures.medianFirstResponseHours)}</dd>
          <dt>{ctx.t('experts.desk.figures.answer')}</dt>
          <dd safe>{duration(ctx, figures.medianAnswerHours)}</dd>
          <dt>{ctx.t('experts.desk.figures.answered')}</dt>
          <dd>{figures.answered}</dd>
        </dl>
      </section>
      <nav aria-label={ctx.text('experts.desk.views')}>
        <ul class="inline-list">
          {QUEUE_VIEWS.map((view) => (
            <li>
              <a
                href={ctx.href(`/editor/questions?view=${view}`)}
                aria-current={view === props.view ? 'page' : undefined}
              >
                {ctx.t(viewLabel[view])}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <h2 id="queue-title">{ctx.t(viewLabel[props.view])}</h2>
      <p role="status">{ctx.t('experts.desk.count', { count: props.total })}</p>
      {props.rows.length === 0 ? (
        <p class="empty">{ctx.t('experts.desk.empty')}</p>
      ) : (
        <div class="table-scroll" tabindex="0" role="region" aria-labelledby="queue-title">
          <table>
            <thead>
              <tr>
                <th scope="col">{ctx.t('experts.desk.column.question')}</th>
                <th scope="col">{ctx.t('experts.desk.column.theme')}</th>
                <th scope="col">{ctx.t('experts.desk.column.status')}</th>
                <th scope="col">{ctx.t('experts.desk.column.experts')}</th>
                <th scope="col">{ctx.t('experts.desk.column.due')}</th>
              </tr>
            </thead>
            <tbody>
              {props.rows.map((row) => (
                <tr>
                  <td>
                    <a href={ctx.href(`/editor/questions/${row.id}`)} lang={row.locale} safe>
                      {excerpt(row.question, 140)}
                    </a>
                    {row.helpWanted ? (
                      <>
                        {' '}
                        <span class="badge">{ctx.t('experts.desk.helpWanted')}</span>
                      </>
                    ) : (
                      ''
                    )}
                  </td>
                  <td safe>{themeLabel(ctx, row.theme)}</td>
                  <td safe>{statusLabel(ctx, row.status)}</td>
                  <td safe>{row.experts.join(', ')}</td>
                  <td safe>{row.dueOn ? dayOf(ctx, row.dueOn) : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination
        ctx={ctx}
        page={props.page}
        pages={props.pages}
        href={(page) => ctx.href(`/editor/questions?view=${props.view}&page=${page}`)}
      />
      <section aria-labelledby="load-title">
        <h2 id="load-title">{ctx.t('experts.desk.load.title')}</h2>
        {figures.load.length === 0 ? (
          <p class="empty">{ctx.t('experts.desk.load.none')}</p>
        ) : (
          <div class="table-scroll" tabindex="0" role="region" aria-labelledby="load-title">
            <table>
              <thead>
                <tr>
                  <th scope="col">{ctx.t('experts.desk.load.expert')}</th>
                  <th scope="col">{ctx.t('experts.desk.load.open')}</th>
                  <th scope="col">{ctx.t('experts.desk.load.answered')}</th>
                </tr>
              </thead>
              <tbody>
                {figures.load.map((entry) => (
                  <tr>
                    <th scope="row" safe>
                      {entry.name}
                    </th>
                    <td>{entry.open}</td>
                    <td>{entry.answered}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </Layout>
  );
}

/** The form values of the answer as stored. */
export function answerValues(question: DeskQuestion): FormValues {
  return {
    publicQuestion: question.publicQuestion || question.question,
    summary: question.summary,
    answer: question.answer,
    links: question.links.map((link) => `${link.url} ${link.title}`.trim()).join('\n'),
    related: question.related.join(' '),
    publication: question.publication ?? (question.keepPrivate ? 'private' : ''),
    basedOn: question.answerSavedAt?.toISOString() ?? '',
  };
}

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

/** One question for the editors: what it is, and every action the desk may take on it. */
export function DeskQuestionPage(props: {
  ctx: PageContext;
  csrfToken: string;
  question: DeskQuestion;
  suggestions: readonly Suggestion[];
  duplicates: readonly { id: string; status: QuestionStatus; question: string }[];
  state: DeskFormState | null;
  notice?: DeskNotice;
  today: string;
}): JSX.Element {
  const { ctx, question, state } = props;
  const action = (path: string) => ctx.href(`/editor/questions/${question.id}${path}`);
  const open = ['new', 'assigned', 'submitted'].includes(question.status);
  const errorsOf = (form: DeskForm) => (state?.form === form ? state.errors : {});
  const valuesOf = (form: DeskForm, stored: FormValues = {}) =>
    state?.form === form ? state.values : stored;
  const answer = valuesOf('answer', answerValues(question));
  const assign = valuesOf('assign', {});
  const chosen = new Set(
    [assign.experts ?? []].flat().length > 0
      ? [assign.experts ?? []].flat()
      : question.assignments.map((a) => a.expertId),
  );
  const title = ctx.text('experts.workspace.question');
  return (
    <Layout ctx={ctx} title={`${title}: ${excerpt(question.question, 60)}`} indexable={false}>
      <QuestionPageTop
        ctx={ctx}
        back={{ href: ctx.href('/editor/questions'), label: 'experts.desk.title' }}
        notice={props.notice ? (`experts.desk.done.${props.notice}` as MessageKey) : undefined}
        errors={state ? { fields: FIELDS[state.form], errors: state.errors } : undefined}
      />
      <dl class="facts">
        <dt>{ctx.t('experts.desk.column.status')}</dt>
        <dd safe>{statusLabel(ctx, question.status)}</dd>
        <dt>{ctx.t('experts.desk.facts.asked')}</dt>
        <dd safe>{question.confirmedAt ? dateOf(ctx, question.confirmedAt) : ''}</dd>
        <dt>{ctx.t('experts.desk.facts.asker')}</dt>
        <dd safe>
          {question.askerName
            ? `${question.askerName} <${question.askerEmail}>`
            : question.askerEmail}
        </dd>
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
        <dt>{ctx.t('experts.desk.facts.language')}</dt>
        <dd safe>{languageName(ctx, question.locale)}</dd>
        {question.dueOn ? (
          <>
            <dt>{ctx.t('experts.desk.facts.due')}</dt>
            <dd safe>{dayOf(ctx, question.dueOn)}</dd>
          </>
        ) : (
          ''
        )}
        <dt>{ctx.t('experts.desk.facts.experts')}</dt>
        <dd>
          {question.assignments.length === 0 ? (
            ctx.t('experts.desk.facts.nobody')
          ) : (
            <ul class="plain">
              {question.assignments.map((assignment) => (
                <li>
                  <span safe>{assignment.name}</span>
                  {open ? (
                    <form method="post" action={action('/unassign')} class="inline-form">
                      <Csrf token={props.csrfToken} />
                      <input type="hidden" name="expert" value={assignment.expertId} />
                      <button type="submit" class="link-button">
                        {ctx.t('experts.desk.facts.remove', { name: assignment.name })}
                      </button>
                    </form>
                  ) : (
                    ''
                  )}
                </li>
              ))}
            </ul>
          )}
        </dd>
      </dl>
      {question.keepPrivate ? <p class="notice">{ctx.t('experts.desk.facts.private')}</p> : ''}
      <blockquote lang={question.locale} safe>
        {question.question}
      </blockquote>
      {open ? '' : <Outcome ctx={ctx} question={question} />}
      {open ? (
        <section aria-labelledby="assign-title">
          <h2 id="assign-title">{ctx.t('experts.desk.assign.title')}</h2>
          {props.suggestions.length === 0 ? (
            <p class="empty">{ctx.t('experts.desk.load.none')}</p>
          ) : (
            <form method="post" action={action('/assign')} class="form" novalidate>
              <Csrf token={props.csrfToken} />
              <fieldset
                class={errorsOf('assign').experts ? 'checkbox-group has-error' : 'checkbox-group'}
                id="experts"
              >
                <legend>{ctx.t('experts.desk.assign.experts')}</legend>
                <FieldError ctx={ctx} name="experts" error={errorsOf('assign').experts} />
                <ul>
                  {props.suggestions.map((expert, index) => (
                    <li>
                      <input
                        type="checkbox"
                        id={`experts-${index}`}
                        name="experts"
                        value={expert.id}
                        checked={chosen.has(expert.id)}
                      />{' '}
                      <label for={`experts-${index}`}>
                        <span safe>{expert.name}</span>{' '}
                        <span class="meta" safe>
                          (
                          {[
                            expert.themeMatch ? ctx.text('experts.desk.assign.theme') : '',
                            expert.matched.length > 0
                              ? ctx.text('experts.desk.assign.expertise', {
                                  terms: expert.matched.join(', '),
                                })
                              : '',
                            ctx.text('experts.desk.assign.load', { count: expert.load }),
                          ]
                            .filter(Boolean)
                            .join(' · ')}
                          )
                        </span>
                      </label>
                    </li>
                  ))}
                </ul>
              </fieldset>
              <div class={errorsOf('assign').dueOn ? 'field has-error' : 'field'}>
                <label for="dueOn">{ctx.t('experts.desk.assign.due')}</label>
                <FieldError ctx={ctx} name="dueOn" error={errorsOf('assign').dueOn} />
                <input
                  type="date"
                  id="dueOn"
                  name="dueOn"
                  min={props.today}
                  value={textValue(assign, 'dueOn') || question.dueOn || ''}
                  required
                  aria-invalid={errorsOf('assign').dueOn ? 'true' : undefined}
                  aria-describedby={errorsOf('assign').dueOn ? 'dueOn-error' : undefined}
                />
              </div>
              <button type="submit">{ctx.t('experts.desk.assign.submit')}</button>
            </form>
          )}
        </section>
      ) : (
        ''
      )}
      {open || question.status === 'answered' ? (
        <section aria-labelledby="answer-title">
          <h2 id="answer-title">{ctx.t('experts.desk.answer.title')}</h2>
          {question.submittedAt ? (
            <p>
              {ctx.t('experts.desk.answer.submittedOn', {
                date: dateOf(ctx, question.submittedAt),
              })}
            </p>
          ) : (
            ''
          )}
          {state?.form === 'answer' &&
          state.errors.form === 'experts.desk.errors.savedMeanwhile' ? (
            <details open>
              <summary>{ctx.t('experts.desk.answer.savedNow')}</summary>
              <Prose markdown={question.answer} lang={question.locale} />
            </details>
          ) : (
            ''
          )}
          {state?.form === 'answer' && textValue(state.values, 'intent') === 'preview' ? (
            <AnswerPreview
              ctx={ctx}
              markdown={textValue(answer, 'answer')}
              lang={question.locale}
            />
          ) : (
            ''
          )}
          <form method="post" action={action('/answer')} class="form" novalidate>
            <Csrf token={props.csrfToken} />
            <input
              type="hidden"
              name="basedOn"
              value={question.answerSavedAt?.toISOString() ?? ''}
            />
            <TextArea
              ctx={ctx}
              name="publicQuestion"
              label="experts.desk.answer.publicQuestion"
              hint="experts.desk.answer.publicQuestionHint"
              value={textValue(answer, 'publicQuestion')}
              error={errorsOf('answer').publicQuestion}
              lang={question.locale}
              required={false}
            />
            <TextArea
              ctx={ctx}
              name="summary"
              label="experts.desk.answer.summary"
              hint="experts.desk.answer.summaryHint"
              value={textValue(answer, 'summary')}
              error={errorsOf('answer').summary}
              lang={question.locale}
              rows={3}
              required={false}
            />
            <TextArea
              ctx={ctx}
              name="answer"
              label="experts.desk.answer.answer"
              hint="experts.desk.answer.answerHint"
              value={textValue(answer, 'answer')}
              error={errorsOf('answer').answer}
              lang={question.locale}
              rows={14}
              required={false}
            />
            <TextArea
              ctx={ctx}
              name="links"
              label="experts.desk.answer.links"
              hint="experts.desk.answer.linksHint"
              value={textValue(answer, 'links')}
              error={errorsOf('answer').links}
              rows={3}
              required={false}
            />
            <TextArea
              ctx={ctx}
              name="related"
              label="experts.desk.answer.related"
              hint="experts.desk.answer.relatedHint"
              value={textValue(answer, 'related')}
              error={errorsOf('answer').related}
              rows={2}
              required={false}
            />
            {open ? (
              <>
                <fieldset
                  class={errorsOf('answer').publication ? 'choices has-error' : 'choices'}
                  id="publication"
                >
                  <legend>{ctx.t('experts.desk.answer.publication')}</legend>
                  <FieldError ctx={ctx} name="publication" error={errorsOf('answer').publication} />
                  {PUBLICATIONS.map((publication) => (
                    <p>
                      <input
                        type="radio"
                        id={`publication-${publication}`}
                        name="publication"
                        value={publication}
                        checked={textValue(answer, 'publication') === publication}
                        disabled={question.keepPrivate && publication !== 'private'}
                      />{' '}
                      <label for={`publication-${publication}`}>
                        {ctx.t(`experts.desk.publication.${publication}` as MessageKey)}
                      </label>
                    </p>
                  ))}
                </fieldset>
                <p class="actions">
                  <button type="submit" name="intent" value="preview" class="secondary">
                    {ctx.t('experts.desk.answer.preview')}
                  </button>{' '}
                  <button type="submit" name="intent" value="save" class="secondary">
                    {ctx.t('experts.desk.answer.save')}
                  </button>{' '}
                  <button type="submit" name="intent" value="publish">
                    {ctx.t('experts.desk.answer.publish')}
                  </button>
                </p>
              </>
            ) : (
              <>
                <p class="hint">{ctx.t('experts.desk.answer.published')}</p>
                <button type="submit" name="intent" value="preview" class="secondary">
                  {ctx.t('experts.desk.answer.preview')}
                </button>{' '}
                <button type="submit" name="intent" value="save">
                  {ctx.t('experts.desk.answer.saveChanges')}
                </button>
              </>
            )}
          </form>
        </section>
      ) : (
        ''
      )}
      <Notes
        ctx={ctx}
        csrfToken={props.csrfToken}
        question={question}
        action={action('/notes')}
        value={textValue(valuesOf('note'), 'body')}
        error={errorsOf('note').body}
      />
      {open ? (
        <section aria-labelledby="close-title">
          <h2 id="close-title">{ctx.t('experts.desk.close.title')}</h2>
          <form method="post" action={action('/reject')} class="form" novalidate>
            <Csrf token={props.csrfToken} />
            <TextArea
              ctx={ctx}
              name="reason"
              label="experts.desk.reject.reason"
              value={textValue(valuesOf('reject'), 'reason')}
              error={errorsOf('reject').reason}
              rows={3}
            />
            <button type="submit">{ctx.t('experts.desk.reject.submit')}</button>
          </form>
          <form method="post" action={action('/merge')} class="form" novalidate>
            <Csrf token={props.csrfToken} />
            <fieldset class={errorsOf('merge').into ? 'choices has-error' : 'choices'} id="into">
              <legend>{ctx.t('experts.desk.merge.into')}</legend>
              <FieldError ctx={ctx} name="into" error={errorsOf('merge').into} />
              {props.duplicates.length === 0 ? (
                <p>{ctx.t('experts.desk.merge.none')}</p>
              ) : (
                props.duplicates.map((other) => (
                  <p>
                    <input type="radio" id={`into-${other.id}`} name="into" value={other.id} />{' '}
                    <label for={`into-${other.id}`}>
                      <span safe>{excerpt(other.question, 140)}</span>{' '}
                      <span class="meta" safe>
                        ({statusLabel(ctx, other.status)})
                      </span>
                    </label>
                  </p>
                ))
              )}
            </fieldset>
            {props.duplicates.length > 0 ? (
              <button type="submit">{ctx.t('experts.desk.merge.submit')}</button>
            ) : (
              ''
            )}
          </form>
          <form method="post" action={action('/spam')} class="form">
            <Csrf token={props.csrfToken} />
            <p class="hint">{ctx.t('experts.desk.spam.hint')}</p>
            <button type="submit" class="secondary">
              {ctx.t('experts.desk.spam.submit')}
            </button>
          </form>
        </section>
      ) : (
        ''
      )}
    </Layout>
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

/** How a question left the queue. */
function Outcome(props: { ctx: PageContext; question: DeskQuestion }): JSX.Element {
  const { ctx, question } = props;
  switch (question.status) {
    case 'rejected':
      return (
        <section class="notice">
          <p>{ctx.t('experts.desk.closed.rejected')}</p>
          <blockquote safe>{question.rejectionReason}</blockquote>
        </section>
      );
    case 'merged':
      return (
        <p class="notice">
          {ctx.t('experts.desk.closed.merged')}{' '}
          {question.mergedInto ? (
            <a href={ctx.href(`/editor/questions/${question.mergedInto}`)}>
              {ctx.t('experts.desk.closed.mergedLink')}
            </a>
          ) : (
            ''
          )}
        </p>
      );
    case 'spam':
      return <p class="notice">{ctx.t('experts.desk.closed.spam')}</p>;
    case 'answered':
      return (
        <section>
          <p class="notice">
            {ctx.t('experts.desk.closed.answered', {
              date: question.answeredAt ? dateOf(ctx, question.answeredAt) : '',
            })}{' '}
            {question.publication === 'private' ? (
              ctx.t('experts.desk.closed.private')
            ) : (
              <a href={ctx.href(`/experts/answers/${question.id}`)}>
                {ctx.t('experts.desk.closed.viewAnswer')}
              </a>
            )}
          </p>
          <Prose markdown={question.answer} lang={question.locale} />
        </section>
      );
    default:
      return '';
  }
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
function languageName(ctx: PageContext, locale: string): string {
  return new Intl.DisplayNames([ctx.locale], { type: 'language' }).of(locale) ?? locale;
}
