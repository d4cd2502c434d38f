/** The membership module's e-mails: each step of an application, an invitation, and a request to join. */
import type { Catalogue } from '../../platform/i18n/catalogue.js';
import { composeMail } from '../../platform/mail/compose.js';
import type { Mailer } from '../../platform/mail/mailer.js';

export type MembershipMailKind =
  | 'received'
  | 'toReview'
  | 'approved'
  | 'rejected'
  | 'moreInformation'
  | 'invited'
  | 'joinRequested'
  | 'joinAccepted'
  | 'joinDeclined';

/** Sends one membership e-mail in the recipient's language (English when it is not offered). */
export function createMembershipMail(deps: { catalogue: Catalogue; mailer: Mailer }) {
  return async (
    to: string,
    locale: string,
    kind: MembershipMailKind,
    values: Record<string, string>,
    action?: { url: string; label: MembershipMailKind },
  ): Promise<void> => {
    const t = deps.catalogue.translator(deps.catalogue.isSupported(locale) ? locale : 'en');
    await deps.mailer.send(
      composeMail({
        to,
        locale: t.locale,
        subject: t.t(`membership.mail.${kind}.subject`, values),
        greeting: t.t('mail.greeting', { name: values.name ?? '' }),
        paragraphs: [t.t(`membership.mail.${kind}.body`, values)],
        action: action
          ? { label: t.t(`membership.mail.${action.label}.action`), url: action.url }
          : undefined,
        footer: t.t(
          kind === 'received' ||
            kind === 'approved' ||
            kind === 'rejected' ||
            kind === 'moreInformation'
            ? 'membership.mail.footer'
            : 'membership.mail.footerMember',
        ),
      }),
    );
  };
}
