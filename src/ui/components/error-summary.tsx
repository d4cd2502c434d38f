/** The error summary at the top of a form that came back with problems (GOV.UK's pattern). */
import type { PageContext } from '../context.js';
import type { MessageKey } from '../messages.js';

/**
 * Lists a form's problems, each linked to its field. It takes the focus when the page loads (the
 * autofocus attribute: no script needed) and marks the page, whose title then starts with "Error:".
 */
export function ErrorSummary(props: {
  ctx: PageContext;
  summary: MessageKey;
  /** Field → catalogue key, in the order of the form. */
  errors: readonly [string, string][];
  /** A problem of the whole form (catalogue key), e.g. wrong credentials. */
  message?: string;
  /** Values for the placeholders of the message and of the fields' problems. */
  values?: Record<string, string | number>;
}): JSX.Element {
  const { ctx } = props;
  if (props.errors.length === 0 && !props.message) return '';
  ctx.rendered.errors = true;
  return (
    <div
      class="error-summary"
      role="alert"
      aria-labelledby="error-summary-title"
      tabindex="-1"
      autofocus
    >
      {props.message ? (
        <h2 id="error-summary-title">{ctx.t(props.message as MessageKey, props.values)}</h2>
      ) : (
        <>
          <h2 id="error-summary-title">{ctx.t(props.summary, { count: props.errors.length })}</h2>
          <ul>
            {props.errors.map(([field, key]) => (
              <li>
                <a href={`#${field}`}>{ctx.t(key as MessageKey, props.values)}</a>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

/** A form's field errors in the order of its fields, for the error summary. */
export function errorsInOrder(
  errors: Readonly<Record<string, string | undefined>>,
  fields: readonly string[],
): [string, string][] {
  return fields.flatMap((field) => {
    const error = errors[field];
    return error ? [[field, error] as [string, string]] : [];
  });
}
