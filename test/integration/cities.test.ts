/**
 * Cities' human rights profiles through HTTP: a city's admin fills its stage, a commitment and
 * indicator values (bad values refused with clear messages, nothing typed lost), sends it for
 * review; an editor approves; readers see the approved copy, members-only values only as members,
 * on the page, its chart and table, the CSV, the API and the comparison; a practice taken up is
 * shown on both cities and on the practice.
 */
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { FormBrowser } from '../support/form-browser.js';
import { dialogueHelpers } from '../support/dialogue.js';
import { organisersWorld } from '../support/organisers.js';

const world = organisersWorld();
const { member } = dialogueHelpers(world);

/** A member city of the network, with its admin signed in. */
async function city(name: string, ip: string) {
  const slug = name.toLowerCase();
  const rows = await world.app.database.db.execute<{ id: string }>(sql`
    INSERT INTO organisations (slug, name, kind, membership, status, country, city)
    VALUES (${slug}, ${name}, 'municipality', 'guest', 'active', 'AT', ${name}) RETURNING id`);
  const id = rows.rows[0]?.id ?? '';
  const admin = await member(`${name} Admin`, id, ip);
  await world.app.database.db.execute(sql`
    UPDATE organisation_members SET role = 'admin' WHERE organisation_id = ${id}`);
  await world.app.database.db.execute(sql`
    UPDATE users SET role = 'organisation-admin'
     WHERE id IN (SELECT user_id FROM organisation_members WHERE organisation_id = ${id})`);
  return { slug, admin, base: `/en/network/${slug}/profile` };
}

const valueRows = (rows: Record<string, string>[]) =>
  Object.fromEntries(
    rows.flatMap((row, index) =>
      Object.entries(row).map(([name, value]) => [`${name}_${index}`, value]),
    ),
  );

describe('a city’s human rights profile', () => {
  it('is kept by its admins, refused when wrong, approved by an editor, read by everyone', async () => {
    const graz = await city('Graz', '127.0.1.1');
    const visitor = new FormBrowser(world.app, '127.0.1.9');
    expect((await visitor.get(graz.base)).statusCode).toBe(303);
    expect((await graz.admin.get(graz.base)).statusCode).toBe(200);

    const stage = await graz.admin.submit(graz.base, `${graz.base}/stage`, {
      stage: 'declared',
      step_interested: '2000-01-10',
      step_declared: '2099-01-01',
    });
    expect(stage.statusCode).toBe(422);
    expect(stage.body).toContain('Enter a date that has come');
    expect(stage.body).toContain('value="2000-01-10"');
    expect(
      (
        await graz.admin.submit(graz.base, `${graz.base}/stage`, {
          stage: 'declared',
          step_interested: '2000-01-10',
          step_declared: '2001-02-08',
        })
      ).statusCode,
    ).toBe(303);
    expect(
      (
        await graz.admin.submit(graz.base, `${graz.base}/commitments`, {
          name: 'Graz human rights city declaration',
          instrument: 'declaration',
          date: '2001-02-08',
          url: 'https://www.graz.at/',
        })
      ).statusCode,
    ).toBe(303);

    // Text for a number, a year to come, another unit, a missing source: each said, all kept.
    const bad = await graz.admin.submit(
      graz.base,
      `${graz.base}/values`,
      valueRows([
        { indicator: 'women-in-council', year: '2023', value: 'about forty', source: 'Council' },
        { indicator: 'women-in-council', year: '2099', value: '41', source: 'Council' },
        { indicator: 'women-in-council', year: '2024', value: '12 EUR', source: 'Council' },
        { indicator: 'women-in-council', year: '2022', value: '38', source: '' },
      ]),
    );
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('Enter the value as a number');
    expect(bad.body).toContain('values of future years cannot be reported');
    expect(bad.body).toContain('another unit than the indicator’s');
    expect(bad.body).toContain('Enter where the value comes from');
    expect(bad.body).toContain('value="about forty"');
    expect(bad.body).toContain('value="12 EUR"');
    // The same year twice, a figure no city has, a unit written in markup: refused too.
    const twice = await graz.admin.submit(
      graz.base,
      `${graz.base}/values`,
      valueRows([
        { indicator: 'women-in-council', year: '2023', value: '38', source: 'Council' },
        { indicator: 'women-in-council', year: '2023', value: '39', source: 'Council' },
        { indicator: 'women-in-council', year: '2022', value: '99999999999999999', source: 'C' },
      ]),
    );
    expect(twice.statusCode).toBe(422);
    expect(twice.body).toContain('give each year once');
    expect(twice.body).toContain('Enter the value as a number');
    const markup = await graz.admin.submit(graz.base, `${graz.base}/indicators`, {
      indicatorName: 'Benches',
      unit: '<b>benches</b>',
      direction: 'higher',
    });
    expect(markup.statusCode).toBe(422);
    expect(markup.body).toContain('Enter the unit in letters, figures and signs');
    const own = await graz.admin.submit(graz.base, `${graz.base}/indicators`, {
      indicatorName: 'Public benches',
      unit: 'per km',
      direction: 'higher',
    });
    expect(own.statusCode).toBe(303);
    const draft = await world.app.database.db.execute<{ n: number }>(sql`
      SELECT jsonb_array_length(draft->'values') AS n FROM city_profiles p
        JOIN organisations o ON o.id = p.organisation_id WHERE o.slug = 'graz'`);
    expect(draft.rows[0]?.n).toBe(0);

    const good = await graz.admin.submit(
      graz.base,
      `${graz.base}/values`,
      valueRows([
        { indicator: 'women-in-council', year: '2023', value: '38.5 %', source: 'Council records' },
        { indicator: 'women-in-council', year: '2024', value: '41', source: 'Council records' },
        {
          indicator: 'housing-cost-overburden',
          year: '2024',
          value: '7,5',
          source: 'Internal housing survey',
          members: 'yes',
        },
        { indicator: 'graz-public-benches', year: '2024', value: '3', source: 'Parks office' },
      ]),
    );
    expect(good.statusCode).toBe(303);
    // Not public before an editor approves.
    expect((await visitor.get('/en/cities/graz')).body).toContain('has not published');

    expect((await graz.admin.submit(graz.base, `${graz.base}/submit`, {})).statusCode).toBe(303);
    // A change after sending withdraws it: an editor approves only what they read.
    await graz.admin.submit(graz.base, `${graz.base}/stage`, {
      stage: 'declared',
      step_interested: '2000-01-10',
      step_declared: '2001-02-08',
    });
    const stale = await world.editor.submit(
      '/en/editor/indicators',
      '/en/editor/cities/graz/approve',
      {},
    );
    expect(stale.headers.location).toBe('/en/editor/cities/graz');
    expect((await visitor.get('/en/cities/graz')).body).toContain('has not published');
    expect((await graz.admin.submit(graz.base, `${graz.base}/submit`, {})).statusCode).toBe(303);
    const queue = await world.editor.get('/en/editor/cities');
    expect(queue.body).toContain('Graz');
    const review = await world.editor.get('/en/editor/cities/graz');
    expect(review.body).toContain('Women in the municipal council');
    const approved = await world.editor.submit(
      '/en/editor/cities/graz',
      '/en/editor/cities/graz/approve',
      {},
    );
    expect(approved.statusCode).toBe(303);

    const told = world.smtp.received.find(
      (mail) =>
        JSON.stringify(mail.to).includes('graz.admin@example.org') &&
        mail.subject === 'The human rights profile of Graz is published',
    );
    expect(told?.text).toContain('/en/cities/graz');
    const page = await visitor.get('/en/cities/graz');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Graz human rights city declaration');
    expect(page.body).toContain('<svg viewBox="0 0 640 300" role="img"');
    expect(page.body).toContain('Women in the municipal council in Graz: values by year');
    expect(page.body).toContain('38.5');
    expect(page.body).toContain('"@type":"City"');
    // The city's own indicator is named in English only: marked so on a French page.
    expect((await visitor.get('/fr/cities/graz')).body).toContain(
      '<h3 id="indicator-graz-public-benches" lang="en">Public benches</h3>',
    );
    // The members-only value: for members only, on every channel.
    for (const path of [
      '/en/cities/graz',
      '/api/cities/graz',
      '/en/cities/graz/export.csv',
      '/en/search?q=housing+survey',
    ])
      expect((await visitor.get(path)).body, path).not.toContain('Internal housing survey');
    expect((await graz.admin.get('/en/cities/graz')).body).toContain('Internal housing survey');
    const csv = await visitor.get('/en/cities/graz/export.csv?indicator=women-in-council');
    expect(csv.body).toContain('2023,38.5,%,Council records');
    const api = JSON.parse((await visitor.get('/api/cities/graz')).body) as {
      stage: string;
      values: { year: number; value: number }[];
    };
    expect(api.stage).toBe('declared');
    expect(api.values.map((value) => value.value)).toEqual([3, 38.5, 41]);
  });

  it('compares cities, and shows a practice taken up on both cities and on the practice', async () => {
    const utrecht = await city('Utrecht', '127.0.1.2');
    const { db } = world.app.database;
    await db.execute(sql`
      WITH item AS (
        INSERT INTO items (type, section, slug, status, published_at, date, original_locale)
        VALUES ('practice', 'good-practices', 'graz-human-rights-council', 'published',
                '2026-01-01', '2026-01-01', 'en')
        RETURNING id)
      INSERT INTO item_translations (item_id, locale, title, summary)
      SELECT id, 'en', 'Graz human rights council', 'A council that advises the city.' FROM item`);
    expect(
      (
        await utrecht.admin.submit(utrecht.base, `${utrecht.base}/values`, {
          indicator_0: 'women-in-council',
          year_0: '2024',
          value_0: '45',
          source_0: 'Gemeente Utrecht',
        })
      ).statusCode,
    ).toBe(303);
    const missing = await utrecht.admin.submit(utrecht.base, `${utrecht.base}/commitments`, {
      name: 'Utrecht human rights agenda',
      instrument: 'local-strategy',
      date: '2024-01-15',
      document: 'no-such-item',
    });
    expect(missing.statusCode).toBe(422);
    expect(missing.body).toContain('No Knowledge Centre item has this address.');
    await utrecht.admin.submit(utrecht.base, `${utrecht.base}/commitments`, {
      name: 'Utrecht human rights agenda',
      instrument: 'local-strategy',
      date: '2024-01-15',
      document: 'graz-human-rights-council',
    });
    const transfer = await utrecht.admin.submit(utrecht.base, `${utrecht.base}/transfers`, {
      practice: 'graz-human-rights-council',
      from: 'graz',
      status: 'adapting',
      started: '2025-03-01',
      changed: 'Utrecht set up an advisory council of residents.',
    });
    expect(transfer.statusCode).toBe(303);
    await utrecht.admin.submit(utrecht.base, `${utrecht.base}/submit`, {});
    // Changes asked first: the note is required, and the admins read it by e-mail and on the page.
    const empty = await world.editor.submit(
      '/en/editor/cities/utrecht',
      '/en/editor/cities/utrecht/changes',
      { note: '' },
    );
    expect(empty.statusCode).toBe(422);
    expect(empty.body).toContain('Say what should change');
    await world.editor.submit('/en/editor/cities/utrecht', '/en/editor/cities/utrecht/changes', {
      note: 'Please give the source of the 2024 value.',
    });
    const asked = world.smtp.received.find(
      (mail) =>
        JSON.stringify(mail.to).includes('utrecht.admin@example.org') &&
        mail.subject === 'The profile of Utrecht: an editor asks for changes',
    );
    expect(asked?.text).toContain('Please give the source of the 2024 value.');
    expect((await utrecht.admin.get(utrecht.base)).body).toContain(
      'Please give the source of the 2024 value.',
    );
    await utrecht.admin.submit(utrecht.base, `${utrecht.base}/submit`, {});
    await world.editor.submit('/en/editor/cities/utrecht', '/en/editor/cities/utrecht/approve', {});

    const visitor = new FormBrowser(world.app, '127.0.1.9');
    const utrechtPage = (await visitor.get('/en/cities/utrecht')).body;
    expect(utrechtPage).toContain('Utrecht set up an advisory council of residents.');
    expect(utrechtPage).toContain('href="/en/knowledge/good-practices/graz-human-rights-council"');
    expect((await visitor.get('/en/network/utrecht')).body).toContain('href="/en/cities/utrecht"');
    expect((await visitor.get('/en/cities/graz')).body).toContain(
      'This city’s practices taken up by others',
    );
    const practice = await visitor.get('/en/knowledge/good-practices/graz-human-rights-council');
    expect(practice.body).toContain('Cities that took this practice up');
    expect(practice.body).toContain('/en/cities/utrecht');

    const compare = await visitor.get(
      '/en/cities/compare?city=graz&city=utrecht&indicator=women-in-council',
    );
    expect(compare.statusCode).toBe(200);
    expect(compare.body).toContain('Women in the municipal council: values by year and city');
    expect(compare.body).toContain('class="chart-series chart-series-1"');
    const csv = await visitor.get(
      '/en/cities/compare.csv?city=graz&city=utrecht&indicator=women-in-council&show=women-in-council',
    );
    expect(csv.body).toContain('Utrecht,Women in the municipal council,2024,45,%,Gemeente Utrecht');
    const one = await visitor.get('/en/cities/compare?city=graz');
    expect(one.body).toContain('Choose at least two cities to compare.');
  });
});
