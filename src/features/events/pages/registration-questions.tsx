/**
 * The organisers' questions on the registration form: their labels are the organisers' words
 * (escaped, in the event's original language); the messages at each problem are the catalogue's.
 */
import { ErrorSummary, errorsInOrder, type FormValues } from '../../../ui/components/form.js';
import type { PageContext } from '../../../ui/context.js';
import type { MessageKey } from '../../../ui/messages.js';
import { CONSENTED, answerField, type EventQuestion } from '../questions.js';

function Problem(props: { ctx: PageContext; id: string; error?: string }): JSX.Element {
  return props.error ? (
    <p class="field-error" id={`${props.id}-error`}>
      {props.ctx.t(props.error as MessageKey)}
    </p>
  ) : (
    ''
  );
}

function Question(props: {
  ctx: PageContext;
  question: EventQuestion;
  value: string;
  error?: string;
  lang: string;
}): JSX.Element {
  const { ctx, question, error } = props;
  const id = answerField(question);
  const box = error ? 'field has-error' : 'field';
  const invalid = error ? 'true' : undefined;
  if (question.kind === 'consent')
    return (
      <div class="field checkbox">
        <input
          id={id}
          name={id}
          type="checkbox"
          value={CONSENTED}
          checked={props.value === CONSENTED}
        />{' '}
        <label for={id} lang={props.lang} safe>
          {question.label}
        </label>
      </div>
    );
  if (question.kind === 'choice')
    return (
      <fieldset class={box} aria-describedby={error ? `${id}-error` : undefined}>
        <legend lang={props.lang} safe>
          {question.label}
        </legend>
        <Problem ctx={ctx} id={id} error={error} />
        {question.options.map((option, index) => (
          <div class="checkbox">
            <input
              id={index === 0 ? id : `${id}-${index}`}
              name={id}
              type="radio"
              value={option}
              checked={props.value === option}
              required={question.required}
              aria-invalid={invalid}
            />{' '}
            <label for={index === 0 ? id : `${id}-${index}`} lang={props.lang} safe>
              {option}
            </label>
          </div>
        ))}
      </fieldset>
    );
  return (
    <div class={box}>
      <label for={id} lang={props.lang} safe>
        {question.label}
      </label>
      <Problem ctx={ctx} id={id} error={error} />
      <textarea
        id={id}
        name={id}
        rows="3"
        required={question.required}
        aria-invalid={invalid}
        aria-describedby={error ? `${id}-error` : undefined}
        safe
      >
        {props.value}
      </textarea>
    </div>
  );
}

/** The questions' summary of problems and their fields, inside the registration form. */
export function RegistrationQuestions(props: {
  ctx: PageContext;
  questions: readonly EventQuestion[];
  values: FormValues;
  errors: Readonly<Record<string, string>>;
  /** The language the organisers wrote the questions in. */
  lang: string;
}): JSX.Element {
  const { ctx, questions, errors } = props;
  if (questions.length === 0) return '';
  const value = (question: EventQuestion) => {
    const typed = props.values[answerField(question)];
    return typeof typed === 'string' ? typed : '';
  };
  return (
    <>
      <ErrorSummary
        ctx={ctx}
        summary="events.errors.registerSummary"
        errors={errorsInOrder(errors, questions.map(answerField))}
      />
      <fieldset>
        <legend>{ctx.t('events.register.questions')}</legend>
        {questions.map((question) => (
          <Question
            ctx={ctx}
            question={question}
            value={value(question)}
            error={errors[answerField(question)]}
            lang={props.lang}
          />
        ))}
      </fieldset>
    </>
  );
}
