/**
 * The Experts' facility's e-mail and links. A question's follow link is derived from its id with
 * the app's secret, so that every message can carry it while the database keeps only its hash.
 */
import { dateTimeFormat } from '../../platform/i18n/dates.js';
import { createHmac } from 'node:crypto';
import { hashToken } from '../../platform/secrets.js';
import type { Catalogue } from '../../platform/i18n/catalogue.js';
import { composeMail } from '../../platform/mail/compose.js';
import type { Mailer } from '../../platform/mail/mailer.js';

/** What a message says: catalogue keys under experts.mail.<kind>. */
export type ExpertsMailKind =
  | 'confirm'
  | 'received'
  | 'assigned'
  | 'rejected'
  | 'merged'
  | 'answered'
  | 'answeredPrivately'
  | 'expertAssigned'
  | 'expertReminder'
  | 'expertOverdue'
  | 'editorsHelp'
  | 'editorsSubmitted';

export interface ExpertsMessage {
  to: string;
  locale: string;
  kind: ExpertsMailKind;
  /** Only for people who proved the address: a visitor's typed name is never mailed. */
  name?: string;
  /** Values of the message's placeholders. */
  values?: Record<string, string>;
  /** A day (YYYY-MM-DD) the message names as {due}, written out in the recipient's language. */
  due?: string;
  /** Text quoted after the message (a reason, an answer), as the desk wrote it. */
  quoted?: string;
  action?: string;
}

export function createExpertsMail(deps: {
  mailer: Mailer;
  catalogue: Catalogue;
  publicUrl: string;
  secret: string;
}) {
  const followToken = (id: string): string =>
    createHmac('sha256', deps.secret).update(`experts.follow:${id}`).digest('base64url');

  return {
    /** The hash of a question's follow token, as stored. */
    followTokenHash: (id: string): string => hashToken(followToken(id)),

    /** The address of the page where the asker follows a question, without an account. */
    followUrl: (locale: string, id: string): string =>
      `${deps.publicUrl}/${locale}/experts/questions/${followToken(id)}`,

    /** An address on the site, in a language. */
    url: (locale: string, path: string): string => `${deps.publicUrl}/${locale}${path}`,

    /** Sends one message in the recipient's language (English when it is not offered). */
    async send(message: ExpertsMessage): Promise<void> {
      const t = deps.catalogue.translator(
        deps.catalogue.isSupported(message.locale) ? message.locale : 'en',
      );
      const key = `experts.mail.${message.kind}`;
      const values = { ...message.values };
      if (message.due)
        values.due = dateTimeFormat(t.locale, {
          dateStyle: 'long',
          timeZone: 'UTC',
        }).format(new Date(`${message.due}T00:00:00Z`));
      // Experts and editors are written to for their role; askers because they used the form.
      const staff = /^(expert|editors)/.test(message.kind);
      const quoted = (message.quoted ?? '')
        .split(/\n\s*\n/)
        .map((block) => block.trim())
        .filter(Boolean);
      await deps.mailer.send(
        composeMail({
          to: message.to,
          locale: t.locale,
          subject: t.t(`${key}.subject`, values),
          greeting: message.name
            ? t.t('mail.greeting', { name: message.name })
            : t.t('experts.mail.greeting'),
          paragraphs: [t.t(`${key}.body`, values), ...quoted],
          action: message.action
            ? { label: t.t(`${key}.action`, values), url: message.action }
            : undefined,
          footer: t.t(staff ? 'experts.mail.staffFooter' : 'experts.mail.footer'),
        }),
      );
    },
  };
}

export type ExpertsMail = ReturnType<typeof createExpertsMail>;
