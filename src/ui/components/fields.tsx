/** Groups of fields several forms share: a new password with its repetition, the consent to the privacy notice. */
import type { PageContext } from '../context.js';
import type { MessageKey } from '../messages.js';
import { Checkbox, Field, Select } from './form.js';

/** A new password and its repetition (sign-up, password reset, invitations). */
export function NewPasswordFields(props: {
  ctx: PageContext;
  errors: Readonly<Record<string, string | undefined>>;
  label?: MessageKey;
  hint?: string;
}): JSX.Element {
  const { ctx, errors } = props;
  return (
    <>
      <Field
        ctx={ctx}
        name="password"
        label={props.label ?? 'account.field.password'}
        type="password"
        autocomplete="new-password"
        hint={props.hint}
        error={errors.password}
      />
      <Field
        ctx={ctx}
        name="passwordConfirmation"
        label="account.field.passwordConfirmation"
        type="password"
        autocomplete="new-password"
        error={errors.passwordConfirmation}
      />
    </>
  );
}

/** The consent to the privacy notice, linked. */
export function ConsentCheckbox(props: {
  ctx: PageContext;
  checked: boolean;
  error?: string;
}): JSX.Element {
  const { ctx } = props;
  return (
    <Checkbox
      ctx={ctx}
      name="consent"
      label="account.field.consent"
      checked={props.checked}
      link={{ href: ctx.href('/privacy'), label: 'account.field.consentLink' }}
      error={props.error}
    />
  );
}

/** Whether a translation has been reviewed, as editors of every kind of content say it. */
export function TranslationStatusSelect(props: { ctx: PageContext; value: string }): JSX.Element {
  const { ctx } = props;
  return (
    <Select
      ctx={ctx}
      name="translationStatus"
      label="editor.field.translationStatus"
      placeholder="editor.field.translationStatusChoose"
      options={[
        { value: 'reviewed', label: ctx.text('editor.translation.reviewed') },
        { value: 'needs-review', label: ctx.text('editor.translation.needs-review') },
      ]}
      value={props.value}
    />
  );
}
