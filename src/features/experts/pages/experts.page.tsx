/** The Experts' facility: the ask form, the confirmation step, and the asker's follow page. */
import { dateTimeFormat } from '../../../platform/i18n/dates.js';
import type { FollowedQuestion, QuestionStatus } from '../experts.repository.js';
import { countryName, countryOptions, themeChoices } from '../../vocabularies/index.js';
import { PageHeader, Prose } from '../../../ui/components/content.js';
import {
  Checkbox,
  Csrf,
  errorsInOrder,
  ErrorSummary,
  Field,
  Select,
  TextArea,
} from '../../../ui/components/form.js';
import type { PageContext } from '../../../ui/context.js';
import { Layout } from '../../../ui/layout/layout.js';
import type { MessageKey } from '../../../ui/messages.js';
import type { FormState } from '../../../ui/components/form.js';

/** The ask form's fields, in the order the form shows them. */
export const ASK_FIELDS = [
  'question',
  'theme',
  'country',
  'name',
  'email',
  'keepPrivate',
  'consent',
] as const;

/** What each status tells the asker: where the question is, and what happens next. */
const STATUS_TEXT: Record<QuestionStatus, { status: MessageKey; next: MessageKey }> = {
  unconfirmed: {
    status: 'experts.status.unconfirmed',
    next: 'experts.status.unconfirmed.explained',
  },
  new: { status: 'experts.status.new', next: 'experts.status.new.explained' },
  assigned: { status: 'experts.status.assigned', next: 'experts.status.assigned.explained' },
  submitted: { status: 'experts.status.submitted', next: 'experts.status.submitted.explained' },
  answered: { status: 'experts.status.answered', next: 'experts.status.answered.explained' },
  rejected: { status: 'experts.status.rejected', next: 'experts.status.rejected.explained' },
  spam: { status: 'experts.status.spam', next: 'experts.status.spam.explained' },
  merged: { status: 'experts.status.merged', next: 'experts.status.merged.explained' },
};

/** The public ask form, empty or sent back with its problems. */
export function AskPage(props: {
  ctx: PageContext;
  csrfToken: string;
  /** The signed stamp of when the form was first sent. */
  started: string;
  state: FormState;
  themes: readonly string[];
  countries: readonly string[];
  /** The signed-in asker's address (no e-mail field then). */
  signedInAs: string | null;
}): JSX.Element {
  const { ctx, state } = props;
  const themes = themeChoices(ctx, props.themes);
  const countries = countryOptions(props.countries, ctx.locale);
  return (
    <Layout ctx={ctx} title={ctx.text('experts.ask.title')} indexable={false}>
      <PageHeader title={ctx.text('experts.ask.title')} lead={ctx.text('experts.ask.lead')} />
      <ErrorSummary
        ctx={ctx}
        summary="account.errors.summary"
        errors={errorsInOrder(state.errors, ASK_FIELDS)}
        message={state.errors.form}
      />
      <form method="post" action={ctx.href('/experts/ask')} class="form" novalidate>
        <Csrf token={props.csrfToken} />
        <input type="hidden" name="started" value={props.started} />
        <TextArea
          ctx={ctx}
          name="question"
          label="experts.field.question"
          hint="experts.field.questionHint"
          value={state.values.question}
          error={state.errors.question}
          rows={8}
        />
        <Select
          ctx={ctx}
          name="theme"
          label="experts.field.theme"
          placeholder="experts.field.themeChoose"
          options={themes}
          value={state.values.theme}
          error={state.errors.theme}
        />
        <Select
          ctx={ctx}
          name="country"
          label="experts.field.country"
          placeholder="experts.field.countryChoose"
          options={countries}
          value={state.values.country}
          error={state.errors.country}
          required={false}
        />
        <Field
          ctx={ctx}
          name="name"
          label="experts.field.name"
          type="text"
          value={state.values.name}
          autocomplete="name"
          hint={ctx.text('experts.field.nameHint')}
          error={state.errors.name}
          required={false}
        />
        {props.signedInAs ? (
          <p class="hint">{ctx.t('experts.ask.signedInAs', { email: props.signedInAs })}</p>
        ) : (
          <Field
            ctx={ctx}
            name="email"
            label="experts.field.email"
            type="email"
            value={state.values.email}
            autocomplete="email"
            hint={ctx.text('experts.field.emailHint')}
            error={state.errors.email}
          />
        )}
        <Checkbox
          ctx={ctx}
          name="keepPrivate"
          label="experts.field.keepPrivate"
          checked={state.values.keepPrivate === 'yes'}
          error={state.errors.keepPrivate}
          required={false}
        />
        <Checkbox
          ctx={ctx}
          name="consent"
          label="experts.field.consent"
          checked={state.values.consent === 'yes'}
          link={{ href: ctx.href('/privacy'), label: 'experts.field.privacyLink' }}
          error={state.errors.consent}
        />
        {/* People never see this field; scripts fill it in. */}
        <div class="visually-hidden" aria-hidden="true">
          <label for="website">{ctx.t('experts.field.leaveEmpty')}</label>
          <input id="website" name="website" type="text" tabindex="-1" autocomplete="off" />
        </div>
        <button type="submit">{ctx.t('experts.ask.submit')}</button>
      </form>
    </Layout>
  );
}

/** The page a confirmation link opens: one button, so that a mail scanner confirms nothing. */
export function ConfirmQuestionPage(props: {
  ctx: PageContext;
  csrfToken: string;
  action: string;
}): JSX.Element {
  const { ctx } = props;
  return (
    <Layout ctx={ctx} title={ctx.text('experts.confirm.title')} indexable={false}>
      <PageHeader
        title={ctx.text('experts.confirm.title')}
        lead={ctx.text('experts.confirm.lead')}
      />
      <form method="post" action={props.action} class="form">
        <Csrf token={props.csrfToken} />
        <button type="submit">{ctx.t('experts.confirm.submit')}</button>
      </form>
    </Layout>
  );
}

/** What the asker sees through the follow link: where the question is, and the question. */
export function FollowQuestionPage(props: {
  ctx: PageContext;
  question: FollowedQuestion;
}): JSX.Element {
  const { ctx, question } = props;
  const asked = dateTimeFormat(ctx.locale, { dateStyle: 'long' }).format(question.createdAt);
  return (
    <Layout ctx={ctx} title={ctx.text('experts.follow.title')} indexable={false}>
      <PageHeader title={ctx.text('experts.follow.title')} />
      <p role="status">
        <strong>{ctx.t(STATUS_TEXT[question.status].status)}</strong>{' '}
        {ctx.t(STATUS_TEXT[question.status].next)}
      </p>
      <dl class="facts">
        <dt>{ctx.t('experts.follow.asked')}</dt>
        <dd safe>{asked}</dd>
        <dt>{ctx.t('experts.field.theme')}</dt>
        <dd>{ctx.t(`vocabularies.theme.${question.theme}` as MessageKey)}</dd>
        {question.country ? (
          <>
            <dt>{ctx.t('experts.facts.country')}</dt>
            <dd safe>{countryName(question.country, ctx.locale)}</dd>
          </>
        ) : (
          ''
        )}
        <dt>{ctx.t('experts.follow.publication')}</dt>
        <dd>
          {ctx.t(question.keepPrivate ? 'experts.follow.private' : 'experts.follow.mayPublish')}
        </dd>
      </dl>
      {question.status === 'rejected' && question.rejectionReason ? (
        <>
          <h2>{ctx.t('experts.follow.reason')}</h2>
          <blockquote safe>{question.rejectionReason}</blockquote>
        </>
      ) : (
        ''
      )}
      {question.publishedAnswer ? (
        <p>
          <a href={ctx.href(`/experts/answers/${question.publishedAnswer}`)}>
            {ctx.t('experts.follow.readAnswer')}
          </a>
        </p>
      ) : (
        ''
      )}
      {question.status === 'answered' && question.summary ? (
        <>
          <h2>{ctx.t('experts.follow.summary')}</h2>
          <p lang={question.locale} safe>
            {question.summary}
          </p>
        </>
      ) : (
        ''
      )}
      {question.status === 'answered' ? (
        <>
          <h2>{ctx.t('experts.follow.answer')}</h2>
          <Prose markdown={question.answer} lang={question.locale} />
        </>
      ) : (
        ''
      )}
      <h2>{ctx.t('experts.follow.question')}</h2>
      <blockquote lang={question.locale} safe>
        {question.question}
      </blockquote>
    </Layout>
  );
}
