/**
 * Runs in a worker thread (text-extraction.ts): reads the text of one PDF, DOCX or ODT file and
 * posts it back. Kept apart from the web server's thread so that a hostile or broken document
 * (a zip bomb, a PDF that loops) costs this thread's time and memory limits, not the site's.
 */
import { unzipSync } from 'fflate';
import { Parser } from 'htmlparser2';
import { parentPort, workerData } from 'node:worker_threads';
import type { ExtractionInput, ExtractionOutcome } from './text-extraction.js';

const { input } = workerData as { input: ExtractionInput };

/** Largest XML part read from an office document (declared size, before inflating). */
const MAX_XML_BYTES = 64 * 1024 * 1024;

class Collected {
  text = '';
  constructor(private readonly maxChars: number) {}
  get full(): boolean {
    return this.text.length >= this.maxChars;
  }
  add(part: string): void {
    if (!this.full) this.text += part;
  }
}

async function pdfText(data: Uint8Array, out: Collected): Promise<void> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const document = await pdfjs.getDocument({
    data,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  }).promise;
  try {
    for (let number = 1; number <= document.numPages && !out.full; number++) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      for (const item of content.items) {
        if ('str' in item) out.add(item.str + (item.hasEOL ? '\n' : ''));
      }
      out.add('\n');
      page.cleanup();
    }
  } finally {
    await document.destroy();
  }
}

/** Text of the one XML part of a zip-packaged office document that holds the body. */
function xmlPart(data: Uint8Array, name: string): string {
  const entries = unzipSync(data, {
    filter: (file) => file.name === name && file.originalSize <= MAX_XML_BYTES,
  });
  const part = entries[name];
  if (!part) throw new Error(`no ${name} within ${MAX_XML_BYTES} bytes`);
  return new TextDecoder().decode(part);
}

/**
 * Walks the XML and keeps the text of the elements named in `textIn`, with a line break after
 * each paragraph and a space or tab for the elements that stand for one.
 */
function xmlText(
  xml: string,
  out: Collected,
  names: { text: string[]; paragraph: string[]; space: string[]; lineBreak: string[] },
): void {
  let depth = 0;
  const parser = new Parser(
    {
      onopentag(name) {
        if (names.text.includes(name)) depth++;
        if (names.space.includes(name)) out.add(' ');
        if (names.lineBreak.includes(name)) out.add('\n');
      },
      ontext(text) {
        if (depth > 0) out.add(text);
      },
      onclosetag(name) {
        if (names.text.includes(name)) depth = Math.max(0, depth - 1);
        if (names.paragraph.includes(name)) out.add('\n');
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.write(xml);
  parser.end();
}

function docxText(data: Uint8Array, out: Collected): void {
  xmlText(xmlPart(data, 'word/document.xml'), out, {
    text: ['w:t'],
    paragraph: ['w:p'],
    space: ['w:tab'],
    lineBreak: ['w:br', 'w:cr'],
  });
}

function odtText(data: Uint8Array, out: Collected): void {
  xmlText(xmlPart(data, 'content.xml'), out, {
    text: ['office:text'],
    paragraph: ['text:p', 'text:h'],
    space: ['text:s', 'text:tab'],
    lineBreak: ['text:line-break'],
  });
}

/** Collapses runs of blank space and drops characters PostgreSQL cannot store (NUL). */
const tidy = (text: string): string =>
  text
    .replaceAll('\u0000', '')
    .replace(/[ \t\f\v\u00a0]+/g, ' ')
    .replace(/ *\n[\s]*/g, '\n')
    .trim();

async function run(): Promise<ExtractionOutcome> {
  const out = new Collected(input.maxChars);
  try {
    if (input.kind === 'pdf') await pdfText(input.data, out);
    else if (input.kind === 'docx') docxText(input.data, out);
    else odtText(input.data, out);
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    return { ok: false, reason: name === 'PasswordException' ? 'encrypted' : 'unreadable' };
  }
  return { ok: true, text: tidy(out.text).slice(0, input.maxChars) };
}

parentPort?.postMessage(await run());
