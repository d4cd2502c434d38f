/**
 * Markdown for all rich text: rendered with markdown-it (raw HTML off), then sanitised with
 * sanitize-html to an allow-list, so stored text can never inject script or styles.
 */
import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';
import { createMemo } from '../cache/memo.js';

const markdown = new MarkdownIt({ html: false, linkify: true, typographer: true });

const allowed: sanitizeHtml.IOptions = {
  allowedTags: [
    'h2',
    'h3',
    'h4',
    'p',
    'ul',
    'ol',
    'li',
    'a',
    'em',
    'strong',
    'blockquote',
    'code',
    'pre',
    'hr',
    'br',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    'abbr',
    'sup',
    'sub',
  ],
  allowedAttributes: { a: ['href', 'title', 'hreflang', 'lang'], abbr: ['title'], th: ['scope'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  transformTags: {
    // Headings start at h2: the page title is the only h1.
    h1: 'h2',
  },
};

/**
 * The HTML of the texts rendered last, keyed by their whole source: the same text always gives
 * the same HTML, and parsing and sanitising was a tenth of an uncached item page. Texts longer
 * than KEPT_TEXT_MAX are rendered each time, so the memo stays within a few megabytes.
 */
const rendered = createMemo<string>(128);
const KEPT_TEXT_MAX = 16_384;

/** Renders Markdown to safe HTML. */
export function renderMarkdown(source: string): string {
  const kept = rendered.get(source);
  if (kept !== undefined) return kept;
  const html = sanitizeHtml(markdown.render(source), allowed);
  if (source.length <= KEPT_TEXT_MAX) rendered.set(source, html);
  return html;
}

/** Sanitises HTML from a trusted-format source (e.g. a package) to the same allow-list. */
export function sanitiseHtml(html: string): string {
  return sanitizeHtml(html, allowed);
}
