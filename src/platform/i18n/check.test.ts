import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkCatalogues } from './check.js';

const SOURCE = fileURLToPath(new URL('../../', import.meta.url));

describe('message catalogues', () => {
  it('are complete in every language and every key is used', () => {
    expect(checkCatalogues(undefined, SOURCE)).toEqual([]);
  });

  it('catch a missing key, a broken message and a changed placeholder', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'hrcn-i18n-'));
    try {
      await fs.mkdir(path.join(dir, 'en'));
      await fs.mkdir(path.join(dir, 'fr'));
      await fs.writeFile(
        path.join(dir, 'en', 'x.json'),
        JSON.stringify({ a: 'A', b: 'Hello {name}', c: 'C' }),
      );
      await fs.writeFile(
        path.join(dir, 'fr', 'x.json'),
        JSON.stringify({ b: 'Bonjour {nom}', c: 'C {', d: 'D' }),
      );
      const problems = checkCatalogues(dir);
      expect(problems).toEqual(
        expect.arrayContaining([
          'fr: missing key x.a',
          'fr: unknown key x.d (not in en)',
          expect.stringContaining('fr: x.b uses {nom}'),
          expect.stringContaining('fr: x.c does not compile'),
        ]),
      );
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});

describe('adding a language', () => {
  it('is adding a folder of catalogues', async () => {
    const { Catalogue, LOCALES_DIR } = await import('./catalogue.js');
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'hrcn-locales-'));
    try {
      await fs.cp(LOCALES_DIR, dir, { recursive: true });
      await fs.cp(path.join(dir, 'en'), path.join(dir, 'pt'), { recursive: true });
      await fs.writeFile(
        path.join(dir, 'pt', 'common.json'),
        JSON.stringify({
          ...JSON.parse(await fs.readFile(path.join(dir, 'en', 'common.json'), 'utf8')),
          'nav.home': 'Início',
        }),
      );
      const catalogue = new Catalogue(dir);
      expect(catalogue.locales).toContain('pt');
      expect(catalogue.translator('pt').t('common.nav.home')).toBe('Início');
      expect(checkCatalogues(dir)).toEqual([]);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
