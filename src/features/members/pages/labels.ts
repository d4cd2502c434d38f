/** How an organisation's kind and membership read in the reader's language. */
import type { PageContext } from '../../../ui/context.js';
import type { MessageKey } from '../../../ui/messages.js';
import type { Membership, OrganisationKind } from '../members.repository.js';

export const kindLabel = (ctx: PageContext, kind: OrganisationKind | string): string =>
  ctx.text(`network.kind.${kind}` as MessageKey);

export const membershipLabel = (ctx: PageContext, membership: Membership | string): string =>
  ctx.text(`network.membership.${membership}` as MessageKey);

/** A municipality that is a guest or associate member has a human rights profile (cities/). */
export const isMemberCity = (organisation: { kind: string; membership: string }): boolean =>
  (organisation.kind === 'municipality' || organisation.kind === 'city-outside-eu') &&
  (organisation.membership === 'guest' || organisation.membership === 'associate');

/** The description in the reader's language, else English, else whichever there is. */
export function descriptionFor(
  descriptions: Record<string, string>,
  locale: string,
): { locale: string; text: string } | null {
  for (const candidate of [locale, 'en', ...Object.keys(descriptions)]) {
    const text = descriptions[candidate];
    if (text) return { locale: candidate, text };
  }
  return null;
}
