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
