/** Accessible form parts: labelled fields with hints and errors, and an error summary. */
import type { PageContext } from '../context.js';
import type { MessageKey } from '../messages.js';
import { groupRuns, type Option } from './choices.js';
import { Options } from './options.js';

/** The ids of a field's hint and problem, for aria-describedby (undefined when it has neither). */
const describedBy = (name: string, hint: unknown, error: unknown): string | undefined =>
  [hint ? `${name}-hint` : '', error ? `${name}-error` : ''].filter(Boolean).join(' ') || undefined;

/** What every labelled field is given. */
interface FieldProps {
  ctx: PageContext;
  name: string;
  /** The element's id, when a page holds several forms with a field of this name (else the name). */
  id?: string;
  label: MessageKey;
  value?: string;
  /** Catalogue key of the field's problem. */
  error?: string;
  required?: boolean;
}

/** A field's frame: its label first, marked when the field has a problem. */
function FieldBox(props: {
  /** The id of the field the label is for. */
  id: string;
  label: JSX.Element;
  error?: string;
  children: JSX.Element[];
}): JSX.Element {
  return (
    <div class={props.error ? 'field has-error' : 'field'}>
      <label for={props.id}>{props.label}</label>
      {props.children}
    </div>
  );
}

export function Field(
  props: FieldProps & {
    type: string;
    autocomplete: string;
    hint?: string;
    /** Values for the label's placeholders. */
    labelValues?: Record<string, string>;
  },
): JSX.Element {
  const { ctx, name } = props;
  return (
    <FieldBox id={name} label={ctx.t(props.label, props.labelValues)} error={props.error}>
      {props.hint ? (
        <p class="hint" id={`${name}-hint`} safe>
          {props.hint}
        </p>
      ) : (
        ''
      )}
      <FieldError ctx={ctx} name={name} error={props.error} />
      <input
        id={name}
        name={name}
        type={props.type}
        value={props.value}
        autocomplete={props.autocomplete}
        required={props.required ?? true}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(name, props.hint, props.error)}
      />
    </FieldBox>
  );
}

/** A submit button acting on one thing of a list: the thing's name completes its label for screen readers. */
export function RowButton(props: { class: string; label: JSX.Element; name: string }): JSX.Element {
  return (
    <button type="submit" class={props.class}>
      {props.label}
      <span class="visually-hidden" safe>
        {' '}
        {props.name}
      </span>
    </button>
  );
}

export { ErrorSummary, errorsInOrder } from './error-summary.js';

/** A checkbox, required unless said (e.g. acknowledging a text), with an optional link to read. */
export function Checkbox(props: {
  ctx: PageContext;
  name: string;
  label: MessageKey;
  checked: boolean;
  link?: { href: string; label: MessageKey };
  error?: string;
  required?: boolean;
}): JSX.Element {
  const { ctx, name } = props;
  return (
    <div class={props.error ? 'field checkbox has-error' : 'field checkbox'}>
      <FieldError ctx={ctx} name={name} error={props.error} />
      <input
        id={name}
        name={name}
        type="checkbox"
        value="yes"
        checked={props.checked}
        required={props.required ?? true}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={props.error ? `${name}-error` : undefined}
      />{' '}
      <label for={name}>{ctx.t(props.label)}</label>
      {props.link ? (
        <p class="hint">
          <a href={props.link.href}>{ctx.t(props.link.label)}</a>
        </p>
      ) : (
        ''
      )}
    </div>
  );
}

/** A labelled select, with a first, empty choice when it has a placeholder. */
export function Select(
  props: FieldProps & {
    /** Values for the label's placeholders. */
    labelValues?: Record<string, string>;
    placeholder?: MessageKey;
    options: readonly { value: string; label: string }[];
    hint?: MessageKey;
  },
): JSX.Element {
  const { ctx, name } = props;
  const id = props.id ?? name;
  return (
    <FieldBox id={id} label={ctx.t(props.label, props.labelValues)} error={props.error}>
      {props.hint ? (
        <p class="hint" id={`${id}-hint`}>
          {ctx.t(props.hint)}
        </p>
      ) : (
        ''
      )}
      <FieldError ctx={ctx} name={id} error={props.error} />
      <select
        id={id}
        name={name}
        required={props.required ?? true}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(id, props.hint, props.error)}
      >
        {props.placeholder ? <option value="">{ctx.t(props.placeholder)}</option> : ''}
        <Options options={props.options} value={props.value} />
      </select>
    </FieldBox>
  );
}

/** A labelled multi-line text field. */
export function TextArea(
  props: FieldProps & {
    /** Values for the label's placeholders. */
    labelValues?: Record<string, string>;
    /** Language of the text typed in, when it is not the interface's. */
    lang?: string;
    hint?: MessageKey;
    /** Visible lines (5 by default). */
    rows?: number;
  },
): JSX.Element {
  const { ctx, name } = props;
  const id = props.id ?? name;
  return (
    <FieldBox id={id} label={ctx.t(props.label, props.labelValues)} error={props.error}>
      {props.hint ? (
        <p class="hint" id={`${id}-hint`}>
          {ctx.t(props.hint)}
        </p>
      ) : (
        ''
      )}
      <FieldError ctx={ctx} name={id} error={props.error} />
      <textarea
        id={id}
        name={name}
        rows={String(props.rows ?? 5)}
        lang={props.lang}
        required={props.required ?? true}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(id, props.hint, props.error)}
        safe
      >
        {props.value ?? ''}
      </textarea>
    </FieldBox>
  );
}

/** Several choices of one kind (themes, goals…) as a fieldset of checkboxes. */
export function CheckboxGroup(props: {
  ctx: PageContext;
  name: string;
  legend: MessageKey;
  /** With groups, each group is a fieldset of its own inside the whole. */
  options: readonly Option[];
  checked: readonly string[];
  error?: string;
}): JSX.Element {
  const { ctx, name } = props;
  const checked = new Set(props.checked);
  const list = (run: readonly { option: Option; index: number }[]) => (
    <ul>
      {run.map(({ option, index }) => (
        <li>
          <input
            type="checkbox"
            id={`${name}-${index}`}
            name={name}
            value={option.value}
            checked={checked.has(option.value)}
          />{' '}
          <label for={`${name}-${index}`} safe>
            {option.label}
          </label>
        </li>
      ))}
    </ul>
  );
  return (
    <fieldset
      class={props.error ? 'checkbox-group has-error' : 'checkbox-group'}
      id={name}
      aria-describedby={props.error ? `${name}-error` : undefined}
    >
      <legend>{ctx.t(props.legend)}</legend>
      <FieldError ctx={ctx} name={name} error={props.error} />
      {groupRuns(props.options).map((run) =>
        run.group === undefined ? (
          list(run.options)
        ) : (
          <fieldset class="checkbox-subgroup">
            <legend safe>{run.group}</legend>
            {list(run.options)}
          </fieldset>
        ),
      )}
    </fieldset>
  );
}

/** One select of the filter form; the first choice is "any". */
export function FilterSelect(props: {
  ctx: PageContext;
  name: string;
  label: MessageKey;
  value: string | undefined;
  options: readonly { value: string; label: string }[];
}): JSX.Element {
  const { ctx, name } = props;
  return (
    <div class="field">
      <label for={`filter-${name}`}>{ctx.t(props.label)}</label>
      <select id={`filter-${name}`} name={name}>
        <option value="">{ctx.t('network.filter.any')}</option>
        <Options options={props.options} value={props.value} />
      </select>
    </div>
  );
}

/** The hidden field that carries a form's CSRF token. */
export function Csrf(props: { token: string }): JSX.Element {
  return <input type="hidden" name="_csrf" value={props.token} />;
}

/** A form that posts with its CSRF token, checked by the server (novalidate: no browser bubbles). */
export function PostForm(props: {
  action: string;
  csrfToken: string;
  children?: JSX.Element | JSX.Element[] | string;
}): JSX.Element {
  return (
    <form method="post" action={props.action} class="form" novalidate>
      <Csrf token={props.csrfToken} />
      {props.children}
    </form>
  );
}

/** A field's problem, above the field and referenced by its aria-describedby (`<name>-error`). */
export function FieldError(props: { ctx: PageContext; name: string; error?: string }): JSX.Element {
  if (!props.error) return '';
  return (
    <p class="field-error" id={`${props.name}-error`}>
      {props.ctx.t(props.error as MessageKey)}
    </p>
  );
}

/** What a form holds: each field's text, or its list of chosen values. */
export type FormValues = Readonly<Record<string, string | readonly string[]>>;

/** A field's text in a form's values ('' when absent or a list). */
export function textValue(values: FormValues, name: string): string {
  const value = values[name];
  return typeof value === 'string' ? value : '';
}

/** A field's chosen values in a form's values (one value is a list of one). */
export function listValue(values: FormValues, name: string): readonly string[] {
  const value = values[name];
  return value === undefined ? [] : typeof value === 'string' ? (value ? [value] : []) : value;
}

/** What was typed in a submitted form, strings and lists of strings only, to show it again. */
export function typedValues(body: Readonly<Record<string, unknown>>): FormValues {
  return Object.fromEntries(
    Object.entries(body).flatMap(([key, value]): [string, string | string[]][] =>
      typeof value === 'string'
        ? [[key, value]]
        : Array.isArray(value)
          ? [[key, value.filter((item): item is string => typeof item === 'string')]]
          : [],
    ),
  );
}

/** What was typed in some fields of a form, to show it again (never passwords). */
export function kept(
  body: Readonly<Record<string, unknown>>,
  fields: readonly string[],
): Record<string, string> {
  return Object.fromEntries(
    fields.map((field) => [field, typeof body[field] === 'string' ? body[field] : '']),
  );
}

/** What a submitted form gives back to its page: the values typed and the problems found. */
export interface FormState {
  values: Record<string, string>;
  errors: Record<string, string>;
  /** A problem of the whole form (catalogue key). */
  message?: string;
  /** For a lock: minutes until the next attempt. */
  minutes?: number;
}

export const EMPTY_FORM: FormState = { values: {}, errors: {} };

/** Who may read something: everyone, or network members only. */
export function AccessSelect(props: {
  ctx: PageContext;
  value: string;
  error?: string;
}): JSX.Element {
  const { ctx } = props;
  return (
    <Select
      ctx={ctx}
      name="access"
      label="editor.field.access"
      placeholder="editor.field.accessChoose"
      options={[
        { value: 'public', label: ctx.text('editor.access.public') },
        { value: 'members', label: ctx.text('editor.access.members') },
      ]}
      value={props.value}
      error={props.error}
    />
  );
}
