/** The expert's workspace: the questions assigned to them, and a question's draft answer. */
import { dateTimeFormat } from '../../../platform/i18n/dates.js';
import type { DeskQuestion } from '../desk.repository.js';
import type { QuestionStatus } from '../experts.repository.js';
import { PageHeader, ScrollTable } from '../../../ui/components/content.js';
import {
  Checkbox,
  Csrf,
  textValue,
  TextArea,
  type FormValues,
} from '../../../ui/components/form.js';
import { excerpt, themeLabel } from '../../../ui/format.js';
import type { PageContext } from '../../../ui/context.js';
import { Layout } from '../../../ui/layout/layout.js';
import type { MessageKey } from '../../../ui/messages.js';
import {
  AnswerPreview,
  dayOf,
  Notes,
  QuestionPageTop,
  statusLabel,
  DueFact,
  TopicFacts,
  QUESTION_COLUMNS,
} from './question.parts.js';

/** The workspace's forms. */
export type WorkspaceForm = 'draft' | 'help' | 'note';
export interface WorkspaceFormState {
  form: WorkspaceForm;
  values: FormValues;
  errors: Record<string, string>;
}
export const WORKSPACE_NOTICES = ['saved', 'submitted', 'help', 'noted'] as const;
export type WorkspaceNotice = (typeof WORKSPACE_NOTICES)[number];

/** The questions assigned to the expert. */
export function WorkspacePage(props: {
  ctx: PageContext;
  rows: readonly {
    id: string;
    status: QuestionStatus;
    theme: string;
    question: string;
    dueOn: string | null;
  }[];
}): JSX.Element {
  const { ctx } = props;
  return (
    <Layout ctx={ctx} title={ctx.text('experts.workspace.title')} indexable={false}>
      <PageHeader
        title={ctx.text('experts.workspace.title')}
        lead={ctx.text('experts.workspace.lead')}
      />
      {props.rows.length === 0 ? (
        <p class="empty">{ctx.t('experts.workspace.empty')}</p>
      ) : (
        <ScrollTable
          ctx={ctx}
          region="workspace-caption"
          caption={
            <caption id="workspace-caption" class="visually-hidden">
              {ctx.t('experts.workspace.title')}
            </caption>
          }
          columns={[...QUESTION_COLUMNS, 'experts.desk.column.due']}
        >
          {props.rows.map((row) => (
            <tr>
              <td>
                <a href={ctx.href(`/experts/workspace/${row.id}`)} safe>
                  {excerpt(row.question, 140)}
                </a>
              </td>
              <td safe>{themeLabel(ctx, row.theme)}</td>
              <td safe>{statusLabel(ctx, row.status)}</td>
              <td safe>{row.dueOn ? dayOf(ctx, row.dueOn) : ''}</td>
            </tr>
          ))}
        </ScrollTable>
      )}
    </Layout>
  );
}

/** A question for the expert: the question, their draft, a call for help, and the notes. */
export function WorkspaceQuestionPage(props: {
  ctx: PageContext;
  csrfToken: string;
  question: DeskQuestion & { credited: boolean };
  state: WorkspaceFormState | null;
  notice?: WorkspaceNotice;
}): JSX.Element {
  const { ctx, question, state } = props;
  const open = question.status === 'assigned' || question.status === 'submitted';
  const errorsOf = (form: WorkspaceForm) => (state?.form === form ? state.errors : {});
  const draft: FormValues =
    state?.form === 'draft'
      ? state.values
      : { answer: question.answer, credited: question.credited ? 'yes' : '' };
  const fields: Record<WorkspaceForm, readonly string[]> = {
    draft: ['answer'],
    help: ['help'],
    note: ['body'],
  };
  const title = ctx.text('experts.workspace.question');
  return (
    <Layout ctx={ctx} title={`${title}: ${excerpt(question.question, 60)}`} indexable={false}>
      <QuestionPageTop
        ctx={ctx}
        back={{ href: ctx.href('/experts/workspace'), label: 'experts.workspace.title' }}
        notice={props.notice ? (`experts.workspace.done.${props.notice}` as MessageKey) : undefined}
        errors={state ? { fields: fields[state.form], errors: state.errors } : undefined}
      />
      <dl class="facts">
        <dt>{ctx.t('experts.desk.column.status')}</dt>
        <dd safe>{statusLabel(ctx, question.status)}</dd>
        <TopicFacts ctx={ctx} question={question} />
        <DueFact ctx={ctx} question={question} />
      </dl>
      <blockquote lang={question.locale} safe>
        {question.question}
      </blockquote>
      {open ? (
        <section aria-labelledby="draft-title">
          <h2 id="draft-title">{ctx.t('experts.workspace.draft.title')}</h2>
          {question.answerSavedAt ? (
            <p class="meta">
              {ctx.t('experts.workspace.draft.savedAt', {
                date: dateTimeFormat(ctx.locale, {
                  dateStyle: 'medium',
                  timeStyle: 'short',
                }).format(question.answerSavedAt),
              })}
            </p>
          ) : (
            ''
          )}
          {state?.form === 'draft' && textValue(state.values, 'intent') === 'preview' ? (
            <AnswerPreview ctx={ctx} markdown={textValue(draft, 'answer')} lang={question.locale} />
          ) : (
            ''
          )}
          <form
            method="post"
            action={ctx.href(`/experts/workspace/${question.id}`)}
            class="form"
            novalidate
          >
            <Csrf token={props.csrfToken} />
            <input
              type="hidden"
              name="basedOn"
              value={question.answerSavedAt?.toISOString() ?? ''}
            />
            <TextArea
              ctx={ctx}
              name="answer"
              label="experts.workspace.draft.answer"
              hint="experts.workspace.draft.answerHint"
              value={textValue(draft, 'answer')}
              error={errorsOf('draft').answer}
              lang={question.locale}
              rows={16}
              required={false}
            />
            <Checkbox
              ctx={ctx}
              name="credited"
              label="experts.workspace.draft.credited"
              checked={textValue(draft, 'credited') === 'yes'}
              required={false}
            />
            <p class="actions">
              <button type="submit" name="intent" value="preview" class="secondary">
                {ctx.t('experts.desk.answer.preview')}
              </button>{' '}
              <button type="submit" name="intent" value="save" class="secondary">
                {ctx.t('experts.workspace.draft.save')}
              </button>{' '}
              <button type="submit" name="intent" value="submit">
                {ctx.t('experts.workspace.draft.submit')}
              </button>
            </p>
          </form>
        </section>
      ) : (
        <p class="notice">
          {ctx.t('experts.workspace.closed')}{' '}
          {question.status === 'answered' && question.publication !== 'private' ? (
            <a href={ctx.href(`/experts/answers/${question.id}`)}>
              {ctx.t('experts.desk.closed.viewAnswer')}
            </a>
          ) : (
            ''
          )}
        </p>
      )}
      {open ? (
        <section aria-labelledby="help-title">
          <h2 id="help-title">{ctx.t('experts.workspace.help.title')}</h2>
          <form
            method="post"
            action={ctx.href(`/experts/workspace/${question.id}/help`)}
            class="form"
            novalidate
          >
            <Csrf token={props.csrfToken} />
            <TextArea
              ctx={ctx}
              name="help"
              label="experts.workspace.help.body"
              value={textValue(state?.form === 'help' ? state.values : {}, 'help')}
              error={errorsOf('help').help}
              rows={3}
            />
            <button type="submit">{ctx.t('experts.workspace.help.submit')}</button>
          </form>
        </section>
      ) : (
        ''
      )}
      <Notes
        ctx={ctx}
        csrfToken={props.csrfToken}
        question={question}
        action={ctx.href(`/experts/workspace/${question.id}/notes`)}
        value={textValue(state?.form === 'note' ? state.values : {}, 'body')}
        error={errorsOf('note').body}
      />
    </Layout>
  );
}
