/**
 * The digest e-mail: what is new in what a person follows, grouped by what they followed, each
 * entry with its title (a link), summary and address; a plain-text part saying the same. The
 * layout is the platform's (system fonts, one column, 16 px, high contrast), headings for the
 * groups so that screen readers can move between them. No images, no tracking.
 */
import { escapeHtml } from '@kitajs/html';
import type { OutgoingMail } from '../../platform/mail/mailer.js';
import { directionOf } from '../../ui/context.js';
import { oneClickUnsubscribe } from '../../platform/mail/signed-links.js';
import type { ShownNotification } from './reading.js';

export interface DigestContent {
  to: string;
  locale: string;
  subject: string;
  greeting: string;
  intro: string;
  groups: readonly { heading: string; entries: readonly ShownNotification[] }[];
  /** "Read it on the site", and where the person's notifications are. */
  more: { label: string; url: string };
  /** Why they receive it and how to change it. */
  footer: string;
  /** One-click stop of every kind in this message, and a link per kind. */
  unsubscribe: { url: string; perKind: readonly { label: string; url: string }[] };
  /** Stable per person and period: a digest sent again after a crash is the same message. */
  messageId: string;
}

const muted = 'margin:0 0 16px;font-size:14px;color:#4a5560';

export function composeDigest(content: DigestContent): OutgoingMail {
  const html = [
    '<!doctype html>',
    `<html lang="${escapeHtml(content.locale)}" dir="${directionOf(content.locale)}">`,
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(content.subject)}</title></head>`,
    '<body style="margin:0;padding:24px;font-family:system-ui,sans-serif;font-size:16px;line-height:1.5;color:#1b1f24;background:#ffffff">',
    '<div style="max-width:600px;margin:0 auto">',
    `<h1 style="margin:0 0 16px;font-size:22px">${escapeHtml(content.subject)}</h1>`,
    `<p style="margin:0 0 16px">${escapeHtml(content.greeting)}</p>`,
    `<p style="margin:0 0 16px">${escapeHtml(content.intro)}</p>`,
    ...content.groups.map(
      (group) =>
        `<h2 style="margin:24px 0 8px;font-size:20px">${escapeHtml(group.heading)}</h2>` +
        '<ul style="margin:0;padding:0 0 0 20px">' +
        group.entries
          .map(
            (entry) =>
              `<li style="margin:0 0 12px"><a href="${escapeHtml(entry.url)}"${
                entry.lang ? ` lang="${escapeHtml(entry.lang)}"` : ''
              } style="color:#0b5394">${escapeHtml(entry.title)}</a>` +
              (entry.summary
                ? `<br><span${entry.lang ? ` lang="${escapeHtml(entry.lang)}"` : ''}>${escapeHtml(entry.summary)}</span>`
                : '') +
              '</li>',
          )
          .join('') +
        '</ul>',
    ),
    `<p style="margin:24px 0"><a href="${escapeHtml(content.more.url)}" style="color:#0b5394">${escapeHtml(content.more.label)}</a></p>`,
    `<p style="${muted}">${escapeHtml(content.footer)}</p>`,
    `<ul style="${muted};padding:0 0 0 20px">`,
    ...content.unsubscribe.perKind.map(
      (link) =>
        `<li><a href="${escapeHtml(link.url)}" style="color:#4a5560">${escapeHtml(link.label)}</a></li>`,
    ),
    '</ul></div></body></html>',
  ].join('');
  const text = [
    content.greeting,
    content.intro,
    ...content.groups.map(
      (group) =>
        `## ${group.heading}\n\n` +
        group.entries
          .map((entry) =>
            [`* ${entry.title}`, entry.summary, entry.url].filter(Boolean).join('\n  '),
          )
          .join('\n\n'),
    ),
    `${content.more.label}:\n${content.more.url}`,
    '—',
    content.footer,
    ...content.unsubscribe.perKind.map((link) => `${link.label}:\n${link.url}`),
  ].join('\n\n');
  return {
    to: content.to,
    subject: content.subject,
    text: `${text}\n`,
    html,
    bulk: true,
    headers: {
      ...oneClickUnsubscribe(content.unsubscribe.url),
      'Message-ID': content.messageId,
      Precedence: 'bulk',
    },
  };
}
