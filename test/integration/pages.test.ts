import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { availableLocales } from '../../src/platform/i18n/catalogue.js';
import { buildTestApp, type TestApp } from '../support/app.js';

const LOCALES = availableLocales();
const PAGES = [
  '/',
  '/about',
  '/about/how-we-work',
  '/about/who-we-are',
  '/network',
  '/network/uclg',
  '/knowledge',
  '/knowledge/human-rights-framework',
  '/knowledge/publications',
  '/knowledge/institutions',
  '/knowledge/thematic-issues',
  '/knowledge/other-issues',
  '/knowledge/useful-links',
  '/knowledge/work-in-progress',
  '/experts',
  '/events',
  '/search',
  '/privacy',
  '/network/apply',
  '/sign-in',
  '/sign-up',
  '/forgot-password',
];

let app: TestApp;
beforeAll(async () => {
  app = await buildTestApp();
});
afterAll(async () => {
  await app.close();
});

describe('every page of the layout', () => {
  for (const locale of LOCALES) {
    it(`answers in ${locale}, with one h1, lang, hreflang and no untranslated keys`, async () => {
      for (const path of PAGES) {
        const response = await app.http.inject({ url: `/${locale}${path}` });
        expect(response.statusCode, path).toBe(200);
        const html = response.body;
        const dir = locale === 'ar' ? 'rtl' : 'ltr';
        expect(html, path).toMatch(new RegExp(`<html lang="${locale}" dir="${dir}">`));
        expect(html.match(/<h1[\s>]/g), path).toHaveLength(1);
        for (const other of LOCALES) {
          expect(html, path).toContain(`hreflang="${other}"`);
        }
        // A message key shown instead of its text ("common.nav.home") is a missing translation.
        expect(html, path).not.toMatch(
          />\s*(common|errors|home|knowledge|network|sections|setup)\.[a-zA-Z.-]+\s*</,
        );
      }
    });
  }

  it('keeps the current page in the language switcher', async () => {
    const response = await app.http.inject({ url: '/de/knowledge/useful-links' });
    expect(response.body).toContain('href="/fr/knowledge/useful-links"');
    expect(response.body).toContain('href="/en/knowledge/useful-links"');
  });

  it('shows the UDHR in the interface language, all 30 articles', async () => {
    const expected: Record<string, string> = {
      en: 'All human beings are born free and equal in dignity and rights',
      fr: 'Tous les êtres humains naissent libres et égaux en dignité et en droits',
      de: 'Alle Menschen sind frei und gleich an Würde und Rechten geboren',
      es: 'Todos los seres humanos nacen libres e iguales en dignidad y derechos',
      it: 'Tutti gli esseri umani nascono liberi ed eguali in dignità e diritti',
    };
    for (const [locale, sentence] of Object.entries(expected)) {
      const html = (await app.http.inject({ url: `/${locale}/knowledge/human-rights-framework` }))
        .body;
      expect(html).toContain(sentence);
      expect(html.match(/class="udhr-article"/g)).toHaveLength(30);
    }
  });

  it('lists the whole useful-links directory, marking addresses still to be added', async () => {
    const html = (await app.http.inject({ url: '/en/knowledge/useful-links' })).body;
    for (const title of [
      'Gwangju World Human Rights Cities Forum',
      'Zero-carbon City',
      'WFUNA SDG16+ Forum',
      'UN Refugees and Migrants',
      'UNESCO Learning Cities and the SDGs',
    ]) {
      expect(html).toContain(title);
    }
    expect(html).toContain('address to be added');
  });

  it('lists the associate members by kind and the institutions', async () => {
    const network = (await app.http.inject({ url: '/en/network' })).body;
    for (const name of [
      'Raoul Wallenberg Institute',
      'Global CAD',
      'University College Roosevelt',
      'US Human Rights Cities Alliance',
    ]) {
      expect(network).toContain(name);
    }
    const institutions = (await app.http.inject({ url: '/fr/knowledge/institutions' })).body;
    expect(institutions).toContain('Fundamental Rights');
    expect(institutions).toContain('United Cities and Local Governments');
  });
});

describe('vocabularies in filters', () => {
  it('group the themes by family and name each article of the UDHR', async () => {
    const list = (await app.http.inject({ url: '/en/knowledge/publications' })).body;
    expect(list).toContain('<optgroup label="Human rights themes">');
    expect(list).toContain('<optgroup label="Thematic cities">');
    expect(list).toContain('>Article 25 – Adequate standard of living</option>');
    const fr = (await app.http.inject({ url: '/fr/knowledge/publications' })).body;
    expect(fr).toContain('<optgroup label="Villes thématiques">');
  });
});

describe('the home page', () => {
  it('shows what is new: the Knowledge Centre, the newest members, each with its whole list', async () => {
    const home = (await app.http.inject({ url: '/en/' })).body;
    const fresh = home.slice(home.indexOf('<h2 id="new-title">'), home.indexOf('dimensions-title'));
    expect(fresh).toContain('What’s new');
    expect(fresh).toContain('Excellence Knowledge Centre');
    expect(fresh).toMatch(/href="\/en\/knowledge\/[a-z-]+\/[a-z0-9-]+"/);
    expect(fresh).toContain('Newest members');
    expect(fresh).toContain('href="/en/network/global-cad"');
    // Institutions listed as resources are not members.
    expect(fresh).not.toContain('href="/en/network/uclg"');
    expect(fresh).toContain('href="/en/network">All of “Newest members”</a>');
  });
});

describe('the map of the network', () => {
  it('is drawn on the server: the land as a cached asset, each member a link', async () => {
    const html = (await app.http.inject({ url: '/en/network' })).body;
    const map = /<figure class="map">([\s\S]*?)<\/figure>/.exec(html)?.[1] ?? '';
    expect(map).toContain('href="/en/network/raoul-wallenberg-institute"');
    expect(map).toContain('href="/en/network/global-cad"');
    expect(map).not.toContain('fundamental-rights-agency'); // an institution, not a member
    const land = /<image href="(\/assets\/world-land\.[0-9a-f]{10}\.svg)"/.exec(map)?.[1] ?? '';
    const asset = await app.http.inject({ url: land });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['content-type']).toBe('image/svg+xml');
    expect(asset.headers['cache-control']).toContain('immutable');
  });
});

describe('languages', () => {
  it('include Arabic, right to left, Portuguese and Dutch, each with its own formats', async () => {
    expect(LOCALES).toEqual(expect.arrayContaining(['ar', 'pt', 'nl']));
    const arabic = await app.http.inject({ url: '/ar/knowledge/useful-links' });
    expect(arabic.body).toContain('<html lang="ar" dir="rtl">');
    expect(arabic.body).toContain('>العربية</a>');
    expect(arabic.body).toContain('lang="pt">Português</a>');
    expect(arabic.body).toContain('lang="nl">Nederlands</a>');
    const dutch = await app.http.inject({ url: '/nl/sign-in' });
    expect(dutch.body).toContain('<html lang="nl" dir="ltr">');
    expect(dutch.body).toContain('Inloggen');
    const portuguese = await app.http.inject({ url: '/pt/sign-in' });
    expect(portuguese.body).toContain('Iniciar sessão');
  });

  it('mark English content in an Arabic page with its language, and name it in Arabic', async () => {
    const slug = 'ar-untranslated-guide';
    await app.database.db.execute(sql`
      INSERT INTO items (type, section, slug, access, status, published_at, date, original_locale,
                         restricted_fields)
      VALUES ('publication', 'publications', ${slug}, 'public', 'published', now(), '2026-11-02',
              'en', '{}')`);
    await app.database.db.execute(sql`
      INSERT INTO item_translations (item_id, locale, title, summary, body, fields)
      SELECT id, 'en', 'Housing first in Utrecht', 'How the city did it.', 'Text.', '{}'
        FROM items WHERE slug = ${slug}`);
    await app.contentChanged();
    const page = await app.http.inject({ url: `/ar/knowledge/publications/${slug}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<html lang="ar" dir="rtl">');
    expect(page.body).toMatch(/<h1 lang="en">Housing first in Utrecht<\/h1>/);
    // The notice names English in Arabic; the date is written the Arabic way.
    expect(page.body).toContain('الإنجليزية');
    expect(page.body).toContain('نوفمبر');
  });

  it('negotiates / from Accept-Language', async () => {
    const french = await app.http.inject({
      url: '/',
      headers: { 'accept-language': 'fr-CH, fr;q=0.9, en;q=0.5' },
    });
    expect(french.statusCode).toBe(302);
    expect(french.headers.location).toBe('/fr/');
    expect(french.headers.vary).toContain('Accept-Language');
    const unknown = await app.http.inject({ url: '/', headers: { 'accept-language': 'ja' } });
    expect(unknown.headers.location).toBe('/en/');
  });

  it('answers an unsupported locale with a localised 404', async () => {
    const response = await app.http.inject({
      url: '/xx/knowledge',
      headers: { 'accept-language': 'de' },
    });
    expect(response.statusCode).toBe(404);
    expect(response.body).toContain('<html lang="de"');
  });
});

describe('errors', () => {
  it('shows a localised 404 page with a way on', async () => {
    const response = await app.http.inject({ url: '/es/knowledge/nothing-here' });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toContain('text/html');
    expect(response.body).toContain('<html lang="es"');
    expect(response.body).toContain('href="/es/search"');
  });

  it('answers JSON under /api/', async () => {
    const response = await app.http.inject({ url: '/api/nothing' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ error: { code: 'errors.notFound.message' } });
  });
});

describe('search', () => {
  it('finds links, pages and organisations, accent-insensitively', async () => {
    const html = (await app.http.inject({ url: '/en/search?q=habitat' })).body;
    expect(html).toContain('Habitat International Coalition');
    const page = (await app.http.inject({ url: '/en/search?q=wallenberg' })).body;
    expect(page).toContain('/en/network/raoul-wallenberg-institute');
  });

  it('refuses an over-long query with a clear message and keeps it in the field', async () => {
    const response = await app.http.inject({ url: `/fr/search?q=${'a'.repeat(201)}` });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('aria-invalid="true"');
    expect(response.body).toContain('a'.repeat(201));
  });

  it('treats search syntax and SQL-looking input as text', async () => {
    for (const q of ["'; DROP TABLE pages; --", '%_\\', '"unclosed', 'a & | ! b']) {
      const response = await app.http.inject({ url: `/en/search?q=${encodeURIComponent(q)}` });
      expect(response.statusCode, q).toBe(200);
    }
  });
});
