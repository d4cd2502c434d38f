import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Catalogue } from './catalogue.js';

let dir: string;
let catalogue: Catalogue;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'hrcn-catalogue-'));
  for (const [locale, messages] of [
    [
      'en',
      {
        count: '{count, plural, =0 {No items} one {# item} other {# items}}',
        page: 'Page {page} of {pages}',
        year: 'In {year}',
      },
    ],
    ['fr', { count: '{count, plural, =0 {Aucun élément} one {# élément} other {# éléments}}' }],
  ] as const) {
    await fs.mkdir(path.join(dir, locale));
    await fs.writeFile(path.join(dir, locale, 'x.json'), JSON.stringify(messages));
  }
  catalogue = new Catalogue(dir);
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('a message of one number', () => {
  it('is written for each number, the same when asked again, in each language', () => {
    const english = catalogue.translator('en');
    const french = catalogue.translator('fr');
    for (let round = 0; round < 2; round++) {
      expect(english.t('x.count', { count: 0 })).toBe('No items');
      expect(english.t('x.count', { count: 1 })).toBe('1 item');
      expect(english.t('x.count', { count: 1200 })).toBe('1,200 items');
      expect(french.t('x.count', { count: 1200 })).toBe('1\u202f200 éléments');
      expect(french.html('x.count', { count: 2 })).toBe('2 éléments');
      expect(english.t('x.year', { year: 2026 })).toBe('In 2026');
    }
  });

  it('keeps a bounded number of texts, and goes on writing new numbers right', () => {
    const english = catalogue.translator('en');
    for (let count = 2; count < 2_000; count++)
      expect(english.t('x.count', { count })).toBe(`${count.toLocaleString('en')} items`);
    expect(english.t('x.count', { count: 1 })).toBe('1 item');
  });

  it('with other values besides is written anew each time', () => {
    const english = catalogue.translator('en');
    expect(english.t('x.page', { page: 2, pages: 3 })).toBe('Page 2 of 3');
    expect(english.t('x.page', { page: 2, pages: 4 })).toBe('Page 2 of 4');
  });
});
