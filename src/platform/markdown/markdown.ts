/**
 * Markdown for all rich text: rendered with markdown-it (raw HTML off), then sanitised with
 * sanitize-html to an allow-list, so stored text can never inject script or styles.
 */
import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

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

/** Renders Markdown to safe HTML. */
export function renderMarkdown(source: string): string {
  return sanitizeHtml(markdown.render(source), allowed);
}

/** Sanitises HTML from a trusted-format source (e.g. a package) to the same allow-list. */
export function sanitiseHtml(html: string): string {
  return sanitizeHtml(html, allowed);
}
