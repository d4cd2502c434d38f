/**
 * Inter-city dialogue through HTTP on a real PostgreSQL, with mail through a real SMTP server:
 * an editor opens a public space and a working group's; members start threads and reply; a
 * working group stays with its people on every channel; a newcomer's first post waits for
 * approval; flags hide a post until a moderator decides; the author marks the answer, edits
 * (the earlier wording kept) and deletes; the limits refuse duplicates, too many links and a
 * suspended person, each with its message and the typed text kept.
 */
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { FormBrowser, signUpAndSignIn } from '../support/form-browser.js';
import { dialogueHelpers } from '../support/dialogue.js';
import { organisersWorld } from '../support/organisers.js';

const world = organisersWorld();
const { organisation, member, spaceForm, threadUrl } = dialogueHelpers(world);

describe('the dialogue', () => {
  it('keeps a working group with its people, on every channel', async () => {
    const utrecht = await organisation('Utrecht Human Rights City');
    const graz = await organisation('Graz Human Rights City');
    const refused = await world.editor.submit(
      '/en/editor/dialogue/spaces/new',
      '/en/editor/dialogue/spaces',
      spaceForm({ slug: 'Not A Slug!', name: 'Housing group', audience: 'group' }),
    );
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('Use lower-case letters, digits and hyphens only.');
    expect(refused.body).toContain('value="Housing group"');
    const empty = await world.editor.submit(
      '/en/editor/dialogue/spaces/new',
      '/en/editor/dialogue/spaces',
      spaceForm({ slug: 'housing-group', name: 'Housing group', audience: 'group' }),
    );
    expect(empty.body).toContain('A working group needs at least one organisation.');
    const created = await world.editor.submit(
      '/en/editor/dialogue/spaces/new',
      '/en/editor/dialogue/spaces',
      spaceForm({
        slug: 'housing-group',
        name: 'Housing working group',
        audience: 'group',
        organisations: [utrecht],
      }),
    );
    expect(created.headers.location).toBe('/en/dialogue/housing-group');

    const ana = await member('Ana Group', utrecht, '10.9.0.1');
    const ben = await member('Ben Group', utrecht, '10.9.0.2');
    const outsider = await member('Otto Outside', graz, '10.9.0.3');
    const short = await ana.submit('/en/dialogue/housing-group/new', '/en/dialogue/housing-group', {
      title: 'Eh',
      theme: '',
      body: 'Group-secret-4411 tenants’ council minutes.',
    });
    expect(short.statusCode).toBe(422);
    expect(short.body).toContain('Write a title of 5 to 200 characters.');
    expect(short.body).toContain('Group-secret-4411 tenants’ council minutes.');
    const started = await ana.submit(
      '/en/dialogue/housing-group/new',
      '/en/dialogue/housing-group',
      {
        title: 'How do you run a tenants’ council?',
        theme: '',
        body: 'Group-secret-4411 tenants’ council minutes.',
      },
    );
    expect(started.statusCode).toBe(303);
    const thread = threadUrl(started.headers.location);
    const number = thread.split('/').at(-1) ?? '';
    const replied = await ben.submit(thread, `${thread}/replies`, {
      body: 'We meet monthly, Group-secret-4411 agenda attached.',
    });
    expect(replied.headers.location).toBe(`${thread}?post=2#p2`);
    // "Quote" fills the reply form with the post as a Markdown quote, naming its author.
    const quoting = await ana.get(`${thread}?quote=2`);
    expect(quoting.body).toContain(
      '> **Ben Group** (2):\n> We meet monthly, Group-secret-4411 agenda attached.\n\n</textarea>',
    );
    const page = await ana.get(thread);
    expect(page.body).toContain('We meet monthly');
    expect(page.body).toContain('id="p2"');
    // The opening post edited with both fields emptied: both problems told at once, nothing lost.
    const edit = /href="([^"]+\/posts\/[^"]+\/edit)"/.exec(page.body)?.[1] ?? '';
    const emptied = await ana.submit(edit, edit, { title: '', body: '' });
    expect(emptied.statusCode).toBe(422);
    expect(emptied.body).toContain('Write a title of 5 to 200 characters.');
    expect(emptied.body).toContain('Write your message (at most 20,000 characters).');
    expect((await ana.get(thread)).body).toContain('Group-secret-4411 tenants’ council minutes.');

    // Nobody outside the group reads a word of it: not a member of another organisation, not a
    // visitor; on no page, feed, sitemap, API, export or search.
    await world.app.contentChanged();
    const visitor = new FormBrowser(world.app, '10.9.0.9');
    for (const reader of [outsider, visitor]) {
      for (const url of [
        '/en/dialogue',
        '/en/dialogue/housing-group',
        thread,
        '/en/dialogue/feed.atom',
        '/en/dialogue/housing-group/feed.atom',
        `${thread}/feed.atom`,
        '/en/dialogue/housing-group/export.csv',
        `/api/threads/${number}`,
        '/api/threads?space=housing-group',
        '/sitemap-threads-1.xml',
        '/en/search?q=tenants',
        '/api/search?q=tenants',
        '/en/',
      ]) {
        const response = await reader.get(url);
        expect(response.body, url).not.toContain('Group-secret-4411');
        expect(response.body, url).not.toContain('tenants’ council?');
      }
    }
    expect((await outsider.get(thread)).statusCode).toBe(404);
    expect((await visitor.get('/en/dialogue/housing-group')).statusCode).toBe(404);
    // Posting into it from outside is refused the same way.
    const forced = await outsider.submit('/en/account', `${thread}/replies`, {
      body: 'Let me in',
    });
    expect(forced.statusCode).toBe(404);
  });

  it('holds a newcomer’s first post, hides a flagged one, and lets a moderator decide', async () => {
    const vienna = await organisation('Vienna Human Rights City');
    await world.editor.submit(
      '/en/editor/dialogue/spaces/new',
      '/en/editor/dialogue/spaces',
      spaceForm({ slug: 'open-exchange', name: 'Open exchange', audience: 'public' }),
    );
    const carla = await member('Carla Open', vienna, '10.9.1.1');
    const started = await carla.submit(
      '/en/dialogue/open-exchange/new',
      '/en/dialogue/open-exchange',
      {
        title: 'Which human rights indicators do you publish?',
        theme: 'housing',
        body: 'We publish **twelve** indicators every year.',
      },
    );
    const thread = threadUrl(started.headers.location);
    const visitor = new FormBrowser(world.app, '10.9.1.9');
    const open = await visitor.get(thread);
    expect(open.statusCode).toBe(200);
    expect(open.body).toContain('<strong>twelve</strong>');
    expect(open.body).toContain('"@type":"DiscussionForumPosting"');

    // A resident without membership: the first post waits for a moderator.
    const newcomer = await signUpAndSignIn(
      world.app,
      world.smtp,
      { name: 'New Resident', email: 'resident@example.org' },
      '10.9.1.2',
    );
    const held = await newcomer.submit(thread, `${thread}/replies`, {
      body: 'Newcomer-words-5521: our city publishes none yet.',
    });
    expect(held.headers.location).toBe(`${thread}?post=2&done=held#p2`);
    expect((await newcomer.get(thread)).body).toContain('Newcomer-words-5521');
    expect((await visitor.get(thread)).body).not.toContain('Newcomer-words-5521');
    const queue = await world.editor.get('/en/editor/dialogue');
    expect(queue.body).toContain('Newcomer-words-5521');
    expect(queue.body).toContain('Waiting for approval');
    const postId = /\/editor\/dialogue\/posts\/([0-9a-f-]{36})\/show/.exec(queue.body)?.[1] ?? '';
    const approved = await world.editor.submit(
      '/en/editor/dialogue',
      `/en/editor/dialogue/posts/${postId}/show`,
      {},
    );
    expect(approved.headers.location).toBe('/en/editor/dialogue?done=decided');
    expect((await visitor.get(thread)).body).toContain('Newcomer-words-5521');

    // Three members flag it: hidden pending review, then a moderator restores it.
    for (const [index, name] of ['Dora Flag', 'Emil Flag', 'Fay Flag'].entries()) {
      const flagger = await member(name, vienna, `10.9.1.${10 + index}`);
      const flagged = await flagger.submit(thread, `${thread}/posts/${postId}/flag`, {
        reason: 'off-topic',
        note: index === 0 ? 'Not about indicators' : '',
      });
      expect(flagged.headers.location).toBe(`${thread}?done=${index === 2 ? 'hidden' : 'flagged'}`);
    }
    const hidden = await visitor.get(thread);
    expect(hidden.body).not.toContain('Newcomer-words-5521');
    expect(hidden.body).toContain('This post is hidden while the moderators review it.');
    const review = await world.editor.get('/en/editor/dialogue');
    expect(review.body).toContain('Not about indicators');
    const noReason = await world.editor.submit(
      '/en/editor/dialogue',
      `/en/editor/dialogue/posts/${postId}/hide`,
      { reason: '' },
    );
    expect(noReason.statusCode).toBe(422);
    expect(noReason.body).toContain('Write the reason (at most 1,000 characters).');
    await world.editor.submit(
      '/en/editor/dialogue',
      `/en/editor/dialogue/posts/${postId}/show`,
      {},
    );
    expect((await visitor.get(thread)).body).toContain('Newcomer-words-5521');
    const audit = await world.app.database.db.execute<{ n: number }>(sql`
      SELECT count(*)::int AS n FROM audit_events WHERE type = 'dialogue.moderated'`);
    expect(audit.rows[0]?.n).toBe(2);

    // The author marks the answer: shown under the question; the thread leaves "unanswered".
    const answered = await carla.submit(thread, `${thread}/answer`, { post: postId });
    expect(answered.headers.location).toBe(`${thread}?done=answered`);
    const withAnswer = await visitor.get(thread);
    expect(withAnswer.body).toContain('id="answer-title"');
    const unanswered = await visitor.get('/en/dialogue/open-exchange?show=unanswered');
    expect(unanswered.body).not.toContain('Which human rights indicators');
    // Someone else may not mark it.
    const notTheirs = await newcomer.submit(thread, `${thread}/answer`, { post: '' });
    expect(notTheirs.statusCode).toBe(404);

    // A link to a Knowledge Centre entry is shown as a card under the post.
    const item = await world.app.database.db.execute<{
      section: string;
      slug: string;
      title: string;
    }>(sql`
      SELECT i.section, i.slug, t.title FROM items i
        JOIN item_translations t ON t.item_id = i.id AND t.locale = i.original_locale
       WHERE i.access = 'public' AND i.status = 'published' AND i.original_locale = 'en'
       ORDER BY i.slug LIMIT 1`);
    const linked = item.rows[0];
    await carla.submit(thread, `${thread}/replies`, {
      body: `Our method is in [this entry](/en/knowledge/${linked?.section}/${linked?.slug}).`,
    });
    const withCard = await visitor.get(`${thread}?post=4`);
    expect(withCard.body).toContain('aria-label="Knowledge Centre entries this post links to"');
    expect(withCard.body).toContain(`>${linked?.title}</a>`);

    // Public channels carry it: the home page, feeds, sitemap, API, export, search.
    await world.app.contentChanged();
    const number = thread.split('/').at(-1) ?? '';
    const checks: [string, string][] = [
      ['/en/', 'Which human rights indicators'],
      ['/en/dialogue/feed.atom', 'Which human rights indicators'],
      ['/en/dialogue/open-exchange/feed.rss', 'Which human rights indicators'],
      [`${thread}/feed.atom`, 'Newcomer-words-5521'],
      ['/sitemap-threads-1.xml', `/dialogue/open-exchange/${number}`],
      ['/api/threads?space=open-exchange', '"answered":true'],
      [`/api/threads/${number}`, 'twelve'],
      ['/en/dialogue/open-exchange/export.csv', 'Which human rights indicators'],
      ['/en/search?q=indicators', 'Which human rights indicators'],
    ];
    for (const [url, text] of checks) expect((await visitor.get(url)).body, url).toContain(text);

    // A moderator hides it for good, with a reason its author is told by e-mail and on the page,
    // and suspends the author until a date (a date in the past refused first).
    await world.editor.submit(thread, `/en/editor/dialogue/posts/${postId}/hide`, {
      reason: 'Please keep to indicators',
    });
    const toldHidden = world.smtp.received.find(
      (mail) =>
        JSON.stringify(mail.to).includes('resident@example.org') &&
        mail.subject === 'Your post in “Which human rights indicators do you publish?” was hidden',
    );
    expect(toldHidden?.text).toContain('for this reason: Please keep to indicators');
    expect((await newcomer.get(thread)).body).toContain(
      'This post was hidden by the moderators: Please keep to indicators',
    );
    expect((await visitor.get(thread)).body).not.toContain('Newcomer-words-5521');
    const past = await world.editor.submit(
      `/en/dialogue/open-exchange/${number}`,
      `/en/editor/dialogue/posts/${postId}/suspend`,
      { until: '2020-01-01', reason: 'Cooling off' },
    );
    expect(past.statusCode).toBe(422);
    expect(past.body).toContain('Give a date after today and within a year');
    const until = new Date(Date.now() + 7 * 24 * 3600 * 1000).toISOString().slice(0, 10);
    await world.editor.submit(
      `/en/dialogue/open-exchange/${number}`,
      `/en/editor/dialogue/posts/${postId}/suspend`,
      { until, reason: 'Cooling off' },
    );
    expect(
      world.smtp.received.find(
        (mail) =>
          JSON.stringify(mail.to).includes('resident@example.org') &&
          mail.subject === 'You are suspended from posting in the dialogue',
      )?.text,
    ).toContain('for this reason: Cooling off');
    const refused = await newcomer.submit(thread, `${thread}/replies`, { body: 'Let me speak.' });
    expect(refused.body).toContain('A moderator has suspended you from posting for now.');
  });

  it('keeps edits for moderators, deletes for authors, and refuses what the limits refuse', async () => {
    const ghent = await organisation('Ghent Human Rights City');
    await world.editor.submit(
      '/en/editor/dialogue/spaces/new',
      '/en/editor/dialogue/spaces',
      spaceForm({ slug: 'methods', name: 'Methods', audience: 'members' }),
    );
    const hana = await member('Hana Edit', ghent, '10.9.2.1');
    const started = await hana.submit('/en/dialogue/methods/new', '/en/dialogue/methods', {
      title: 'Participatory budgeting and rights',
      theme: '',
      body: 'First wording.',
    });
    const thread = threadUrl(started.headers.location);
    const page = await hana.get(thread);
    const postId = /\/posts\/([0-9a-f-]{36})\/edit/.exec(page.body)?.[1] ?? '';
    const edited = await hana.submit(
      `${thread}/posts/${postId}/edit`,
      `${thread}/posts/${postId}/edit`,
      { title: 'Participatory budgeting and human rights', body: 'Second wording.' },
    );
    expect(edited.headers.location).toBe(`${thread}?post=1#p1`);
    const now = await hana.get(thread);
    expect(now.body).toContain('Second wording.');
    expect(now.body).toContain('Participatory budgeting and human rights');
    expect(now.body).not.toContain('1 earlier version');
    expect((await world.editor.get(thread)).body).toContain('1 earlier version');
    // A moderator reads the earlier wording on the post's own page; nobody else may.
    const history = await world.editor.get(`/en/editor/dialogue/posts/${postId}`);
    expect(history.body).toContain('First wording.');
    expect((await hana.get(`/en/editor/dialogue/posts/${postId}`)).statusCode).toBe(403);
    const revisions = await world.app.database.db.execute<{ body: string }>(sql`
      SELECT body FROM dialogue_post_revisions WHERE post_id = ${postId}`);
    expect(revisions.rows.map((row) => row.body)).toEqual(['First wording.']);

    // A duplicate, too many links from a young account, and a suspended person are refused.
    const reply = await hana.submit(thread, `${thread}/replies`, { body: 'A reply.' });
    expect(reply.statusCode).toBe(303);
    const again = await hana.submit(thread, `${thread}/replies`, { body: 'A reply.' });
    expect(again.statusCode).toBe(422);
    expect(again.body).toContain('You posted exactly this message already today.');
    expect(again.body).toContain('>A reply.</textarea>');
    const young = await member('Ivo Young', ghent, '10.9.2.2');
    await world.app.database.db.execute(sql`
      UPDATE users SET created_at = now() WHERE email = 'ivo.young@example.org'`);
    const links = await young.submit(thread, `${thread}/replies`, {
      body: 'See https://a.example, https://b.example and https://c.example',
    });
    expect(links.statusCode).toBe(422);
    expect(links.body).toContain('New accounts may put at most 2 links in a post.');
    await world.app.database.db.execute(sql`
      INSERT INTO dialogue_suspensions (user_id, until, reason)
      SELECT id, now() + interval '1 day', 'Cooling off' FROM users
       WHERE email = 'ivo.young@example.org'`);
    const suspended = await young.submit(thread, `${thread}/replies`, { body: 'Still here.' });
    expect(suspended.body).toContain('A moderator has suspended you from posting for now.');

    // Locked: no more replies. The author deletes their reply: a placeholder remains.
    await world.editor.submit(thread, `${thread}/moderate`, { action: 'lock' });
    const locked = await hana.submit(thread, `${thread}/replies`, { body: 'After the lock.' });
    expect(locked.statusCode).toBe(422);
    expect(locked.body).toContain('This discussion is closed to replies.');
    const withReply = await hana.get(thread);
    const replyId = [...withReply.body.matchAll(/\/posts\/([0-9a-f-]{36})\/delete/g)][1]?.[1];
    const deleted = await hana.submit(thread, `${thread}/posts/${replyId}/delete`, {});
    expect(deleted.headers.location).toBe(`${thread}?done=deleted`);
    const after = await hana.get(thread);
    expect(after.body).toContain('This post was deleted by its author.');
    expect(after.body).not.toContain('A reply.');
  });
});
