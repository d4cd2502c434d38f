/** The checkbox groups of the shared vocabularies, as every form that tags something asks them. */
import type { PageContext } from '../context.js';
import type { MessageKey } from '../messages.js';
import { sdgOptions, themeOptions } from './choices.js';
import { CheckboxGroup, listValue, type FormValues } from './form.js';

interface VocabularyFieldProps {
  ctx: PageContext;
  legend: MessageKey;
  values: FormValues;
  error?: string | undefined;
}

/** The themes to choose among, in the reader's alphabetical order. */
export function ThemeCheckboxes(props: VocabularyFieldProps & { themes: readonly string[] }) {
  const collator = new Intl.Collator(props.ctx.locale);
  return (
    <CheckboxGroup
      ctx={props.ctx}
      name="themes"
      legend={props.legend}
      options={themeOptions(props.ctx, props.themes).sort((a, b) =>
        collator.compare(a.label, b.label),
      )}
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
