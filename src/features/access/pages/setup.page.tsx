/** The first administrator's one-time set-up form. Works without JavaScript. */
import type { SetupField } from '../access.schemas.js';
import { PageHeader } from '../../../ui/components/content.js';
import { ErrorSummary, errorsInOrder } from '../../../ui/components/form.js';
import { NewAccountFields } from './account-fields.js';
import type { PageContext } from '../../../ui/context.js';
import { Layout } from '../../../ui/layout/layout.js';

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
        summary="account.errors.summary"
        errors={errorsInOrder(state.errors, order)}
      />
      <form method="post" action={props.action} class="form" novalidate>
        <input type="hidden" name="_csrf" value={props.csrfToken} />
        <NewAccountFields ctx={ctx} values={state.values} errors={state.errors} />
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
      <p>
        <a class="button" href={ctx.href('/sign-in')}>
          {ctx.t('setup.done.signIn')}
        </a>
      </p>
    </Layout>
  );
}
