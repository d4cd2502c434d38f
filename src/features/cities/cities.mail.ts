/** The profile's e-mails: its admins told of an editor's decision, in their own language. */
import type { Catalogue } from '../../platform/i18n/catalogue.js';
import { composeMail } from '../../platform/mail/compose.js';
import type { Mailer } from '../../platform/mail/mailer.js';

export type ProfileMailKind = 'approved' | 'changes';

export interface ProfileMailRecipient {
  email: string;
  name: string;
  locale: string;
}

export function createProfileMail(deps: {
  catalogue: Catalogue;
  mailer: Mailer;
  publicUrl: string;
}) {
  return async (
    recipients: readonly ProfileMailRecipient[],
    kind: ProfileMailKind,
    city: { slug: string; name: string },
    note: string,
  ): Promise<void> => {
    for (const person of recipients) {
      const t = deps.catalogue.translator(
        deps.catalogue.isSupported(person.locale) ? person.locale : 'en',
      );
      const path = kind === 'approved' ? `/cities/${city.slug}` : `/network/${city.slug}/profile`;
      await deps.mailer.send(
        composeMail({
          to: person.email,
          locale: t.locale,
          subject: t.t(`cities.mail.${kind}.subject`, { city: city.name }),
          greeting: t.t('mail.greeting', { name: person.name }),
          paragraphs: [
            t.t(`cities.mail.${kind}.body`, { city: city.name }),
            ...(note ? [note] : []),
          ],
          action: {
            label: t.t(`cities.mail.${kind}.action`),
            url: `${deps.publicUrl}/${t.locale}${path}`,
          },
          footer: t.t('membership.mail.footerMember'),
        }),
      );
    }
  };
}

export type ProfileMail = ReturnType<typeof createProfileMail>;
