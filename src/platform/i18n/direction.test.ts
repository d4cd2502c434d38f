import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Catalogue } from './catalogue.js';
import { directionOf, isolated } from './direction.js';

const FSI = '\u2068';
const PDI = '\u2069';

describe('writing direction', () => {
  it('is right to left for Arabic and its regional variants only', () => {
    expect(directionOf('ar')).toBe('rtl');
    expect(directionOf('ar-MA')).toBe('rtl');
    expect(directionOf('en')).toBe('ltr');
    expect(directionOf('pt')).toBe('ltr');
  });

  it('isolates text of the other direction placed into a message, and nothing else', () => {
    expect(isolated('ana@example.org', 'ar')).toBe(`${FSI}ana@example.org${PDI}`);
    expect(isolated('Utrecht 2026', 'ar')).toBe(`${FSI}Utrecht 2026${PDI}`);
    expect(isolated('مدينة', 'ar')).toBe('مدينة');
    expect(isolated('مدينة حقوق الإنسان', 'en')).toBe(`${FSI}مدينة حقوق الإنسان${PDI}`);
    expect(isolated('Graz', 'en')).toBe('Graz');
  });

  it('isolates shown values in messages, never the values that choose a form', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'hrcn-bidi-'));
    try {
      for (const [locale, messages] of [
        ['en', { sent: 'Sent to {email}', kind: '{kind, select, news {News} other {Other}}' }],
        ['ar', { sent: 'أرسلت إلى {email}', kind: '{kind, select, news {أخبار} other {أخرى}}' }],
      ] as const) {
        await fs.mkdir(path.join(dir, locale));
        await fs.writeFile(path.join(dir, locale, 'x.json'), JSON.stringify(messages));
      }
      const catalogue = new Catalogue(dir);
      const arabic = catalogue.translator('ar');
      expect(arabic.t('x.sent', { email: 'ana@example.org' })).toBe(
        `أرسلت إلى ${FSI}ana@example.org${PDI}`,
      );
      expect(arabic.t('x.kind', { kind: 'news' })).toBe('أخبار');
      const english = catalogue.translator('en');
      expect(english.t('x.sent', { email: 'ana@example.org' })).toBe('Sent to ana@example.org');
      expect(english.t('x.sent', { email: 'سارة' })).toBe(`Sent to ${FSI}سارة${PDI}`);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
