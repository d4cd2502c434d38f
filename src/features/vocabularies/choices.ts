/**
 * The themes as readers choose among them: grouped by family (human-rights themes, then the
 * families of thematic-city initiatives), each group in the reader's alphabetical order.
 */
import { createMemo } from '../../platform/cache/memo.js';
import { collator } from '../../platform/i18n/names.js';
import type { Option } from '../../ui/components/choices.js';
import type { PageContext } from '../../ui/context.js';
import type { MessageKey } from '../../ui/messages.js';
import { themes, type ThemeSeed } from './data/themes.js';

const FAMILIES: readonly ThemeSeed['family'][] = ['rights', 'thematic-city'];
const familyOf = new Map(themes.map((theme) => [theme.key, theme.family]));

const kept = createMemo<readonly Option[]>(500);

/**
 * Options of the themes with these keys (a theme added by an editor counts as a rights theme),
 * kept per language and list of keys. The options are shared; never change them.
 */
export function themeChoices(ctx: PageContext, keys: readonly string[]): readonly Option[] {
  const key = `${ctx.locale}\u0000${keys.join(',')}`;
  let options = kept.get(key);
  if (!options) {
    const order = collator(ctx.locale);
    options = Object.freeze(
      FAMILIES.flatMap((family) => {
        const group = ctx.text(`vocabularies.family.${family}` as MessageKey);
        return keys
          .filter((theme) => (familyOf.get(theme) ?? 'rights') === family)
          .map((theme) =>
            Object.freeze({
              value: theme,
              label: ctx.text(`vocabularies.theme.${theme}` as MessageKey),
              group,
            }),
          )
          .sort((a, b) => order.compare(a.label, b.label));
      }),
    );
    kept.set(key, options);
  }
  return options;
}
