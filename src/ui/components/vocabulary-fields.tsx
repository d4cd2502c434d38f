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
