/** The first administrator's one-time set-up form. Works without JavaScript. */
import type { SetupField } from '../../modules/access/index.js';
import { MIN_PASSWORD_LENGTH } from '../../modules/access/index.js';
import { PageHeader } from '../components/content.js';
import { ErrorSummary, Field } from '../components/form.js';
import type { PageContext } from '../context.js';
import { Layout } from '../layout/layout.js';

export interface SetupFormState {
  values: { name: string; email: string };
  errors: Partial<Record<SetupField, string>>;
}

export function SetupPage(props: {
  ctx: PageContext;
  action: string;
  csrfToken: string;
  state: SetupFormState;
}): JSX.Element {
  const { ctx, state } = props;
  const order: SetupField[] = ['name', 'email', 'password', 'passwordConfirmation'];
  return (
    <Layout ctx={ctx} title={ctx.text('setup.title')} indexable={false}>
      <PageHeader title={ctx.text('setup.title')} lead={ctx.text('setup.lead')} />
      <ErrorSummary
        ctx={ctx}
        summary="setup.errors.summary"
        errors={order.flatMap((field) => {
          const error = state.errors[field];
          return error ? [[field, error] as [string, string]] : [];
        })}
      />
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
