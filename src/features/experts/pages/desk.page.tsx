/** One question on the editors' desk: what it is, its triage (assign, reject, merge, spam), its answer and notes. */
import type { DeskQuestion } from '../desk.repository.js';
import type { QuestionStatus } from '../experts.repository.js';
import type { Suggestion } from '../desk.service.js';
import { Prose } from '../../../ui/components/content.js';
import {
  Csrf,
  FieldError,
  textValue,
  TextArea,
  type FormValues,
} from '../../../ui/components/form.js';
import { excerpt } from '../../../ui/format.js';
import type { PageContext } from '../../../ui/context.js';
import { Layout } from '../../../ui/layout/layout.js';
import type { MessageKey } from '../../../ui/messages.js';
import { AnswerForm } from './answer.form.js';
import {
  dateOf,
  languageName,
  Notes,
  QuestionPageTop,
  statusLabel,
  TopicFacts,
  DueFact,
} from './question.parts.js';

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
        <TopicFacts ctx={ctx} question={question} />
        <dt>{ctx.t('experts.desk.facts.language')}</dt>
        <dd safe>{languageName(ctx, question.locale)}</dd>
        <DueFact ctx={ctx} question={question} />
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
        <AnswerForm
          ctx={ctx}
          csrfToken={props.csrfToken}
          question={question}
          open={open}
          action={action('/answer')}
          sent={state?.form === 'answer' ? state : null}
        />
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
