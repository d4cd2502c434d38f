/**
 * The members layer in what followers and subscribers are told: every kind's members-only canary
 * is planted; a registered person who is no member follows everything (every topic, every
 * discussion space) and takes the newsletter, and finds no canary on their notification page, in
 * their digest nor in an issue that picked every canary, while a practitioner who does the same
 * receives them — so these channels do carry members-only entries, to those who may read them.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NEWS_CATEGORIES } from '../../src/channels/kind.js';
import { EVENT_KINDS } from '../../src/features/events/index.js';
import { KNOWLEDGE_SECTIONS } from '../../src/features/knowledge/index.js';
import { buildTestApp, type TestApp } from '../support/app.js';
import { signUpAndSignIn, type FormBrowser } from '../support/form-browser.js';
import { plantCanaries } from '../support/kinds.js';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp.js';

const CANARY = 'CANARY-digest-5d2e';
let now: Date | null = null;
let smtp: TestSmtpServer;
let app: TestApp;
let visitor: FormBrowser;
let member: FormBrowser;

beforeAll(async () => {
  smtp = await startSmtpServer();
  app = await buildTestApp({ smtpUrl: smtp.url, clock: () => now ?? new Date() });
  visitor = await signUpAndSignIn(
    app,
    smtp,
    { name: 'Vera Everything', email: 'vera.everything@example.org' },
    '10.18.0.1',
  );
  member = await signUpAndSignIn(
    app,
    smtp,
    { name: 'Max Everything', email: 'max.everything@example.org' },
    '10.18.0.2',
  );
  await app.database.db.execute(sql`
    UPDATE users SET role = 'practitioner' WHERE email = 'max.everything@example.org'`);
});

afterAll(async () => {
  await app.close();
  await smtp.close();
});

describe('the members layer in notifications and digests', () => {
  it('tells a non-member who follows everything of no members-only entry', async () => {
    const { db } = app.database;
    const canaries = await plantCanaries(app, CANARY);
    // Every topic there is, for both people, and a watch of every discussion space.
    const topics = await db.execute<{ topic: string }>(sql`
      SELECT 'theme:' || key AS topic FROM themes
      UNION SELECT 'sdg:' || n FROM generate_series(1, 17) n
      UNION SELECT 'udhr:' || n FROM generate_series(1, 30) n
      UNION SELECT 'section:' || s FROM unnest(${sql.param([...KNOWLEDGE_SECTIONS])}::text[]) s
      UNION SELECT 'event-kind:' || k FROM unnest(${sql.param([...EVENT_KINDS])}::text[]) k
      UNION SELECT 'organisation:' || slug FROM organisations
      UNION SELECT 'city:' || slug FROM organisations`);
    expect(topics.rows.length).toBeGreaterThan(100);
    await db.execute(sql`
      INSERT INTO follows (user_id, topic)
      SELECT u.id, t.topic FROM users u
       CROSS JOIN unnest(${sql.param(topics.rows.map((row) => row.topic))}::text[]) t(topic)
       WHERE u.email IN ('vera.everything@example.org', 'max.everything@example.org')`);
    await db.execute(sql`
      INSERT INTO dialogue_watches (user_id, space_id)
      SELECT u.id, s.id FROM users u CROSS JOIN dialogue_spaces s
       WHERE u.email IN ('vera.everything@example.org', 'max.everything@example.org')`);
    // News is matched from a day ago: the canaries were planted just now.
    await db.execute(sql`
      INSERT INTO follow_cursors (kind, seen_until)
      SELECT unnest(${sql.param(app.kinds.map((kind) => kind.name))}::text[]),
             now() - interval '1 day'`);
    const job = app.jobs.find((entry) => entry.name === 'following.deliver');
    await job?.run();

    const told = await db.execute<{ kind: string; n: number }>(sql`
      SELECT n.entry_kind AS kind, count(*)::int AS n FROM notifications n
        JOIN users u ON u.id = n.user_id
       WHERE u.email = 'vera.everything@example.org' GROUP BY n.entry_kind`);
    // Every kind that tells followers has matched something for her (its canary at least).
    const telling = app.kinds.filter((kind) => kind.follow).map((kind) => kind.name);
    expect(telling.length).toBeGreaterThanOrEqual(5);
    expect(told.rows.map((row) => row.kind)).toEqual(expect.arrayContaining(telling));

    for (let page = 1; page <= 5; page += 1) {
      const shown = await visitor.get(`/en/account/notifications?page=${page}`);
      expect(shown.statusCode).toBe(200);
      expect(shown.body).not.toContain(CANARY);
    }
    const memberPage = await member.get('/en/account/notifications');
    expect(memberPage.body).toContain(CANARY);

    // Every kind of news daily (the default) — and the digests of the day after.
    now = new Date(Date.now() + 26 * 60 * 60 * 1000);
    try {
      await job?.run();
    } finally {
      now = null;
    }
    const to = (email: string) =>
      smtp.received.filter(
        (mail) => JSON.stringify(mail.to).includes(email) && /digest/.test(mail.subject ?? ''),
      );
    const [veraDigest] = to('vera.everything@example.org');
    const [maxDigest] = to('max.everything@example.org');
    expect(veraDigest?.text).toBeTruthy();
    expect(`${veraDigest?.subject}${veraDigest?.text}${veraDigest?.html}`).not.toContain(CANARY);
    expect(maxDigest?.text).toContain(CANARY);
    expect(canaries.size).toBe(app.kinds.length);
    expect(NEWS_CATEGORIES.length).toBe(5);

    // Both take the newsletter; an issue picks every kind's planted canary.
    await db.execute(sql`
      INSERT INTO newsletter_subscribers (email, user_id, locale, status, consent_version,
                                          consented_at, consent_locale, confirmed_at)
      SELECT email, id, 'en', 'confirmed', '2026-11-22', now(), 'en', now() FROM users
       WHERE email IN ('vera.everything@example.org', 'max.everything@example.org')`);
    const picks = [...canaries]
      .filter(([kind, plant]) => kind.metadata && plant.key)
      .map(([kind, plant]) => ({ kind: kind.name, key: plant.key }));
    expect(picks.length).toBeGreaterThanOrEqual(6);
    await db.execute(sql`
      INSERT INTO newsletters (status, default_locale, texts, picks, audience, archive,
                               scheduled_at)
      VALUES ('scheduled', 'en',
              ${JSON.stringify({ en: { subject: 'Canary issue', introduction: 'What is new.' } })}::jsonb,
              ${JSON.stringify(picks)}::jsonb, 'everyone', 'hidden', now() - interval '1 minute')`);
    await app.jobs.find((entry) => entry.name === 'newsletter.send')?.run();
    const issue = (email: string) =>
      smtp.received.find(
        (mail) => JSON.stringify(mail.to).includes(email) && mail.subject === 'Canary issue',
      );
    const veraIssue = issue('vera.everything@example.org');
    expect(veraIssue?.text).toContain('What is new.');
    expect(`${veraIssue?.text}${veraIssue?.html}`).not.toContain(CANARY);
    expect(issue('max.everything@example.org')?.text).toContain(CANARY);
  });
});
