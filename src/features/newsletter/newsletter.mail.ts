/**
 * The newsletter's messages. An issue is plain, accessible HTML with inline styles (its subject a
 * heading, each picked entry a headed section with its link) and a full text part with the same
 * content; no image, no tracking pixel, no rewritten link: the site promises none. Every issue
 * carries its recipient's own one-click unsubscribe link (RFC 8058). The confirmation messages
 * use the platform's one layout.
 */
import { escapeHtml } from '@kitajs/html';
import type { Translator } from '../../platform/i18n/catalogue.js';
import { composeMail } from '../../platform/mail/compose.js';
import type { OutgoingMail } from '../../platform/mail/mailer.js';
import { oneClickUnsubscribe } from '../../platform/mail/signed-links.js';
import { renderMarkdown } from '../../platform/markdown/markdown.js';
import type { ReadIssue } from './issue.js';
import { directionOf } from '../../ui/context.js';

const MUTED = 'color:#4a5560';
const LINK = 'color:#0b5394';

/** What an issue's message needs besides the issue: whom, and their links. */
export interface IssueAddress {
  to: string;
  /** The recipient's interface language (the footer's). */
  t: Translator;
  unsubscribeUrl: string;
  /** The issue's page in the archive, when it is there for this reader. */
  onlineUrl: string | null;
  /** "[Test] " before the subject of a test. */
  test?: boolean;
}

/** The HTML part of an issue: a whole document, also served as the editors' preview. */
export function issueHtml(issue: ReadIssue, address: IssueAddress): string {
  const { t } = address;
  const site = t.t('common.site.name');
  const entries = issue.entries.map(
    (entry) =>
      `<section style="margin:0 0 24px"><h3 style="margin:0 0 4px;font-size:18px">` +
      `<a href="${escapeHtml(entry.url)}" style="${LINK}">${escapeHtml(entry.title)}</a></h3>` +
      (entry.description ? `<p style="margin:0">${escapeHtml(entry.description)}</p>` : '') +
      `</section>`,
  );
  return [
    '<!doctype html>',
    `<html lang="${escapeHtml(issue.locale)}" dir="${directionOf(issue.locale)}">`,
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(issue.subject)}</title></head>`,
    '<body style="margin:0;padding:24px;font-family:system-ui,sans-serif;font-size:16px;line-height:1.5;color:#1b1f24;background:#ffffff">',
    `<header style="max-width:600px;margin:0 auto 16px"><p style="margin:0;font-size:14px;${MUTED}">${escapeHtml(site)}</p></header>`,
    '<main style="max-width:600px;margin:0 auto">',
    `<h1 style="margin:0 0 16px;font-size:26px;line-height:1.25">${escapeHtml(issue.subject)}</h1>`,
    // Sanitised Markdown, headings from h2 (the platform's one renderer).
    renderMarkdown(issue.introduction),
    entries.length > 0
      ? `<h2 style="margin:32px 0 16px;font-size:20px">${escapeHtml(t.t('newsletter.mail.inThisIssue'))}</h2>${entries.join('')}`
      : '',
    '</main>',
    `<footer style="max-width:600px;margin:32px auto 0;font-size:14px;${MUTED}">`,
    address.onlineUrl
      ? `<p style="margin:0 0 8px"><a href="${escapeHtml(address.onlineUrl)}" style="${LINK}">${escapeHtml(t.t('newsletter.mail.online'))}</a></p>`
      : '',
    `<p style="margin:0 0 8px">${escapeHtml(t.t('newsletter.mail.why'))}</p>`,
    `<p style="margin:0"><a href="${escapeHtml(address.unsubscribeUrl)}" style="${LINK}">${escapeHtml(t.t('newsletter.mail.unsubscribe'))}</a></p>`,
    '</footer></body></html>',
  ].join('');
}

/** The text part of an issue: the same content, links written out. */
export function issueText(issue: ReadIssue, address: IssueAddress): string {
  const { t } = address;
  const entries = issue.entries.map((entry) =>
    [`## ${entry.title}`, entry.description ?? '', entry.url].filter(Boolean).join('\n'),
  );
  return `${[
    issue.subject,
    '='.repeat(Math.min(issue.subject.length, 70)),
    issue.introduction.replace(/\r\n/g, '\n').trim(),
    ...(entries.length > 0 ? [`# ${t.t('newsletter.mail.inThisIssue')}`, ...entries] : []),
    '—',
    ...(address.onlineUrl ? [`${t.t('newsletter.mail.online')}: ${address.onlineUrl}`] : []),
    t.t('newsletter.mail.why'),
    `${t.t('newsletter.mail.unsubscribe')}: ${address.unsubscribeUrl}`,
  ]
    .filter((block) => block !== '')
    .join('\n\n')}\n`;
}

/** An issue's message to one recipient. */
export function issueMail(issue: ReadIssue, address: IssueAddress): OutgoingMail {
  return {
    to: address.to,
    subject: address.test
      ? `${address.t.t('newsletter.mail.testPrefix')} ${issue.subject}`
      : issue.subject,
    text: issueText(issue, address),
    html: issueHtml(issue, address),
    headers: oneClickUnsubscribe(address.unsubscribeUrl),
    bulk: true,
  };
}

/** The link that proves an address asked for the newsletter. */
export function confirmationMail(to: string, t: Translator, confirmUrl: string): OutgoingMail {
  return composeMail({
    to,
    locale: t.locale,
    subject: t.t('newsletter.mail.confirm.subject'),
    paragraphs: [t.t('newsletter.mail.confirm.body'), t.t('newsletter.mail.confirm.ignore')],
    action: { label: t.t('newsletter.mail.confirm.action'), url: confirmUrl },
    footer: t.t('newsletter.mail.confirm.footer'),
  });
}

/** To an address subscribed already: nothing changes; how to stop, should they want to. */
export function alreadyMail(to: string, t: Translator, unsubscribeUrl: string): OutgoingMail {
  return composeMail({
    to,
    locale: t.locale,
    subject: t.t('newsletter.mail.already.subject'),
    paragraphs: [t.t('newsletter.mail.already.body')],
    action: { label: t.t('newsletter.mail.unsubscribe'), url: unsubscribeUrl },
    footer: t.t('newsletter.mail.confirm.footer'),
  });
}
