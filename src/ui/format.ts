/** How pages write dates, excerpts and vocabulary labels in the reader's language. */
import { dateTimeFormat } from '../platform/i18n/dates.js';
import type { PageContext } from './context.js';
import type { MessageKey } from './messages.js';

const LONG_DATE: Intl.DateTimeFormatOptions = { dateStyle: 'long', timeZone: 'UTC' };
const writtenDates = new Map<string, Map<string, string>>();

/**
 * A date (`2026-12-06`) as the reader's language writes it. Each is kept once written: a list
 * writes dozens, and the same ones on every page of it.
 */
export function formatDate(ctx: PageContext, date: string): string {
  let written = writtenDates.get(ctx.locale);
  if (!written) {
    written = new Map();
    writtenDates.set(ctx.locale, written);
  }
  let text = written.get(date);
  if (text === undefined) {
    // Dates come from the content: a bound, not an eviction policy.
    if (written.size >= 20_000) written.clear();
    text = dateTimeFormat(ctx.locale, LONG_DATE).format(new Date(`${date}T00:00:00Z`));
    written.set(date, text);
  }
  return text;
}

/** The first characters of a text, cut at a word. */
export function excerpt(text: string, length: number): string {
  if (text.length <= length) return text;
  const cut = text.slice(0, length);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), length / 2))}…`;
}

export const themeLabel = (ctx: PageContext, theme: string): string =>
  ctx.text(`vocabularies.theme.${theme}` as MessageKey);

/** "2.4 MB", "310 kB", in the reader's language. */
export function fileSize(bytes: number, locale: string): string {
  const [value, unit] =
    bytes >= 1_000_000 ? [bytes / 1_000_000, 'megabyte'] : [Math.max(1, bytes / 1000), 'kilobyte'];
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit,
    unitDisplay: 'short',
    maximumFractionDigits: value < 10 ? 1 : 0,
  }).format(value);
}
