/** The first administrator's one-time set-up form. Works without JavaScript. */
import type { SetupField } from '../../modules/access/index.js';
import { MIN_PASSWORD_LENGTH } from '../../modules/access/index.js';
import { PageHeader } from '../components/content.js';
import type { PageContext } from '../context.js';
import type { MessageKey } from '../messages.js';
import { Layout } from '../layout/layout.js';

export interface SetupFormState {
  values: { name: string; email: string };
  errors: Partial<Record<SetupField, string>>;
}

function Field(props: {
  ctx: PageContext;
  name: SetupField;
  label: MessageKey;
  type: string;
  value?: string;
  autocomplete: string;
  hint?: string;
  error?: string;
}): JSX.Element {
  const { ctx, name } = props;
  const describedBy = [props.hint ? `${name}-hint` : '', props.error ? `${name}-error` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div class={props.error ? 'field has-error' : 'field'}>
      <label for={name}>{ctx.t(props.label)}</label>
      {props.hint ? (
        <p class="hint" id={`${name}-hint`} safe>
          {props.hint}
        </p>
      ) : (
        ''
      )}
      {props.error ? (
        <p class="field-error" id={`${name}-error`}>
          {ctx.t(props.error as MessageKey)}
        </p>
      ) : (
        ''
      )}
      <input
        id={name}
        name={name}
        type={props.type}
        value={props.value}
        autocomplete={props.autocomplete}
        required
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy || undefined}
      />
    </div>
  );
}

export function SetupPage(props: {
  ctx: PageContext;
  action: string;
  csrfToken: string;
  state: SetupFormState;
}): JSX.Element {
  const { ctx, state } = props;
  const errorCount = Object.keys(state.errors).length;
  const order: SetupField[] = ['name', 'email', 'password', 'passwordConfirmation'];
  return (
    <Layout ctx={ctx} title={ctx.text('setup.title')} indexable={false}>
      <PageHeader title={ctx.text('setup.title')} lead={ctx.text('setup.lead')} />
      {errorCount > 0 ? (
        <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1">
          <h2 id="error-summary-title">{ctx.t('setup.errors.summary', { count: errorCount })}</h2>
          <ul>
            {order
              .filter((field) => state.errors[field])
              .map((field) => (
                <li>
                  <a href={`#${field}`}>{ctx.t(state.errors[field] as MessageKey)}</a>
                </li>
              ))}
          </ul>
        </div>
      ) : (
        ''
      )}
      <form method="post" action={props.action} class="form" novalidate>
        <input type="hidden" name="_csrf" value={props.csrfToken} />
        <Field
          ctx={ctx}
          name="name"
          label="setup.name"
          type="text"
          value={state.values.name}
          autocomplete="name"
          error={state.errors.name}
        />
        <Field
          ctx={ctx}
          name="email"
          label="setup.email"
          type="email"
          value={state.values.email}
          autocomplete="email"
          error={state.errors.email}
        />
        <Field
          ctx={ctx}
          name="password"
          label="setup.password"
          type="password"
          autocomplete="new-password"
          hint={ctx.text('setup.passwordHint', { min: MIN_PASSWORD_LENGTH })}
          error={state.errors.password}
        />
        <Field
          ctx={ctx}
          name="passwordConfirmation"
          label="setup.passwordConfirmation"
          type="password"
          autocomplete="new-password"
          error={state.errors.passwordConfirmation}
        />
        <button type="submit">{ctx.t('setup.submit')}</button>
      </form>
    </Layout>
  );
}

export function SetupDonePage(props: { ctx: PageContext; email: string }): JSX.Element {
  const { ctx } = props;
  return (
    <Layout ctx={ctx} title={ctx.text('setup.done.title')} indexable={false}>
      <PageHeader title={ctx.text('setup.done.title')} />
      <p role="status">{ctx.t('setup.done.message', { email: props.email })}</p>
    </Layout>
  );
}
