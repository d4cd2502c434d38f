/**
 * The members layer never leaks. Members-only items hold canary strings; every anonymous output
 * the platform has so far is crawled and must not contain any. Kinds of content are also checked
 * on every channel through their contract, whatever kinds are registered (content-kinds.test.ts);
 * this crawl covers what is not a kind: pages, teasers, files, people, error pages.
 */
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkGroups, links, pages } from '../../src/features/knowledge/knowledge.schema.js';
import { users } from '../../src/features/access/access.schema.js';
import { organisations, profiles } from '../../src/features/members/members.schema.js';
import { readOutbox } from '../../src/platform/mail/mailer.js';
import { refreshSearchDocuments } from '../../src/features/knowledge/index.js';
import { pdfDocument } from '../support/documents.js';
import { CRAWL_LIMIT, crawl } from '../support/crawl.js';
import { FormBrowser } from '../support/form-browser.js';
import { buildTestApp, type TestApp } from '../support/app.js';

const CANARY = 'CANARY-7f3a9c-members-only';

/** Answered questions: one public (no canary), one for members, one private, one still a draft. */
const ANSWER = {
  public: '00000000-0000-4000-8000-0000000a0001',
  members: '00000000-0000-4000-8000-0000000a0002',
  private: '00000000-0000-4000-8000-0000000a0003',
  draft: '00000000-0000-4000-8000-0000000a0004',
} as const;

/** Every channel that carries Knowledge Centre content, searched for the canaries. */
const CONTENT_CHANNELS = [
  '/en/search?q=CANARY',
  '/en/search?q=housing',
  '/en/search?q=canari',
  '/api/search?q=CANARY',
  '/api/search?q=housing',
  '/en/search?q=summary',
  '/api/search?q=question',
  '/en/knowledge/publications/canary-members-item',
  '/en/knowledge/good-practices/open-practice',
  '/en/knowledge/good-practices?theme=housing',
  '/en/knowledge/publications/feed.atom',
  '/fr/knowledge/good-practices/feed.rss',
  '/en/knowledge/themes/housing/feed.atom',
  '/sitemap.xml',
  '/sitemap-pages.xml',
  '/sitemap-items-1.xml',
  '/api/items?section=publications',
  '/api/items/canary-members-item',
  '/api/items/open-practice',
  '/en/knowledge/publications/export.csv',
  '/en/knowledge/good-practices/export.json',
  '/oai?verb=ListRecords&metadataPrefix=oai_dc',
  // The Experts' facility: questions not (yet) published appear nowhere, nor answers for members
  // (a teaser) or sent privately.
  '/en/experts',
  '/en/experts/ask',
  '/en/experts/answers',
  '/en/experts/answers?theme=housing',
  '/fr/experts/answers?theme=education',
  `/en/experts/answers/${ANSWER.public}`,
  `/en/experts/answers/${ANSWER.members}`,
  '/oai?verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:localhost:canary-members-item',
  // Attached files: the public one is served; the others answer "for members" (403).
  '/en/files/00000000-0000-4000-8000-00000000f001/open-annex.pdf',
  '/en/files/00000000-0000-4000-8000-00000000f002/members-annex.pdf',
  '/en/files/00000000-0000-4000-8000-00000000f003/members-item-report.pdf',
];

/** Channels that answer a reader outside the members layer with 403 rather than a teaser page. */
const REFUSED = new Set([
  `/en/experts/answers/${ANSWER.members}`,
  '/api/items/canary-members-item',
  '/en/files/00000000-0000-4000-8000-00000000f002/members-annex.pdf',
  '/en/files/00000000-0000-4000-8000-00000000f003/members-item-report.pdf',
]);

let app: TestApp;
let personId = '';
beforeAll(async () => {
  app = await buildTestApp();
  const { db } = app.database;
  // A members-only version of a public page, a members-only page, group and link.
  await db.insert(pages).values([
    {
      slug: 'how-we-work',
      locale: 'fr',
      title: `${CANARY} title`,
      summary: CANARY,
      body: CANARY,
      access: 'members',
    },
    {
      slug: 'work-in-progress',
      locale: 'de',
      title: `${CANARY} wip`,
      summary: CANARY,
      body: CANARY,
      access: 'members',
    },
  ]);
  const [group] = await db
    .insert(linkGroups)
    .values({ key: 'members-group', title: `${CANARY} group`, position: 99, access: 'members' })
    .returning();
  const [publicGroup] = await db
    .select()
    .from(linkGroups)
    .where(eq(linkGroups.key, 'refugees-and-migrants'));
  await db.insert(links).values([
    {
      groupId: group?.id ?? '',
      title: `${CANARY} link in hidden group`,
      url: 'https://canary.example',
      position: 0,
    },
    {
      groupId: publicGroup?.id ?? '',
      title: `${CANARY} members link`,
      url: 'https://canary.example',
      position: 99,
      access: 'members',
    },
  ]);
  // An organisation's members-only contact person.
  await db
    .update(organisations)
    .set({
      contactName: `${CANARY} contact`,
      contactEmail: 'canary@canary.example',
      contactPhone: '+00 CANARY',
    })
    .where(eq(organisations.slug, 'uclg'));
  // A person whose profile is public in part, members-only and private in the rest.
  const [person] = await db
    .insert(users)
    .values({
      name: 'Public Person',
      email: 'canary-person@canary.example',
      emailVerified: true,
      role: 'expert',
    })
    .returning();
  personId = person?.id ?? '';
  await db.insert(profiles).values({
    userId: personId,
    affiliation: 'A public affiliation',
    position: `${CANARY} position`,
    expertise: [`${CANARY} expertise`],
    themes: ['housing'],
    languages: ['fr'],
    visibility: {
      affiliation: 'public',
      position: 'members',
      expertise: 'nobody',
      themes: 'members',
      languages: 'members',
    },
    inDirectory: true,
  });
  // Knowledge Centre items: one wholly for members, one public with a members-only part.
  await db.execute(sql`
    INSERT INTO items (type, section, slug, access, status, published_at, date, original_locale,
                       restricted_fields, themes)
    VALUES ('publication', 'publications', 'canary-members-item', 'members', 'published',
            now() - interval '1 hour', '2026-01-01', 'en', '{}', '{housing}'),
           ('practice', 'good-practices', 'open-practice', 'public', 'published',
            now() - interval '1 hour', '2026-01-02', 'en', '{results,body}', '{housing}')`);
  await db.execute(sql`
    INSERT INTO item_translations (item_id, locale, title, summary, body, fields)
    SELECT id, 'en', ${`${CANARY} item title`}, ${`${CANARY} item summary`}, ${CANARY}, '{}'
      FROM items WHERE slug = 'canary-members-item'
    UNION ALL
    SELECT id, 'en', 'An open practice on housing', 'Housing for everyone, in public.',
           ${`${CANARY} restricted body`}, ${JSON.stringify({ problem: 'Housing is scarce.', results: `${CANARY} results` })}::jsonb
      FROM items WHERE slug = 'open-practice'`);
  // Files: a public one and a members-only one on the public practice, and one (marked public,
  // but its item is not) on the members-only publication. Their text is already read.
  const store = app.files;
  const file = async (id: string, slug: string, access: string, title: string, text: string) => {
    const data = pdfDocument([text]);
    const key = await store.save(data);
    await db.execute(sql`
      INSERT INTO item_files (id, item_id, storage_key, file_name, title, media_type, size_bytes,
                              sha256, locale, access, text_status, text)
      SELECT ${id}, i.id, ${key}, 'annex.pdf', ${title}, 'application/pdf', ${data.length},
             'sha', 'en', ${access}::access_level, 'done', ${text}
        FROM items i WHERE i.slug = ${slug}`);
  };
  await file(
    '00000000-0000-4000-8000-00000000f001',
    'open-practice',
    'public',
    'Open annex',
    'A public annex on housing.',
  );
  await file(
    '00000000-0000-4000-8000-00000000f002',
    'open-practice',
    'members',
    `${CANARY} annex title`,
    `${CANARY} annex text`,
  );
  await file(
    '00000000-0000-4000-8000-00000000f003',
    'canary-members-item',
    'public',
    `${CANARY} report title`,
    `${CANARY} report text`,
  );
  // A question to the experts, received but unanswered, whose asker wants no publication.
  await db.execute(sql`
    INSERT INTO questions (status, asker_name, asker_email, locale, theme, question, fingerprint,
                           keep_private, follow_token_hash)
    VALUES ('new', ${`${CANARY} asker`}, 'asker@example.org', 'en', 'housing',
            ${`${CANARY} question about housing`}, 'canary', true, 'canary-follow')`);
  // Answers: the public one may be read by all; the others carry canaries everywhere.
  for (const [key, id] of Object.entries(ANSWER)) {
    const secret = key === 'public' ? 'Open' : `${CANARY} ${key}`;
    await db.execute(sql`
      INSERT INTO questions (id, status, asker_name, asker_email, locale, theme, question, fingerprint,
                             follow_token_hash, confirmed_at, public_question, summary, answer, links,
                             publication, answered_at)
      VALUES (${id}, ${key === 'draft' ? 'submitted' : 'answered'}, ${`${CANARY} asker name`},
              'canary-asker@canary.example', 'en', 'housing', ${`${secret} question as asked`},
              ${`fp-${key}`}, ${`follow-${key}`}, now(), ${`${secret} question as published`},
              ${`${secret} summary`}, ${`${secret} answer`},
              ${JSON.stringify([{ url: `https://${key}.example/${secret}`, title: `${secret} link` }])}::jsonb,
              ${key === 'draft' ? null : key}, ${key === 'draft' ? null : new Date().toISOString()})`);
  }
  await refreshSearchDocuments(db, null);
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(links)
    .where(sql`title LIKE ${`%${CANARY}%`}`);
  expect(count?.n).toBe(2);
});
afterAll(async () => {
  await app.close();
});

describe('the members layer', () => {
  it('shows a visitor a teaser for a members-only page, and nothing of the page', async () => {
    await app.database.db
      .insert(pages)
      .values({
        slug: 'who-we-are',
        locale: 'it',
        title: `${CANARY} chi`,
        summary: CANARY,
        body: CANARY,
        access: 'members',
      })
      .onConflictDoNothing();
    await app.database.db
      .update(pages)
      .set({ access: 'members' })
      .where(eq(pages.slug, 'who-we-are'));
    await app.renderCache?.invalidateEverywhere();
    const teaser = await app.http.inject({ url: '/it/about/who-we-are' });
    expect(teaser.statusCode).toBe(200);
    expect(teaser.body).toContain('Per i membri della rete');
    expect(teaser.body).toContain('href="/it/sign-in"');
    expect(teaser.body).not.toContain(CANARY);
    expect(teaser.body).not.toContain('Who we are</h1>');
    // Put it back for the crawl below.
    await app.database.db
      .update(pages)
      .set({ access: 'public' })
      .where(eq(pages.slug, 'who-we-are'));
    await app.database.db.delete(pages).where(eq(pages.title, `${CANARY} chi`));
    await app.renderCache?.invalidateEverywhere();
  });

  // The whole site crawled (about 1,260 addresses), four at a time: 16 s on an idle 2-core machine,
  // the longest test here, so it has a time-out of its own. It took 25–30 s against the default 30
  // one at a time, when endless calendar months and search combinations filled its 2,000.
  it('appears in no anonymous page, search result or error page', { timeout: 90_000 }, async () => {
    const start = [
      '/',
      '/robots.txt',
      ...CONTENT_CHANNELS,
      '/fr/search?q=members',
      '/de/search?q=wip',
      '/en/nothing',
      '/api/nothing',
      `/en/network/people/${personId}`,
      '/en/network/people?theme=housing',
      `/en/experts/answers/${ANSWER.private}`,
      `/en/experts/answers/${ANSWER.draft}`,
      `/en/editor/questions/${ANSWER.draft}`,
      `/en/experts/workspace/${ANSWER.draft}`,
      ...['en', 'fr', 'de', 'es', 'it'].map((locale) => `/${locale}/`),
    ];
    const seen = await crawl(app, start, (url, body) => {
      expect(body, url).not.toContain(CANARY);
      expect(body, url).not.toContain('canary.example');
      const next: string[] = [];
      for (const match of body.matchAll(/href="(\/[^"#]*)"/g)) {
        const link = match[1] ?? '';
        // Filtered lists (?theme=…) in English only: their layer filter is the same in every
        // language, and every combination in five would be thousands of pages.
        const filtered = link.includes('?') && !link.startsWith('/en/');
        if (!link.startsWith('/assets/') && !filtered) next.push(link);
      }
      return next;
    });
    // The crawl came to its end: nothing linked was left unread for want of room.
    expect(seen.size).toBeLessThan(CRAWL_LIMIT);
    // The crawl reached the whole site: every section page in every language.
    expect(seen.has('/fr/about/how-we-work')).toBe(true);
    expect(seen.has('/de/knowledge/work-in-progress')).toBe(true);
    expect(seen.has('/it/knowledge/useful-links')).toBe(true);
    expect(seen.has('/es/network/uclg')).toBe(true);
    // The public part of the practice is there, and the visitor is told more is for members.
    const practice = await app.http.inject({ url: '/en/knowledge/good-practices/open-practice' });
    expect(practice.body).toContain('Housing is scarce.');
    expect(practice.body).toContain('Network members can also read');
    expect(practice.body).toContain('Open annex');
    expect(practice.body).toContain('One more file is for network members.');
    const annex = await app.http.inject({
      url: '/en/files/00000000-0000-4000-8000-00000000f001/open-annex.pdf',
    });
    expect(annex.statusCode).toBe(200);
    expect(annex.headers['content-type']).toBe('application/pdf');
    const listing = await app.http.inject({ url: '/en/knowledge/publications' });
    expect(listing.body).toContain('One more item is for network members.');
    const person = await app.http.inject({ url: `/en/network/people/${personId}` });
    expect(person.body).toContain('A public affiliation');
    // The public answer is there, the asker unnamed.
    const answer = await app.http.inject({ url: `/en/experts/answers/${ANSWER.public}` });
    expect(answer.body).toContain('Open summary');
    expect(answer.body).not.toContain('asker name');
    expect(seen.has(`/en/experts/answers/${ANSWER.public}`)).toBe(true);
    expect(seen.size).toBeGreaterThan(80);
  });

  it('appears in no network page for a registered person outside the members layer', async () => {
    const person = new FormBrowser(app, '127.0.0.9');
    const password = 'a registered person passphrase';
    await person.submit('/en/sign-up', '/en/sign-up', {
      name: 'Registered Person',
      email: 'registered@example.org',
      password,
      passwordConfirmation: password,
      consent: 'yes',
    });
    const [mail] = await readOutbox(app.database.db, 1);
    const link = /\/en\/verify-email\?token=\S+/.exec(mail?.textBody ?? '')?.[0] ?? '';
    expect((await person.get(link)).statusCode).toBe(200);
    for (const url of [
      '/en/network',
      '/en/network/uclg',
      ...CONTENT_CHANNELS,
      '/en/account',
      '/en/network/people',
      `/en/network/people/${personId}`,
    ]) {
      const response = await person.get(url);
      // The API says "for members only" with 403 where a page shows the teaser.
      expect(response.statusCode, url).toBe(REFUSED.has(url) ? 403 : 200);
      expect(response.body, url).not.toContain(CANARY);
    }
  });

  it('appears in no e-mail to someone outside the members layer', async () => {
    const visitor = new FormBrowser(app, '127.0.0.10');
    await visitor.submit('/fr/network/apply', '/fr/network/apply', {
      name: 'Comune di Prova',
      kind: 'municipality',
      membership: 'associate',
      country: 'IT',
      motivation: 'CANARY? No: a plain motivation.',
      contactName: 'Prova',
      contactEmail: 'prova@example.org',
      consent: 'yes',
    });
    await visitor.submit('/en/forgot-password', '/en/forgot-password', {
      email: 'registered@example.org',
    });
    const mails = await readOutbox(app.database.db, 100);
    expect(mails.length).toBeGreaterThanOrEqual(3);
    for (const mail of mails) {
      expect(`${mail.subject} ${mail.textBody} ${mail.htmlBody}`, mail.subject).not.toContain(
        CANARY,
      );
    }
  });
});
