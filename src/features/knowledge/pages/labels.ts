/** Names and addresses of the Knowledge Centre's sections and items, shared by its pages. */
import type { ItemType } from '../items.types.js';
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
