/** How pages write dates, excerpts and vocabulary labels in the reader's language. */
import { dateTimeFormat } from '../platform/i18n/dates.js';
import type { PageContext } from './context.js';
import type { MessageKey } from './messages.js';

/** A date as the reader's language writes it. */
export function formatDate(ctx: PageContext, date: string): string {
  return dateTimeFormat(ctx.locale, { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${date}T00:00:00Z`),
  );
}

/** The first characters of a text, cut at a word. */
export function excerpt(text: string, length: number): string {
  if (text.length <= length) return text;
  const cut = text.slice(0, length);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), length / 2))}…`;
}

export const themeLabel = (ctx: PageContext, theme: string): string =>
  ctx.text(`vocabularies.theme.${theme}` as MessageKey);
