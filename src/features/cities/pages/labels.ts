/** How the parts of a profile are named and written in a page's language. */
import type { PageContext } from '../../../ui/context.js';
import type { MessageKey } from '../../../ui/messages.js';
import { indicatorName } from '../cities.service.js';
import type { Indicator } from '../profiles.repository.js';

export const stageLabel = (ctx: PageContext, stage: string): string =>
  ctx.text(`cities.stage.${stage}` as MessageKey);

export const instrumentLabel = (ctx: PageContext, instrument: string): string =>
  ctx.text(`cities.instrument.${instrument}` as MessageKey);

export const transferLabel = (ctx: PageContext, status: string): string =>
  ctx.text(`cities.transfer.${status}` as MessageKey);

/** A value with its unit, in the reader's number format: "12.5 %", "1 234 EUR". */
export const valueText = (ctx: PageContext, value: number, unit: string): string =>
  `${new Intl.NumberFormat(ctx.locale, { maximumFractionDigits: 2 }).format(value)}\u00a0${unit}`;

export const nameOf = (ctx: PageContext, indicator: Indicator): string =>
  indicatorName(indicator, ctx.locale);

/**
 * The language of the name `nameOf` shows, when it is not the page's (a city's own indicator is
 * named in one language): for the element's lang attribute.
 */
export const nameLang = (ctx: PageContext, indicator: Indicator): string | undefined => {
  if (indicator.names[ctx.locale]) return undefined;
  const shown = indicator.names.en ? 'en' : Object.keys(indicator.names)[0];
  return shown === ctx.locale ? undefined : shown;
};

/** The language of the definition shown, when it is not the page's (as nameLang). */
export const definitionLang = (ctx: PageContext, indicator: Indicator): string | undefined => {
  if (indicator.definitions[ctx.locale]) return undefined;
  const shown = indicator.definitions.en ? 'en' : Object.keys(indicator.definitions)[0];
  return shown === ctx.locale ? undefined : shown;
};

/** The direction that is better, in words. */
export const directionText = (ctx: PageContext, indicator: Indicator): string =>
  indicator.higherIsBetter === null
    ? ''
    : ctx.text(indicator.higherIsBetter ? 'cities.indicator.higher' : 'cities.indicator.lower');
