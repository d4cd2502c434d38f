/** The fields every new account is made with (sign-up, first administrator, invitations). */
import { MIN_PASSWORD_LENGTH } from '../access.schemas.js';
import { Field, NewPasswordFields } from '../../../ui/components/form.js';
import type { PageContext } from '../../../ui/context.js';

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
      <Field
        ctx={ctx}
        name="email"
        label="account.field.email"
        type="email"
        value={values.email}
        autocomplete="email"
        error={errors.email}
      />
      <NewPasswordFields
        ctx={ctx}
        errors={errors}
        hint={ctx.text('account.field.passwordHint', { min: MIN_PASSWORD_LENGTH })}
      />
    </>
  );
}
