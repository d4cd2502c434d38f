/** Messages the platform sends, composed in the recipient's language. */
import { composeMail } from '../../platform/mail/compose.js';
import type { OutgoingMail } from '../../platform/mail/mailer.js';
import type { Translator } from '../../platform/i18n/catalogue.js';

/** The message of `hrcn mail test`: proves that mail reaches an address. */
export function testMessage(to: string, translator: Translator): OutgoingMail {
  return composeMail({
    to,
    locale: translator.locale,
    subject: translator.t('mail.test.subject'),
    greeting: translator.t('mail.test.greeting'),
    paragraphs: [translator.t('mail.test.body')],
    footer: translator.t('mail.footer'),
  });
}
