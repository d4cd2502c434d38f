/** Sign-in, sign-up, confirmation, password reset and the account page. All work without JavaScript. */
import { can } from '../access.policy.js';
import { MIN_PASSWORD_LENGTH } from '../access.schemas.js';
import type { SignedInViewer } from '../accounts.service.js';
import { PageHeader } from '../../../ui/components/content.js';
import { Csrf, errorsInOrder, ErrorSummary, Field } from '../../../ui/components/form.js';
import type { FormState } from '../../../ui/components/form.js';
import { NewPasswordFields, ConsentCheckbox } from '../../../ui/components/fields.js';
import type { PageContext } from '../../../ui/context.js';
import { CurrentPasswordField, EmailField, NewAccountFields } from './account-fields.js';
import type { MessageKey } from '../../../ui/messages.js';
import { Layout } from '../../../ui/layout/layout.js';

/** An organisation the person belongs to. */
export interface AccountOrganisation {
  id: string;
  slug: string;
  name: string;
  status: string;
  role: string;
}

const ordered = (state: FormState, fields: readonly string[]): [string, string][] =>
  errorsInOrder(state.errors, fields);

/** What a page of a single account form is given. */
export interface FormPageProps {
  ctx: PageContext;
  csrfToken: string;
  state: FormState;
}

export function SignInPage(props: FormPageProps): JSX.Element {
  const { ctx, state } = props;
  return (
    <Layout ctx={ctx} title={ctx.text('account.signIn.title')} indexable={false}>
      <PageHeader title={ctx.text('account.signIn.title')} lead={ctx.text('account.signIn.lead')} />
      <ErrorSummary
        ctx={ctx}
        summary="account.errors.summary"
        errors={ordered(state, ['email', 'password'])}
        message={state.message}
        values={{ minutes: state.minutes ?? 1 }}
      />
      <form method="post" action={ctx.href('/sign-in')} class="form" novalidate>
        <Csrf token={props.csrfToken} />
        <EmailField
          ctx={ctx}
          value={state.values.email}
          error={state.errors.email}
          autocomplete="username"
        />
        <Field
          ctx={ctx}
          name="password"
          label="account.field.password"
          type="password"
          autocomplete="current-password"
          error={state.errors.password}
        />
        <button type="submit">{ctx.t('account.signIn.submit')}</button>
      </form>
      <p>
        <a href={ctx.href('/forgot-password')}>{ctx.t('account.signIn.forgot')}</a>
      </p>
      <p>
        {ctx.t('account.signIn.noAccount')}{' '}
        <a href={ctx.href('/sign-up')}>{ctx.t('account.signUp.title')}</a>
      </p>
    </Layout>
  );
}

export function SignUpPage(props: FormPageProps): JSX.Element {
  const { ctx, state } = props;
  return (
    <Layout ctx={ctx} title={ctx.text('account.signUp.title')}>
      <PageHeader title={ctx.text('account.signUp.title')} lead={ctx.text('account.signUp.lead')} />
      <ErrorSummary
        ctx={ctx}
        summary="account.errors.summary"
        errors={ordered(state, ['name', 'email', 'password', 'passwordConfirmation', 'consent'])}
      />
      <form method="post" action={ctx.href('/sign-up')} class="form" novalidate>
        <Csrf token={props.csrfToken} />
        <NewAccountFields ctx={ctx} values={state.values} errors={state.errors} />
        <ConsentCheckbox
          ctx={ctx}
          checked={state.values.consent === 'yes'}
          error={state.errors.consent}
        />
        <button type="submit">{ctx.t('account.signUp.submit')}</button>
      </form>
      <p>
        {ctx.t('account.signUp.haveAccount')}{' '}
        <a href={ctx.href('/sign-in')}>{ctx.t('account.signIn.title')}</a>
      </p>
    </Layout>
  );
}

export function ForgotPasswordPage(props: FormPageProps): JSX.Element {
  const { ctx, state } = props;
  return (
    <Layout ctx={ctx} title={ctx.text('account.forgot.title')} indexable={false}>
      <PageHeader title={ctx.text('account.forgot.title')} lead={ctx.text('account.forgot.lead')} />
      <ErrorSummary ctx={ctx} summary="account.errors.summary" errors={ordered(state, ['email'])} />
      <form method="post" action={ctx.href('/forgot-password')} class="form" novalidate>
        <Csrf token={props.csrfToken} />
        <EmailField
          ctx={ctx}
          value={state.values.email}
          error={state.errors.email}
          autocomplete="email"
        />
        <button type="submit">{ctx.t('account.forgot.submit')}</button>
      </form>
    </Layout>
  );
}

export function ResetPasswordPage(props: {
  ctx: PageContext;
  csrfToken: string;
  token: string;
  state: FormState;
}): JSX.Element {
  const { ctx, state } = props;
  return (
    <Layout ctx={ctx} title={ctx.text('account.reset.title')} indexable={false}>
      <PageHeader title={ctx.text('account.reset.title')} />
      <ErrorSummary
        ctx={ctx}
        summary="account.errors.summary"
        errors={ordered(state, ['password', 'passwordConfirmation'])}
      />
      <form method="post" action={ctx.href('/reset-password')} class="form" novalidate>
        <Csrf token={props.csrfToken} />
        <input type="hidden" name="token" value={props.token} />
        <NewPasswordFields
          ctx={ctx}
          errors={state.errors}
          label="account.field.newPassword"
          hint={ctx.text('account.field.passwordHint', { min: MIN_PASSWORD_LENGTH })}
        />
        <button type="submit">{ctx.t('account.reset.submit')}</button>
      </form>
    </Layout>
  );
}

export function AccountPage(props: {
  ctx: PageContext;
  viewer: SignedInViewer;
  csrfToken: string;
  /** Problems of the deletion form, when it came back. */
  deleteErrors?: Record<string, string>;
  /** Texts the person accepted. */
  consents?: readonly { document: string; version: string; givenAt: Date }[];
  organisations?: readonly AccountOrganisation[];
}): JSX.Element {
  const { ctx, viewer } = props;
  const organisations = props.organisations ?? [];
  const deleteErrors = props.deleteErrors ?? {};
  return (
    <Layout ctx={ctx} title={ctx.text('account.account.title')} indexable={false}>
      <PageHeader title={ctx.text('account.account.title')} />
      <ErrorSummary
        ctx={ctx}
        summary="account.errors.summary"
        errors={ordered({ values: {}, errors: deleteErrors }, ['password'])}
      />
      <p>{ctx.t('account.account.signedInAs', { name: viewer.name, email: viewer.email })}</p>
      <p>
        {ctx.t('account.account.role', {
          role: ctx.text(`account.role.${viewer.role}` as MessageKey),
        })}
      </p>
      <ul>
        <li>
          <a href={ctx.href('/account/profile')}>{ctx.t('people.profile.title')}</a>
        </li>
        <li>
          <a href={ctx.href('/account/two-factor')}>{ctx.t('account.twoFactor.manage')}</a>
        </li>
        <li>
          <a href={ctx.href('/account/events')}>{ctx.t('events.mine.nav')}</a>
        </li>
      </ul>
      <form method="post" action={ctx.href('/sign-out')}>
        <Csrf token={props.csrfToken} />
        <button type="submit">{ctx.t('account.signOut.submit')}</button>
      </form>
      {organisations.length > 0 ? (
        <section aria-labelledby="organisations-title">
          <h2 id="organisations-title">{ctx.t('account.organisations.title')}</h2>
          <ul>
            {organisations.map((organisation) => (
              <li>
                {organisation.status === 'active' ? (
                  <a href={ctx.href(`/network/${organisation.slug}`)} safe>
                    {organisation.name}
                  </a>
                ) : (
                  <span safe>{organisation.name}</span>
                )}{' '}
                (
                {ctx.t(
                  organisation.role === 'admin'
                    ? 'membership.manage.role.admin'
                    : 'membership.manage.role.member',
                )}
                {organisation.status === 'active'
                  ? ''
                  : `, ${ctx.text(`admin.organisations.status.${organisation.status}` as MessageKey)}`}
                )
                {organisation.role === 'admin' && viewer.administers.includes(organisation.id) ? (
                  <>
                    {' · '}
                    <a href={ctx.href(`/network/${organisation.slug}/manage`)}>
                      {ctx.t('network.manage.link')}
                    </a>
                  </>
                ) : (
                  ''
                )}
              </li>
            ))}
          </ul>
        </section>
      ) : (
        ''
      )}
      {can(viewer, 'publish-knowledge') ? (
        <p>
          <a href={ctx.href('/editor')}>{ctx.t('editor.nav')}</a>
          {' · '}
          <a href={ctx.href('/editor/questions')}>{ctx.t('experts.desk.nav')}</a>
        </p>
      ) : (
        ''
      )}
      {can(viewer, 'answer-questions') ? (
        <p>
          <a href={ctx.href('/experts/workspace')}>{ctx.t('experts.workspace.nav')}</a>
        </p>
      ) : (
        ''
      )}
      {can(viewer, 'manage-roles') ? (
        <nav aria-labelledby="administration-title">
          <h2 id="administration-title">{ctx.t('admin.nav.title')}</h2>
          <ul>
            <li>
              <a href={ctx.href('/admin/applications')}>{ctx.t('membership.review.title')}</a>
            </li>
            <li>
              <a href={ctx.href('/admin/organisations')}>{ctx.t('admin.organisations.title')}</a>
            </li>
            <li>
              <a href={ctx.href('/admin/people')}>{ctx.t('admin.people.title')}</a>
            </li>
            <li>
              <a href={ctx.href('/admin/audit')}>{ctx.t('admin.audit.title')}</a>
            </li>
            <li>
              <a href={ctx.href('/admin/outbox')}>{ctx.t('admin.outbox.title')}</a>
            </li>
          </ul>
        </nav>
      ) : (
        ''
      )}
      {props.consents && props.consents.length > 0 ? (
        <section aria-labelledby="consents-title">
          <h2 id="consents-title">{ctx.t('account.consents.title')}</h2>
          <ul>
            {props.consents.map((consent) => (
              <li>
                {ctx.t('account.consents.item', {
                  document: ctx.text(`account.consents.document.${consent.document}` as MessageKey),
                  version: consent.version,
                  date: consent.givenAt,
                })}
              </li>
            ))}
          </ul>
        </section>
      ) : (
        ''
      )}
      <section aria-labelledby="data-title">
        <h2 id="data-title">{ctx.t('account.data.title')}</h2>
        <p>{ctx.t('account.data.text')}</p>
        <p>
          <a href={ctx.href('/account/export')} download="">
            {ctx.t('account.data.export')}
          </a>
        </p>
      </section>
      <section aria-labelledby="delete-title">
        <h2 id="delete-title">{ctx.t('account.delete.title')}</h2>
        <p>{ctx.t('account.delete.text')}</p>
        <form method="post" action={ctx.href('/account/delete')} class="form" novalidate>
          <Csrf token={props.csrfToken} />
          <CurrentPasswordField ctx={ctx} error={deleteErrors.password} />
          <button type="submit" class="danger">
            {ctx.t('account.delete.submit')}
          </button>
        </form>
      </section>
    </Layout>
  );
}
