/** The checkbox groups of the shared vocabularies, as every form that tags something asks them. */
import type { PageContext } from '../context.js';
import type { MessageKey } from '../messages.js';
import { sdgOptions, type Option } from './choices.js';
import { CheckboxGroup, listValue, type FormValues } from './form.js';

interface VocabularyFieldProps {
  ctx: PageContext;
  legend: MessageKey;
  values: FormValues;
  error?: string | undefined;
}

/** The themes to choose among, as the vocabularies feature groups and orders them. */
export function ThemeCheckboxes(props: VocabularyFieldProps & { themes: readonly Option[] }) {
  return (
    <CheckboxGroup
      ctx={props.ctx}
      name="themes"
      legend={props.legend}
      options={props.themes}
      checked={listValue(props.values, 'themes')}
      error={props.error}
    />
  );
}

/** The 17 Sustainable Development Goals, in their order. */
export function SdgCheckboxes(props: VocabularyFieldProps) {
  return (
    <CheckboxGroup
      ctx={props.ctx}
      name="sdgs"
      legend={props.legend}
      options={sdgOptions(props.ctx)}
      checked={listValue(props.values, 'sdgs')}
      error={props.error}
    />
  );
}

/** A multiple choice among many (countries): a list box that works without script. */
export function MultiSelect(props: {
  ctx: PageContext;
  name: string;
  label: MessageKey;
  hint: MessageKey;
  options: readonly { value: string; label: string }[];
  chosen: readonly string[];
  error?: string;
}): JSX.Element {
  const { ctx, name } = props;
  const chosen = new Set(props.chosen);
  return (
    <div class={props.error ? 'field has-error' : 'field'}>
      <label for={name}>{ctx.t(props.label)}</label>
      <p class="hint" id={`${name}-hint`}>
        {ctx.t(props.hint)}
      </p>
      {props.error ? (
        <p class="field-error" id={`${name}-error`}>
          {ctx.t(props.error as MessageKey)}
        </p>
      ) : (
        ''
      )}
      <select
        id={name}
        name={name}
        multiple="multiple"
        size="6"
        aria-describedby={props.error ? `${name}-hint ${name}-error` : `${name}-hint`}
      >
        {props.options.map((option) => (
          <option value={option.value} selected={chosen.has(option.value)} safe>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
