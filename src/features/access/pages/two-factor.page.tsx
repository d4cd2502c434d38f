/** Two-factor sign-in: the second step of sign-in, and turning it on. Works without JavaScript. */
import { PageHeader } from '../../../ui/components/content.js';
import { Csrf, ErrorSummary, Field } from '../../../ui/components/form.js';
import type { PageContext } from '../../../ui/context.js';
import type { FormPageProps } from './account.page.js';
import { CurrentPasswordField } from './account-fields.js';
import { Layout } from '../../../ui/layout/layout.js';
import type { FormState } from '../../../ui/components/form.js';

function CodeField(props: { ctx: PageContext; error?: string }): JSX.Element {
  return (
    <Field
      ctx={props.ctx}
      name="code"
      label="account.field.code"
      type="text"
      autocomplete="one-time-code"
      error={props.error}
    />
  );
}

export function SecondFactorPage(props: FormPageProps): JSX.Element {
  const { ctx, state } = props;
  const errors: [string, string][] = state.errors.code ? [['code', state.errors.code]] : [];
  return (
    <Layout ctx={ctx} title={ctx.text('account.secondFactor.title')} indexable={false}>
      <PageHeader
        title={ctx.text('account.secondFactor.title')}
        lead={ctx.text('account.secondFactor.lead')}
      />
      <ErrorSummary ctx={ctx} summary="account.errors.summary" errors={errors} />
      <form method="post" action={ctx.href('/sign-in/two-factor')} class="form" novalidate>
        <Csrf token={props.csrfToken} />
        <CodeField ctx={ctx} error={state.errors.code} />
        <button type="submit">{ctx.t('account.secondFactor.submit')}</button>
      </form>
    </Layout>
  );
}

/** Step 1: turn on two-factor sign-in by confirming the password (or say that it is on). */
export function TwoFactorPage(props: {
  ctx: PageContext;
  csrfToken: string;
  enabled: boolean;
  required: boolean;
  state: FormState;
}): JSX.Element {
  const { ctx, state } = props;
  const errors: [string, string][] = state.errors.password
    ? [['password', state.errors.password]]
    : [];
  return (
    <Layout ctx={ctx} title={ctx.text('account.twoFactor.title')} indexable={false}>
      <PageHeader
        title={ctx.text('account.twoFactor.title')}
        lead={ctx.text('account.twoFactor.lead')}
      />
      {props.enabled ? (
        <p role="status">{ctx.t('account.twoFactor.on')}</p>
      ) : (
        <>
          {props.required ? <p class="notice">{ctx.t('account.twoFactor.required')}</p> : ''}
          <ErrorSummary ctx={ctx} summary="account.errors.summary" errors={errors} />
          <form
            method="post"
            action={ctx.href('/account/two-factor/start')}
            class="form"
            novalidate
          >
            <Csrf token={props.csrfToken} />
            <CurrentPasswordField ctx={ctx} error={state.errors.password} />
            <button type="submit">{ctx.t('account.twoFactor.start.submit')}</button>
          </form>
        </>
      )}
    </Layout>
  );
}

/** Step 2: the key as a QR code and as text, the recovery codes, and the first code to confirm. */
export function TwoFactorSetupPage(props: {
  ctx: PageContext;
  csrfToken: string;
  totpUri: string;
  /** Inline SVG of the QR code, generated on the server. */
  qrSvg: string;
  /** Shown once, right after the password was confirmed; empty when the form comes back with an error. */
  recoveryCodes: readonly string[];
  state: FormState;
}): JSX.Element {
  const { ctx, state } = props;
  const key = new URL(props.totpUri).searchParams.get('secret') ?? '';
  const errors: [string, string][] = state.errors.code ? [['code', state.errors.code]] : [];
  const safeSvg = props.qrSvg;
  return (
    <Layout ctx={ctx} title={ctx.text('account.twoFactor.title')} indexable={false}>
      <PageHeader title={ctx.text('account.twoFactor.title')} />
      <ErrorSummary ctx={ctx} summary="account.errors.summary" errors={errors} />
      <p>{ctx.t('account.twoFactor.scan')}</p>
      <div class="qr" role="img" aria-label={ctx.text('account.twoFactor.qrLabel')}>
        {safeSvg}
      </div>
      <p>
        {ctx.t('account.twoFactor.key')}:{' '}
        <code class="key" safe>
          {key.replace(/(.{4})/g, '$1 ').trim()}
        </code>
      </p>
      {props.recoveryCodes.length > 0 ? (
        <section aria-labelledby="recovery-title">
          <h2 id="recovery-title">{ctx.t('account.twoFactor.recovery.title')}</h2>
          <p>{ctx.t('account.twoFactor.recovery.text')}</p>
          <ul class="recovery-codes">
            {props.recoveryCodes.map((code) => (
              <li>
                <code safe>{code}</code>
              </li>
            ))}
          </ul>
        </section>
      ) : (
        ''
      )}
      <form method="post" action={ctx.href('/account/two-factor/confirm')} class="form" novalidate>
        <Csrf token={props.csrfToken} />
        <input type="hidden" name="totpUri" value={props.totpUri} />
        <CodeField ctx={ctx} error={state.errors.code} />
        <button type="submit">{ctx.t('account.twoFactor.confirm.submit')}</button>
      </form>
    </Layout>
  );
}
