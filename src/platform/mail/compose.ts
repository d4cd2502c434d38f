/**
 * One accessible layout for every message: a plain-text part and a simple HTML part with the
 * same content, in the recipient's language. Callers pass text already translated.
 */
import { escapeHtml } from '@kitajs/html';
import type { OutgoingMail } from './mailer.js';

export interface MailContent {
  to: string;
  /** BCP 47 language of the text, for lang and dir. */
  locale: string;
  dir?: 'ltr' | 'rtl';
  subject: string;
  greeting?: string;
  paragraphs: readonly string[];
  /** A link the message is about: shown as a button in HTML and as a plain address in text. */
  action?: { label: string; url: string };
  /** The last line, e.g. why the recipient receives this message. */
  footer: string;
  replyTo?: string;
  /** A calendar invitation sent with the message. */
  calendar?: OutgoingMail['calendar'];
  headers?: OutgoingMail['headers'];
}

/** Builds the text and HTML parts of a message. */
export function composeMail(content: MailContent): OutgoingMail {
  const blocks = [
    content.greeting,
    ...content.paragraphs,
    content.action ? `${content.action.label}:\n${content.action.url}` : undefined,
    '—',
    content.footer,
  ].filter((block): block is string => Boolean(block));
  const paragraph = (text: string): string => `<p style="margin:0 0 16px">${escapeHtml(text)}</p>`;
  const html = [
    '<!doctype html>',
    `<html lang="${escapeHtml(content.locale)}" dir="${content.dir ?? 'ltr'}">`,
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(content.subject)}</title></head>`,
    '<body style="margin:0;padding:24px;font-family:system-ui,sans-serif;font-size:16px;line-height:1.5;color:#1b1f24;background:#ffffff">',
    '<div style="max-width:600px;margin:0 auto">',
    content.greeting ? paragraph(content.greeting) : '',
    ...content.paragraphs.map(paragraph),
    content.action
      ? `<p style="margin:24px 0"><a href="${escapeHtml(content.action.url)}" style="display:inline-block;padding:12px 20px;background:#0b5394;color:#ffffff;text-decoration:none;border-radius:4px">${escapeHtml(content.action.label)}</a></p>` +
        `<p style="margin:0 0 16px;font-size:14px;color:#4a5560">${escapeHtml(content.action.url)}</p>`
      : '',
    `<p style="margin:32px 0 0;font-size:14px;color:#4a5560">${escapeHtml(content.footer)}</p>`,
    '</div></body></html>',
  ].join('');
  return {
    to: content.to,
    subject: content.subject,
    text: `${blocks.join('\n\n')}\n`,
    html,
    ...(content.replyTo ? { replyTo: content.replyTo } : {}),
    ...(content.calendar ? { calendar: content.calendar } : {}),
    ...(content.headers ? { headers: content.headers } : {}),
  };
}
