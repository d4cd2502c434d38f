/** Names and addresses of the Knowledge Centre's sections and items, shared by its pages. */
import { dateTimeFormat } from '../../../platform/i18n/dates.js';
import type { ItemStatus, ItemType } from '../items.types.js';
import type { KnowledgeSection } from '../knowledge.sections.js';
import type { PageContext } from '../../../ui/context.js';
import type { MessageKey } from '../../../ui/messages.js';

export function sectionTitle(ctx: PageContext, section: KnowledgeSection): string {
  return ctx.text(`knowledge.section.${section}` as MessageKey);
}

export const typeLabel = (ctx: PageContext, type: ItemType): string =>
  ctx.text(`knowledge.type.${type}` as MessageKey);

export const itemHref = (ctx: PageContext, item: { section: string; slug: string }): string =>
  ctx.href(`/knowledge/${item.section}/${item.slug}`);

/** An item's status as the editors read it. */
export const statusLabel = (ctx: PageContext, status: ItemStatus): string =>
  ctx.text(`editor.status.${status}` as MessageKey);
/** A field's name (the body's own, else the reader's). */
export const fieldLabel = (ctx: PageContext, field: string): string =>
  field === 'body'
    ? ctx.text('editor.field.body')
    : ctx.text(`knowledge.field.${field}` as MessageKey);
/** A moment to the minute, in UTC. */
export const dateTime = (ctx: PageContext, date: Date): string =>
  dateTimeFormat(ctx.locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'UTC',
  }).format(date) + ' UTC';
