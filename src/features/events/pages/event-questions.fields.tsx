/** The organisers' questions to registrants in the event form: one fieldset per slot. */
import { Checkbox, Field, Select, TextArea, textValue } from '../../../ui/components/form.js';
import type { PageContext } from '../../../ui/context.js';
import type { MessageKey } from '../../../ui/messages.js';
import { QUESTION_KINDS, QUESTION_SLOTS } from '../questions.js';
import type { EventFormState } from './event.fields.js';

export function QuestionFields(props: { ctx: PageContext; state: EventFormState }): JSX.Element {
  const { ctx } = props;
  const { values, errors } = props.state;
  return (
    <fieldset>
      <legend>{ctx.t('events.form.questions')}</legend>
      <p class="hint">{ctx.t('events.hint.questions')}</p>
      {QUESTION_SLOTS.map((id, index) => (
        <fieldset class="question">
          <legend>{ctx.t('events.question.legend', { number: index + 1 })}</legend>
          <Select
            ctx={ctx}
            name={`${id}Kind`}
            label="events.question.kindLabel"
            placeholder="events.question.none"
            required={false}
            options={QUESTION_KINDS.map((kind) => ({
              value: kind,
              label: ctx.text(`events.question.kind.${kind}` as MessageKey),
            }))}
            value={textValue(values, `${id}Kind`)}
            error={errors[`${id}Kind`]}
          />
          <Field
            ctx={ctx}
            name={`${id}Label`}
            label="events.question.label"
            type="text"
            autocomplete="off"
            required={false}
            value={textValue(values, `${id}Label`)}
            error={errors[`${id}Label`]}
          />
          <TextArea
            ctx={ctx}
            name={`${id}Options`}
            label="events.question.options"
            hint="events.hint.questionOptions"
            required={false}
            rows={3}
            value={textValue(values, `${id}Options`)}
            error={errors[`${id}Options`]}
          />
          <Checkbox
            ctx={ctx}
            name={`${id}Required`}
            label="events.question.required"
            required={false}
            checked={textValue(values, `${id}Required`) === 'yes'}
          />
        </fieldset>
      ))}
    </fieldset>
  );
}
