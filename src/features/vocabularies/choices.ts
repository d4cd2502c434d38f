/**
 * The themes as readers choose among them: grouped by family (human-rights themes, then the
 * families of thematic-city initiatives), each group in the reader's alphabetical order.
 */
import type { Option } from '../../ui/components/choices.js';
import type { PageContext } from '../../ui/context.js';
import type { MessageKey } from '../../ui/messages.js';
import { themes, type ThemeSeed } from './data/themes.js';

const FAMILIES: readonly ThemeSeed['family'][] = ['rights', 'thematic-city'];
const familyOf = new Map(themes.map((theme) => [theme.key, theme.family]));

/** Options of the themes with these keys (a theme added by an editor counts as a rights theme). */
export function themeChoices(ctx: PageContext, keys: readonly string[]): Option[] {
  const collator = new Intl.Collator(ctx.locale);
  return FAMILIES.flatMap((family) => {
    const group = ctx.text(`vocabularies.family.${family}` as MessageKey);
    return keys
      .filter((key) => (familyOf.get(key) ?? 'rights') === family)
      .map((key) => ({
        value: key,
        label: ctx.text(`vocabularies.theme.${key}` as MessageKey),
        group,
      }))
      .sort((a, b) => collator.compare(a.label, b.label));
  });
}
