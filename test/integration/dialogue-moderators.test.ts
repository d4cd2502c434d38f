/**
 * A space's own moderators, appointed by an editor by their addresses: they see their space's
 * queue and decide there (a flag of theirs hides a post at once, they restore it, lock a
 * thread), and nowhere else — no other space's queue or tools, no opening of spaces.
 */
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { FormBrowser } from '../support/form-browser.js';
import { dialogueHelpers } from '../support/dialogue.js';
import { organisersWorld } from '../support/organisers.js';

const world = organisersWorld();
const { organisation, member, spaceForm, threadUrl } = dialogueHelpers(world);

describe('a space’s own moderators', () => {
  it('moderate that space only, appointed by an editor', async () => {
    const turku = await organisation('Turku Human Rights City');
    const pia = await member('Pia Mod', turku, '10.9.5.1');
    const quinn = await member('Quinn Post', turku, '10.9.5.2');
    const unknown = await world.editor.submit(
      '/en/editor/dialogue/spaces/new',
      '/en/editor/dialogue/spaces',
      spaceForm({
        slug: 'indicators',
        name: 'Rights indicators',
        audience: 'members',
        moderators: 'pia.mod@example.org\nnobody@example.org',
      }),
    );
    expect(unknown.statusCode).toBe(422);
    expect(unknown.body).toContain('Give the addresses of people who have a confirmed account');
    await world.editor.submit('/en/editor/dialogue/spaces/new', '/en/editor/dialogue/spaces', {
      ...spaceForm({ slug: 'indicators', name: 'Rights indicators', audience: 'members' }),
      moderators: 'Pia.Mod@example.org',
    });
    expect((await world.editor.get('/en/editor/dialogue/spaces/indicators')).body).toContain(
      'pia.mod@example.org</textarea>',
    );
    const started = await quinn.submit('/en/dialogue/indicators/new', '/en/dialogue/indicators', {
      title: 'Counting evictions every quarter',
      theme: '',
      body: 'Quarterly-words-6610 from the courts.',
    });
    const thread = threadUrl(started.headers.location);
    const page = await pia.get(thread);
    const postId = /\/posts\/([0-9a-f-]{36})\/flag/.exec(page.body)?.[1] ?? '';
    // Her flag hides the post at once; her queue shows it; she restores it.
    const flagged = await pia.submit(thread, `${thread}/posts/${postId}/flag`, {
      reason: 'spam',
      note: '',
    });
    expect(flagged.headers.location).toBe(`${thread}?done=hidden`);
    const queue = await pia.get('/en/editor/dialogue');
    expect(queue.statusCode).toBe(200);
    expect(queue.body).toContain('Quarterly-words-6610');
    await pia.submit('/en/editor/dialogue', `/en/editor/dialogue/posts/${postId}/show`, {});
    expect((await quinn.get(thread)).body).toContain('Quarterly-words-6610');
    const locked = await pia.submit(thread, `${thread}/moderate`, { action: 'lock' });
    expect(locked.headers.location).toBe(`${thread}?done=moderated`);

    // Elsewhere she is a member like any other: no queue of another space, no tools, no spaces.
    await world.editor.submit(
      '/en/editor/dialogue/spaces/new',
      '/en/editor/dialogue/spaces',
      spaceForm({ slug: 'elsewhere', name: 'Elsewhere', audience: 'members' }),
    );
    const elsewhere = await world.editor.submit(
      '/en/dialogue/elsewhere/new',
      '/en/dialogue/elsewhere',
      { title: 'A question elsewhere', theme: '', body: 'Asked by an editor.' },
    );
    const other = threadUrl(elsewhere.headers.location);
    const otherPage = await quinn.get(other);
    const otherPost = /\/posts\/([0-9a-f-]{36})\/flag/.exec(otherPage.body)?.[1] ?? '';
    await quinn.submit(other, `${other}/posts/${otherPost}/flag`, { reason: 'other', note: 'Odd' });
    expect((await world.editor.get('/en/editor/dialogue')).body).toContain('Odd');
    expect((await pia.get('/en/editor/dialogue')).body).not.toContain('Odd');
    expect((await pia.get(other)).body).not.toContain('id="moderate-title"');
    const refused = await pia.submit(other, `${other}/moderate`, { action: 'pin' });
    expect(refused.statusCode).toBe(404);
    expect((await pia.get('/en/editor/dialogue/spaces/new')).statusCode).toBe(403);
    expect((await quinn.get('/en/editor/dialogue')).statusCode).toBe(403);
  });
});

describe('spaces tied to an event or an entry', () => {
  it('are linked from the event’s and the entry’s pages, as far as the reader may read them', async () => {
    const db = world.app.database.db;
    const event = await db.execute<{ slug: string }>(sql`
      SELECT slug FROM events WHERE status <> 'draft' AND access = 'public' LIMIT 1`);
    const item = await db.execute<{ section: string; slug: string }>(sql`
      SELECT section, slug FROM items WHERE access = 'public' AND status = 'published' LIMIT 1`);
    const eventSlug = event.rows[0]?.slug ?? '';
    const itemPath = `/knowledge/${item.rows[0]?.section}/${item.rows[0]?.slug}`;
    for (const [slug, name, audience] of [
      ['tied-public', 'Open talk on it', 'public'],
      ['tied-members', 'Tiedcanary-5120 members’ talk', 'members'],
    ] as const)
      await world.editor.submit('/en/editor/dialogue/spaces/new', '/en/editor/dialogue/spaces', {
        ...spaceForm({ slug, name, audience }),
        eventSlug,
        itemPath,
      });
    // A working group's space: read by the people of its organisation only.
    const lund = await organisation('Lund Human Rights City');
    const other = await organisation('Elsewhere City');
    await world.editor.submit('/en/editor/dialogue/spaces/new', '/en/editor/dialogue/spaces', {
      ...spaceForm({ slug: 'tied-group', name: 'Groupcanary-5121 talk', audience: 'group' }),
      organisations: [lund],
      eventSlug,
      itemPath,
    });
    const gita = await member('Gita Group', lund, '10.9.7.2');
    const olle = await member('Olle Other', other, '10.9.7.3');
    const visitor = new FormBrowser(world.app, '10.9.7.1');
    for (const page of [`/en/events/${eventSlug}`, `/en${itemPath}`]) {
      const seen = await visitor.get(page);
      expect(seen.body, page).toContain('<h2 id="discussions-title">Discussions</h2>');
      expect(seen.body, page).toContain('href="/en/dialogue/tied-public"');
      expect(seen.body, page).not.toContain('Tiedcanary-5120');
      expect(seen.body, page).not.toContain('Groupcanary-5121');
      expect((await world.editor.get(page)).body, page).toContain('Tiedcanary-5120');
      // Two people of one role, one statement for both: each reads as who they are.
      for (const [reader, readsGroup] of [
        [olle, false],
        [gita, true],
        [olle, false],
      ] as const) {
        const body = (await reader.get(page)).body;
        expect(body, page).toContain('Tiedcanary-5120');
        if (readsGroup) expect(body, page).toContain('Groupcanary-5121');
        else expect(body, page).not.toContain('Groupcanary-5121');
      }
    }
  });
});
