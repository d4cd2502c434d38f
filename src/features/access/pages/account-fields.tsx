/** The fields every new account is made with (sign-up, first administrator, invitations). */
import { MIN_PASSWORD_LENGTH } from '../access.schemas.js';
import { Field } from '../../../ui/components/form.js';
import { NewPasswordFields } from '../../../ui/components/fields.js';
import type { PageContext } from '../../../ui/context.js';

/** The e-mail address: to sign in with (a username to password managers), or to write to. */
export function EmailField(props: {
  ctx: PageContext;
  value: string | undefined;
  error: string | undefined;
  autocomplete: 'email' | 'username';
}): JSX.Element {
  return (
    <Field
      ctx={props.ctx}
      name="email"
      label="account.field.email"
      type="email"
      value={props.value}
      autocomplete={props.autocomplete}
      error={props.error}
    />
  );
}

/** The password the person has now, asked again before a change that matters. */
export function CurrentPasswordField(props: {
  ctx: PageContext;
  error: string | undefined;
}): JSX.Element {
  return (
    <Field
      ctx={props.ctx}
      name="password"
      label="account.field.currentPassword"
      type="password"
      autocomplete="current-password"
      error={props.error}
    />
  );
}

/** Name, e-mail, new password and its repetition: the fields of every new account. */
export function NewAccountFields(props: {
  ctx: PageContext;
  values: Record<string, string | undefined>;
  errors: Record<string, string | undefined>;
}): JSX.Element {
  const { ctx, values, errors } = props;
  return (
    <>
      <Field
        ctx={ctx}
        name="name"
        label="account.field.name"
        type="text"
        value={values.name}
        autocomplete="name"
        error={errors.name}
      />
      <EmailField ctx={ctx} value={values.email} error={errors.email} autocomplete="email" />
      <NewPasswordFields
        ctx={ctx}
        errors={errors}
        hint={ctx.text('account.field.passwordHint', { min: MIN_PASSWORD_LENGTH })}
      />
    </>
  );
}
