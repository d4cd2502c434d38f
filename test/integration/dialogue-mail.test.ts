/**
 * Following discussions by e-mail, through a real SMTP server both ways: new replies reach the
 * people following, at most once an hour per thread and only as far as they may read; a
 * one-click stop (RFC 8058); and replies by e-mail through the app's own SMTP server, sent with a
 * real SMTP client — posted for the follower, ignored from anyone else.
 */
import nodemailer from 'nodemailer';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/platform/logging/logger.js';
import { startInboundSmtp, type InboundServer } from '../../src/platform/mail/inbound.js';
import { FormBrowser, signUpAndSignIn } from '../support/form-browser.js';
import { dialogueHelpers } from '../support/dialogue.js';
import { organisersWorld } from '../support/organisers.js';

const world = organisersWorld({ replyDomain: 'reply.example.org' });
const { organisation, member, spaceForm, threadUrl } = dialogueHelpers(world);
let inbound: InboundServer;
beforeAll(async () => {
  inbound = await startInboundSmtp({
    host: '127.0.0.1',
    port: 0,
    mailbox: world.app.mailbox,
    log: createLogger('silent'),
  });
});
afterAll(async () => {
  await inbound?.close();
});

describe('following a discussion by e-mail', () => {
  const notify = async () => {
    const job = world.app.jobs.find((entry) => entry.name === 'dialogue.notify');
    await job?.run();
  };
  const mailsTo = (email: string) =>
    world.smtp.received.filter(
      (mail) => JSON.stringify(mail.to).includes(email) && mail.subject?.includes('“Mapping'),
    );

  it('sends new replies at most once an hour, to readers only, with a one-click stop', async () => {
    const lyon = await organisation('Lyon Human Rights City');
    const nantes = await organisation('Nantes Human Rights City');
    await world.editor.submit(
      '/en/editor/dialogue/spaces/new',
      '/en/editor/dialogue/spaces',
      spaceForm({
        slug: 'lyon-group',
        name: 'Lyon and Nantes group',
        audience: 'group',
        organisations: [lyon, nantes],
      }),
    );
    const jana = await member('Jana Watch', lyon, '10.9.3.1');
    const kofi = await member('Kofi Watch', nantes, '10.9.3.2');
    const leo = await member('Leo Watch', nantes, '10.9.3.3');
    const started = await jana.submit('/en/dialogue/lyon-group/new', '/en/dialogue/lyon-group', {
      title: 'Mapping accessible polling stations',
      theme: '',
      body: 'Which data do you use?',
    });
    const thread = threadUrl(started.headers.location);
    // Leo follows the whole space; Jana follows the thread she started by herself.
    const space = await leo.submit('/en/dialogue/lyon-group', '/en/dialogue/lyon-group/watch', {
      watch: 'on',
    });
    expect(space.headers.location).toBe('/en/dialogue/lyon-group');
    expect((await leo.get('/en/dialogue/lyon-group')).body).toContain('Stop following');
    await kofi.submit(thread, `${thread}/replies`, { body: 'Watch-canary-7781 the register.' });
    await kofi.submit(thread, `${thread}/replies`, { body: 'And the city’s own survey.' });
    await notify();
    const [first, ...others] = mailsTo('jana.watch@example.org');
    expect(others).toEqual([]);
    expect(first?.subject).toBe('2 new replies in “Mapping accessible polling stations”');
    expect(first?.text).toContain('Kofi Watch wrote (post 2):\nWatch-canary-7781 the register.');
    expect(first?.text).toContain('And the city’s own survey.');
    const header = (name: string) =>
      first?.headerLines.find((line) => line.key === name)?.line ?? '';
    const unsubscribe = /<(http[^>]+)>/.exec(header('list-unsubscribe'))?.[1];
    expect(header('list-unsubscribe-post')).toBe(
      'List-Unsubscribe-Post: List-Unsubscribe=One-Click',
    );
    expect(mailsTo('leo.watch@example.org')).toHaveLength(1);
    expect(mailsTo('kofi.watch@example.org')).toHaveLength(0);

    // Within the hour, nothing more; an hour later, only what is new.
    await kofi.submit(thread, `${thread}/replies`, { body: 'Third thought.' });
    await notify();
    expect(mailsTo('jana.watch@example.org')).toHaveLength(1);
    await world.app.database.db.execute(sql`
      UPDATE dialogue_deliveries SET sent_at = sent_at - interval '61 minutes'`);
    // Leo leaves the group's organisations: told nothing more of it.
    await world.app.database.db.execute(sql`
      DELETE FROM organisation_members
       WHERE user_id = (SELECT id FROM users WHERE email = 'leo.watch@example.org')`);
    await notify();
    const second = mailsTo('jana.watch@example.org')[1];
    expect(second?.subject).toBe('A new reply in “Mapping accessible polling stations”');
    expect(second?.text).toContain('Third thought.');
    expect(second?.text).not.toContain('Watch-canary-7781');
    expect(mailsTo('leo.watch@example.org')).toHaveLength(1);

    // One click in the mail program (RFC 8058): a POST without cookies stops the messages.
    const path = new URL(unsubscribe ?? 'http://x/').pathname;
    const forged = await world.app.http.inject({
      method: 'POST',
      url: path.replace(/\/[^/]+$/, '/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(forged.statusCode).toBe(404);
    expect((await new FormBrowser(world.app).get(path)).body).toContain('Stop the e-mails');
    const stopped = await world.app.http.inject({
      method: 'POST',
      url: path,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(stopped.statusCode).toBe(200);
    expect(stopped.body).toContain('you will receive no more e-mails');
    await kofi.submit(thread, `${thread}/replies`, { body: 'Fourth thought.' });
    await world.app.database.db.execute(sql`
      UPDATE dialogue_deliveries SET sent_at = sent_at - interval '61 minutes'`);
    await notify();
    expect(mailsTo('jana.watch@example.org')).toHaveLength(2);
  });

  it('posts a follower’s reply by e-mail, and nothing from anyone else', async () => {
    const porto = await organisation('Porto Human Rights City');
    await world.editor.submit(
      '/en/editor/dialogue/spaces/new',
      '/en/editor/dialogue/spaces',
      spaceForm({
        slug: 'porto-group',
        name: 'Porto group',
        audience: 'group',
        organisations: [porto],
      }),
    );
    const maria = await member('Maria Mail', porto, '10.9.4.1');
    const nuno = await member('Nuno Mail', porto, '10.9.4.2');
    const started = await maria.submit('/en/dialogue/porto-group/new', '/en/dialogue/porto-group', {
      title: 'Translating the city charter',
      theme: '',
      body: 'Into how many languages?',
    });
    const thread = threadUrl(started.headers.location);
    await nuno.submit(thread, `${thread}/replies`, { body: 'Into seven, with volunteers.' });
    await notify();
    const told = world.smtp.received.find(
      (mail) =>
        JSON.stringify(mail.to).includes('maria.mail@example.org') &&
        mail.subject?.includes('Translating the city charter'),
    );
    const replyTo = told?.replyTo?.value[0]?.address ?? '';
    expect(replyTo).toMatch(/^reply\+[0-9a-f-]{36}\.\d+\.[a-z0-9_-]{24}@reply\.example\.org$/);
    expect(told?.text).toContain('You can answer by replying to this e-mail');

    const client = nodemailer.createTransport({
      host: '127.0.0.1',
      port: inbound.port,
      secure: false,
      ignoreTLS: true,
    });
    const send = (from: string, to: string, text: string) =>
      client.sendMail({ from, to, subject: 'Re: Translating the city charter', text });
    // The follower answers from her own address: posted under her name, the quote left out.
    await send(
      'Maria Mail <maria.mail@example.org>',
      replyTo,
      'Seven is ambitious. Which ones?\n\nOn Monday, Nuno wrote:\n> Into seven, with volunteers.',
    );
    const page = await nuno.get(thread);
    expect(page.body).toContain('Seven is ambitious. Which ones?');
    expect(page.body).not.toContain('On Monday, Nuno wrote');
    // Someone she forwarded the message to answers it: nothing is posted.
    await send('Oscar Outsider <oscar@example.net>', replyTo, 'Outsider-canary-9921 here.');
    // A forged or unknown address is refused by the server itself.
    await expect(
      send(
        'maria.mail@example.org',
        'reply+00000000-0000-4000-8000-000000000000.1.aaaaaaaaaaaaaaaaaaaaaaaa@reply.example.org',
        'x',
      ),
    ).rejects.toThrow(/550/);
    await expect(
      send('maria.mail@example.org', 'someone@elsewhere.org', 'relay me'),
    ).rejects.toThrow(/550/);
    // An auto-reply posts nothing.
    await client.sendMail({
      from: 'maria.mail@example.org',
      to: replyTo,
      subject: 'Out of office',
      text: 'Autoreply-canary-5512: I am away.',
      headers: { 'Auto-Submitted': 'auto-replied' },
    });
    // Once she has left the working group's organisations, her replies post nothing either.
    await world.app.database.db.execute(sql`
      DELETE FROM organisation_members
       WHERE user_id = (SELECT id FROM users WHERE email = 'maria.mail@example.org')`);
    await send('maria.mail@example.org', replyTo, 'Left-canary-3318 after leaving.');
    const after = await nuno.get(thread);
    for (const canary of ['Outsider-canary-9921', 'Autoreply-canary-5512', 'Left-canary-3318'])
      expect(after.body).not.toContain(canary);
    const posts = await world.app.database.db.execute<{ n: number }>(sql`
      SELECT count(*)::int AS n FROM dialogue_posts p JOIN dialogue_threads t ON t.id = p.thread_id
       WHERE t.title = 'Translating the city charter'`);
    expect(posts.rows[0]?.n).toBe(3);
    client.close();
  });

  it('tells the people a post mentions, when they may read it', async () => {
    const bern = await organisation('Bern Human Rights City');
    const basel = await organisation('Basel Human Rights City');
    await world.editor.submit(
      '/en/editor/dialogue/spaces/new',
      '/en/editor/dialogue/spaces',
      spaceForm({
        slug: 'bern-group',
        name: 'Bern group',
        audience: 'group',
        organisations: [bern],
      }),
    );
    const rita = await member('Rita Mention', bern, '10.9.6.1');
    await member('Sven Mention', bern, '10.9.6.2');
    await member('Tara Mention', basel, '10.9.6.3');
    await rita.submit('/en/dialogue/bern-group/new', '/en/dialogue/bern-group', {
      title: 'Who keeps the complaints register?',
      theme: '',
      body: 'Mention-words-4471: @sven-mention and @tara-mention, and my own @rita-mention.',
    });
    const mentioned = (email: string) =>
      world.smtp.received.filter(
        (mail) =>
          JSON.stringify(mail.to).includes(email) &&
          mail.subject === 'Rita Mention mentioned you in “Who keeps the complaints register?”',
      );
    expect(mentioned('sven.mention@example.org')).toHaveLength(1);
    expect(mentioned('sven.mention@example.org')[0]?.text).toContain('Mention-words-4471');
    // Outside the working group, or the author herself: nobody is told.
    expect(mentioned('tara.mention@example.org')).toHaveLength(0);
    expect(mentioned('rita.mention@example.org')).toHaveLength(0);

    // A newcomer's post waits for approval; its mentions go out once a moderator approves it.
    await world.editor.submit(
      '/en/editor/dialogue/spaces/new',
      '/en/editor/dialogue/spaces',
      spaceForm({ slug: 'open-mentions', name: 'Open mentions', audience: 'public' }),
    );
    const opened = await rita.submit(
      '/en/dialogue/open-mentions/new',
      '/en/dialogue/open-mentions',
      { title: 'Who answers residents?', theme: '', body: 'Asking openly.' },
    );
    const openThread = threadUrl(opened.headers.location);
    const resident = await signUpAndSignIn(
      world.app,
      world.smtp,
      { name: 'Una Resident', email: 'una@example.org' },
      '10.9.6.4',
    );
    await resident.submit(openThread, `${openThread}/replies`, {
      body: 'Held-mention-8830: @rita-mention, the ombudsperson does.',
    });
    const toRita = () =>
      world.smtp.received.filter(
        (mail) =>
          JSON.stringify(mail.to).includes('rita.mention@example.org') &&
          mail.subject === 'Una Resident mentioned you in “Who answers residents?”',
      );
    expect(toRita()).toHaveLength(0);
    const queue = await world.editor.get('/en/editor/dialogue');
    const held = /\/editor\/dialogue\/posts\/([0-9a-f-]{36})\/show/.exec(queue.body)?.[1] ?? '';
    await world.editor.submit('/en/editor/dialogue', `/en/editor/dialogue/posts/${held}/show`, {});
    expect(toRita()).toHaveLength(1);
  });
});
