/**
 * Reading documents' text in a worker thread: PDF, DOCX and ODT give their text; a damaged file,
 * a zip whose body part claims to be huge, and a file that takes too long each give a reason, and
 * never throw or stop the calling thread.
 */
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { docxDocument, odtDocument, pdfDocument } from '../../../test/support/documents.js';
import { DEFAULT_EXTRACTION_LIMITS, extractText } from './text-extraction.js';

describe('text extraction', () => {
  it('reads the text of PDF, DOCX and ODT documents', async () => {
    expect(
      await extractText('pdf', pdfDocument(['Housing rights in Graz', 'Droits (économiques)'])),
    ).toEqual({
      ok: true,
      text: 'Housing rights in Graz\nDroits (économiques)',
    });
    expect(await extractText('docx', docxDocument(['Wohnen in Wien', 'A & B']))).toEqual({
      ok: true,
      text: 'Wohnen in Wien\nA & B',
    });
    expect(await extractText('odt', odtDocument(['Diritto alla città']))).toEqual({
      ok: true,
      text: 'Diritto alla città',
    });
  });

  it('keeps at most the limit of characters', async () => {
    const outcome = await extractText('docx', docxDocument(['word '.repeat(1000)]), {
      ...DEFAULT_EXTRACTION_LIMITS,
      maxChars: 100,
    });
    expect(outcome.ok && outcome.text.length).toBe(100);
  });

  it('says why, rather than failing, for damaged, oversized or slow documents', async () => {
    expect(await extractText('pdf', Buffer.from('%PDF-1.4 nothing else'))).toEqual({
      ok: false,
      reason: 'unreadable',
    });
    expect(await extractText('docx', Buffer.from('PK not a zip'))).toEqual({
      ok: false,
      reason: 'unreadable',
    });
    // A body part that inflates to 70 MB is not even inflated (a zip bomb).
    const bomb = Buffer.from(
      zipSync({ 'word/document.xml': [strToU8(' '.repeat(70 * 1024 * 1024)), { level: 9 }] }),
    );
    expect(bomb.length).toBeLessThan(200_000);
    expect(await extractText('docx', bomb)).toEqual({ ok: false, reason: 'unreadable' });
    expect(
      await extractText('pdf', pdfDocument(['slow']), {
        ...DEFAULT_EXTRACTION_LIMITS,
        timeoutMs: 1,
      }),
    ).toEqual({ ok: false, reason: 'timeout' });
  });
});
