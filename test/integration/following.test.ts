/**
 * Following end to end on real PostgreSQL and a real SMTP server: people follow a theme through
 * the Follow button's form, a public and a members-only item are published, the job matches them;
 * each person's notification page and daily digest hold what they may read at that moment (a
 * practitioner whose organisation lapses loses the members-only item at once); a digest run
 * stopped half-way by the mail server resumes without sending anyone's twice; a hard bounce
 * stops mail to the address; one click (RFC 8058) stops a kind of e-mail; mentions are notices.
 */
import { sql } from 'drizzle-orm';
import type { ParsedMail } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { dialogueHelpers } from '../support/dialogue.js';
import { signUpAndSignIn, type FormBrowser } from '../support/form-browser.js';
import { organisersWorld } from '../support/organisers.js';

/** The app's time: the real time until a test moves it (to the day after, for digests). */
let now: Date | null = null;
const world = organisersWorld({ clock: () => now ?? new Date() });
const { organisation, member, spaceForm } = dialogueHelpers(world);

const deliver = async () => {
  const job = world.app.jobs.find((entry) => entry.name === 'following.deliver');
  return (await job?.run()) as { matched: number; sent: Record<string, number> };
};

/** Tomorrow just after midnight (UTC): yesterday's daily digests are due. */
const tomorrow = () => {
  const next = new Date();
  next.setUTCDate(next.getUTCDate() + 1);
  next.setUTCHours(0, 10, 0, 0);
  return next;
};

/** Publishes an item now (as an editor's publishing leaves it), with a theme. */
async function publish(slug: string, title: string, access: 'public' | 'members', theme: string) {
  const { db } = world.app.database;
  await db.execute(sql`
    INSERT INTO items (type, section, slug, access, status, published_at, date, original_locale,
                       restricted_fields, themes)
    VALUES ('publication', 'publications', ${slug}, ${access}, 'published', now(), '2026-12-01',
            'en', '{}', ARRAY[${theme}])`);
  await db.execute(sql`
    INSERT INTO item_translations (item_id, locale, title, summary, body, fields)
    SELECT id, 'en', ${title}, ${`${title}: the summary`}, 'Body.', '{}'
      FROM items WHERE slug = ${slug}`);
}

const mailsTo = (email: string): ParsedMail[] =>
  world.smtp.received.filter((mail) => JSON.stringify(mail.to).includes(email));

const follow = (browser: FormBrowser, topic: string, page: string) =>
  browser.submit(`/en${page}`, '/en/follow', { topic, back: page, follow: 'on' });

describe('following', () => {
  it('tells followers of new items on their page and in one daily digest, as they may read them', async () => {
    const graz = await organisation('Graz Following City');
    const petra = await member('Petra Follower', graz, '10.17.0.1');
    const rui = await signUpAndSignIn(
      world.app,
      world.smtp,
      { name: 'Rui Visitor', email: 'rui.visitor@example.org' },
      '10.17.0.2',
    );
    const page = '/knowledge/thematic-issues?theme=housing';
    for (const person of [petra, rui]) {
      const followed = await follow(person, 'theme:housing', page);
      expect(followed.statusCode).toBe(303);
      expect(followed.headers.location).toBe(`/en${page}`);
    }
    const shown = await rui.get(`/en${page}`);
    expect(shown.body).toContain('You follow Housing.');
    // A topic that names nothing is refused; nothing is followed.
    expect((await follow(rui, 'theme:no-such-theme', page)).statusCode).toBe(404);
    expect((await follow(rui, 'sdg:18', page)).statusCode).toBe(404);
    const listed = await rui.get('/en/account/following');
    expect(listed.body).toContain('Housing');
    expect(listed.body).not.toContain('no-such-theme');

    await deliver(); // The first run only marks where news starts.
    await publish('following-open-guide', 'Open housing guide 5521', 'public', 'housing');
    await publish(
      'following-members-note',
      'CANARY-FOLLOW-7781 members note',
      'members',
      'housing',
    );
    expect((await deliver()).matched).toBeGreaterThanOrEqual(4);

    const ruiPage = await rui.get('/en/account/notifications');
    expect(ruiPage.body).toContain('Open housing guide 5521');
    expect(ruiPage.body).toContain('Because you follow Housing');
    expect(ruiPage.body).not.toContain('CANARY-FOLLOW-7781');
    const petraPage = await petra.get('/en/account/notifications');
    expect(petraPage.body).toContain('CANARY-FOLLOW-7781');
    expect(petraPage.body).toMatch(/Notifications \(\d+ unread\)/);

    // Nothing is mailed before the day is over; the next morning, one digest each.
    expect(
      mailsTo('rui.visitor@example.org').filter((mail) => /digest/.test(mail.subject ?? '')),
    ).toHaveLength(0);
    now = tomorrow();
    try {
      const run = await deliver();
      expect(run.sent.daily).toBeGreaterThanOrEqual(2);
      const [ruiDigest] = mailsTo('rui.visitor@example.org').filter((mail) =>
        /daily digest/.test(mail.subject ?? ''),
      );
      const [petraDigest] = mailsTo('petra.follower@example.org').filter((mail) =>
        /daily digest/.test(mail.subject ?? ''),
      );
      expect(ruiDigest?.text).toContain('Open housing guide 5521');
      expect(ruiDigest?.text).toContain('## Housing');
      expect(ruiDigest?.html).toContain('<h2');
      expect(`${ruiDigest?.text}${ruiDigest?.html}`).not.toContain('CANARY-FOLLOW-7781');
      expect(petraDigest?.text).toContain('CANARY-FOLLOW-7781');
      const header = (name: string) =>
        ruiDigest?.headerLines.find((line) => line.key === name)?.line ?? '';
      expect(header('list-unsubscribe-post')).toBe(
        'List-Unsubscribe-Post: List-Unsubscribe=One-Click',
      );
      expect(ruiDigest?.messageId).toMatch(/^<digest\.daily\./);

      // Run again: nobody gets the day's digest twice.
      expect((await deliver()).sent.daily).toBe(0);

      // One click from the mail program, no cookie: e-mail about the Knowledge Centre stops.
      const link = /<(http[^>]+)>/.exec(header('list-unsubscribe'))?.[1] ?? '';
      expect(link).toMatch(/\/en\/account\/notifications\/stop\//);
      const target = new URL(link).pathname;
      expect((await world.app.http.inject({ url: target })).body).toContain('Stop them');
      const clicked = await world.app.http.inject({
        method: 'POST',
        url: target,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'List-Unsubscribe=One-Click',
      });
      expect(clicked.statusCode).toBe(200);
      expect(clicked.body).toContain('You will receive no more e-mails about: Knowledge Centre');
      const forged = await world.app.http.inject({
        method: 'POST',
        url: `${target.slice(0, -4)}AAAA`,
      });
      expect(forged.statusCode).toBe(404);
      const settings = await rui.get('/en/account/notifications/settings');
      expect(settings.body).toMatch(/<option value="never" selected>/);
    } finally {
      now = null;
    }

    // Petra's organisation lapses: from that moment the members-only item is not hers to read.
    await world.app.database.db.execute(sql`
      UPDATE organisations SET status = 'lapsed' WHERE id = ${graz}`);
    const lapsed = await petra.get('/en/account/notifications');
    expect(lapsed.body).toContain('Open housing guide 5521');
    expect(lapsed.body).not.toContain('CANARY-FOLLOW-7781');
    const [canary] = (
      await world.app.database.db.execute<{ id: string }>(sql`
        SELECT n.id FROM notifications n JOIN items i ON i.slug = n.entry_key
         WHERE i.slug = 'following-members-note' LIMIT 1`)
    ).rows;
    expect((await petra.get(`/en/account/notifications/${canary?.id}/open`)).statusCode).toBe(404);
    const idOf = async (email: string) =>
      (
        await world.app.database.db.execute<{ id: string }>(sql`
          SELECT n.id FROM notifications n JOIN users u ON u.id = n.user_id
           WHERE n.entry_key = 'following-open-guide' AND u.email = ${email}`)
      ).rows[0]?.id;
    // Opening one's own notification leads to the entry; someone else's is nobody's to open.
    const opened = await rui.get(
      `/en/account/notifications/${await idOf('rui.visitor@example.org')}/open`,
    );
    expect(opened.statusCode).toBe(303);
    expect(opened.headers.location).toBe('/en/knowledge/publications/following-open-guide');
    const others = await rui.get(
      `/en/account/notifications/${await idOf('petra.follower@example.org')}/open`,
    );
    expect(others.statusCode).toBe(404);
  });

  it('resumes a digest run the mail server broke off, sending nobody twice; a hard bounce stops mail', async () => {
    const { db } = world.app.database;
    const people = ['ana', 'ben', 'cai', 'dora', 'emil'].map(
      (name) => `${name}.resume@example.org`,
    );
    for (const [index, email] of people.entries()) {
      const browser = await signUpAndSignIn(
        world.app,
        world.smtp,
        { name: `${email.split('.')[0]} Resume`, email },
        `10.17.1.${index + 1}`,
      );
      await follow(browser, 'section:good-practices', '/knowledge/good-practices');
    }
    await db.execute(sql`UPDATE follow_cursors SET seen_until = now() - interval '1 minute'`);
    await db.execute(sql`
      INSERT INTO items (type, section, slug, access, status, published_at, date, original_locale,
                         restricted_fields)
      VALUES ('practice', 'good-practices', 'resume-practice', 'public', 'published', now(),
              '2026-12-01', 'en', '{}')`);
    await db.execute(sql`
      INSERT INTO item_translations (item_id, locale, title, summary, body, fields)
      SELECT id, 'en', 'Resumable practice 8812', 'A practice.', 'Body.', '{}'
        FROM items WHERE slug = 'resume-practice'`);
    world.smtp.refuse.add('emil.resume@example.org');
    now = tomorrow();
    // Another process claimed Ana's digest and died 20 minutes ago; one is sending Ben's now.
    const period = new Date(now.getTime() - 10 * 60 * 1000 - 24 * 60 * 60 * 1000);
    await db.execute(sql`
      INSERT INTO digest_runs (user_id, cadence, period_start, status, claimed_at)
      SELECT id, 'daily', ${period}::timestamptz, 'sending',
             CASE WHEN email LIKE 'ana.%'
                  THEN ${new Date(now.getTime() - 20 * 60 * 1000)}::timestamptz
                  ELSE ${now}::timestamptz END
        FROM users WHERE email IN ('ana.resume@example.org', 'ben.resume@example.org')`);
    const digests = () =>
      world.smtp.received.filter((mail) => mail.text?.includes('Resumable practice 8812'));
    try {
      world.smtp.failAfter = 2;
      await expect(deliver()).rejects.toThrow();
      expect(digests()).toHaveLength(2);
      // Only the live claim of the other process is still open.
      const sending = await db.execute<{ email: string }>(sql`
        SELECT u.email FROM digest_runs r JOIN users u ON u.id = r.user_id
         WHERE r.status = 'sending'`);
      expect(sending.rows).toEqual([{ email: 'ben.resume@example.org' }]);
      world.smtp.failAfter = null;
      await deliver();
      await deliver();
      const to = () => digests().map((mail) => JSON.stringify(mail.to));
      expect(to().filter((address) => address.includes('ben.resume'))).toHaveLength(0);
      // Ben's claim outlives its lease: the process holding it is gone; the next run sends it.
      await db.execute(sql`
        UPDATE digest_runs SET claimed_at = claimed_at - interval '20 minutes'
         WHERE status = 'sending'`);
      await deliver();
      for (const email of people.slice(0, 4))
        expect(to().filter((address) => address.includes(email))).toHaveLength(1);
      // Emil's address was refused for good: it is on the suppression list, nothing is sent.
      const suppressed = await db.execute(sql`
        SELECT reason FROM mail_suppressions WHERE address = 'emil.resume@example.org'`);
      expect(suppressed.rows).toEqual([{ reason: 'hard-bounce' }]);
      expect(to().filter((address) => address.includes('emil.resume'))).toHaveLength(0);
    } finally {
      now = null;
      world.smtp.refuse.delete('emil.resume@example.org');
    }
  });

  it('blames no address for a refused sender, lets a busy mailbox wait, and keeps “never”', async () => {
    const { db } = world.app.database;
    const people = ['fay', 'gus', 'hal'].map((name) => `${name}.sender@example.org`);
    const browsers: FormBrowser[] = [];
    for (const [index, email] of people.entries()) {
      const browser = await signUpAndSignIn(
        world.app,
        world.smtp,
        { name: `${email.split('.')[0]} Sender`, email },
        `10.17.3.${index + 1}`,
      );
      await follow(browser, 'section:other-issues', '/knowledge/other-issues');
      browsers.push(browser);
    }
    // Hal wants no e-mail about the Knowledge Centre.
    await browsers[2]?.submit(
      '/en/account/notifications/settings',
      '/en/account/notifications/settings',
      { knowledge: 'never', events: 'daily', dialogue: 'daily', news: 'daily', network: 'daily' },
    );
    await db.execute(sql`UPDATE follow_cursors SET seen_until = now() - interval '1 minute'`);
    await publish('sender-issue', 'Sender issue 3391', 'public', 'housing');
    await db.execute(sql`UPDATE items SET section = 'other-issues' WHERE slug = 'sender-issue'`);
    await deliver();
    const digests = (email: string) =>
      world.smtp.received.filter(
        (mail) =>
          JSON.stringify(mail.to).includes(email) && mail.text?.includes('Sender issue 3391'),
      );
    world.smtp.defer.add('gus.sender@example.org');
    now = tomorrow();
    try {
      world.smtp.refuseSender = true;
      await expect(deliver()).rejects.toThrow();
      const suppressed = await db.execute(sql`
        SELECT address FROM mail_suppressions WHERE address LIKE '%.sender@example.org'`);
      expect(suppressed.rows).toEqual([]);
      world.smtp.refuseSender = false;
      const run = await deliver();
      expect(run.sent.daily).toBe(1);
      expect(digests('fay.sender@example.org')).toHaveLength(1);
      expect(digests('gus.sender@example.org')).toHaveLength(0);
      const gus = await db.execute(sql`
        SELECT r.status FROM digest_runs r JOIN users u ON u.id = r.user_id
         WHERE u.email = 'gus.sender@example.org'`);
      expect(gus.rows).toEqual([{ status: 'failed' }]);
      // Hal chose never; choosing daily later sends nothing of what came before.
      await browsers[2]?.submit(
        '/en/account/notifications/settings',
        '/en/account/notifications/settings',
        { knowledge: 'daily' },
      );
      await deliver();
      expect(digests('hal.sender@example.org')).toHaveLength(0);
    } finally {
      now = null;
      world.smtp.refuseSender = false;
      world.smtp.defer.delete('gus.sender@example.org');
    }
  });

  it('shows what concerns a person: a mention, and replies in a thread they watch', async () => {
    const lyon = await organisation('Lyon Following City');
    await world.editor.submit(
      '/en/editor/dialogue/spaces/new',
      '/en/editor/dialogue/spaces',
      spaceForm({
        slug: 'lyon-following',
        name: 'Lyon following',
        audience: 'group',
        organisations: [lyon],
      }),
    );
    const ines = await member('Ines Notice', lyon, '10.17.2.1');
    const jon = await member('Jon Notice', lyon, '10.17.2.2');
    await deliver();
    const started = await ines.submit(
      '/en/dialogue/lyon-following/new',
      '/en/dialogue/lyon-following',
      {
        title: 'Shelters in winter',
        theme: '',
        body: 'What do you do, @jon-notice?',
      },
    );
    expect(started.statusCode).toBe(303);
    const jonPage = await jon.get('/en/account/notifications');
    expect(jonPage.body).toContain('Ines Notice mentioned you in a discussion');
    expect(jonPage.body).toContain('Shelters in winter');
    // Ines watches the thread she started: Jon's reply is new for her.
    const thread = started.headers.location?.replace(/^\/en/, '').replace(/[?#].*$/, '') ?? '';
    await jon.submit(`/en${thread}`, `/en${thread}/replies`, { body: 'We open the gyms.' });
    await deliver();
    const inesPage = await ines.get('/en/account/notifications');
    expect(inesPage.body).toContain('Shelters in winter');
    const following = await ines.get('/en/account/following');
    expect(following.body).toContain('Shelters in winter');
    // Marking all read empties the unread count.
    await ines.submit('/en/account/notifications', '/en/account/notifications/mark', {
      id: 'all',
      read: 'yes',
    });
    expect((await ines.get('/en/account/notifications')).body).toContain(
      'No unread notifications.',
    );
  });
});
