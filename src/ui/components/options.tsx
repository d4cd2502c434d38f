/** The options of a select, the current value selected; shared lists' HTML kept. */
import { flatHtml } from '../render.js';
import { groupRuns, type Option } from './choices.js';

/** A select's choices, the current value selected. */
function optionsHtml(options: readonly Option[], value: string | undefined): JSX.Element {
  const choices = (run: readonly { option: Option }[]) =>
    run.map(({ option }) => (
      <option value={option.value} selected={option.value === value} safe>
        {option.label}
      </option>
    ));
  return (
    <>
      {groupRuns(options).map((run) =>
        run.group === undefined ? (
          choices(run.options)
        ) : (
          <optgroup label={run.group}>{choices(run.options)}</optgroup>
        ),
      )}
    </>
  );
}

/**
 * The HTML of shared option lists (frozen: the countries, languages, themes, SDGs and articles kept
 * per language), per value selected: two hundred countries written out were a tenth of a list page.
 * Only values among the options are keys (anything else selects nothing), so each list holds at
 * most one entry per option; a list no longer used goes with its options (a WeakMap).
 */
const NOTHING_CHOSEN = '\u0000';
const keptHtml = new WeakMap<readonly Option[], Map<string, JSX.Element>>();

export function Options(props: {
  options: readonly Option[];
  value: string | undefined;
}): JSX.Element {
  const { options } = props;
  if (!Object.isFrozen(options)) return optionsHtml(options, props.value);
  let byValue = keptHtml.get(options);
  if (!byValue) keptHtml.set(options, (byValue = new Map()));
  // A value already kept is among the options: no need to look for it again.
  const kept = props.value ? byValue.get(props.value) : byValue.get(NOTHING_CHOSEN);
  if (kept !== undefined) return kept;
  const chosen = props.value
    ? options.find((option) => option.value === props.value)?.value
    : undefined;
  const html = flatHtml(optionsHtml(options, chosen));
  byValue.set(chosen ?? NOTHING_CHOSEN, html);
  return html;
}
