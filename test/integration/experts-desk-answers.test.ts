/** The Experts' desk from a confirmed question to its answer: assign, draft, help, submit, publish (public, members, private), correct. */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../support/app.js';
import { FormBrowser } from '../support/form-browser.js';
import type { TestSmtpServer } from '../support/smtp.js';
import {
  ask,
  askAsVisitor,
  closeDesk,
  day,
  grant,
  lastMailTo,
  openDesk,
  statusOf,
} from '../support/experts-desk.js';

let smtp: TestSmtpServer;
let app: TestApp;
let editor: FormBrowser;
let expert: FormBrowser;
let otherExpert: FormBrowser;
let asker: FormBrowser;
let expertId = '';

beforeAll(async () => {
  ({ smtp, app, editor, expert, otherExpert, asker, expertId } = await openDesk());
});

afterAll(closeDesk);

let questionId = '';
let followLink = '';

describe('the desk', () => {
  it('is for editors; the workspace for experts', async () => {
    expect((await asker.get('/en/editor/questions')).statusCode).toBe(403);
    expect((await expert.get('/en/editor/questions')).statusCode).toBe(403);
    expect((await asker.get('/en/experts/workspace')).statusCode).toBe(403);
    expect((await app.http.inject({ url: '/en/editor/questions' })).statusCode).toBe(303);
    const queue = await editor.get('/en/editor/questions');
    expect(queue.statusCode).toBe(200);
    expect(queue.body).toContain('The service in figures');
  });

  it('assigns a question to the best-matching experts with a due day, and tells them and the asker', async () => {
    questionId = await ask(
      'Our city wants a local human rights ombudsperson for housing complaints. Who pays for it?',
    );
    followLink = new URL(
      (lastMailTo('paula@example.org')?.text ?? '').match(
        /https?:\/\/\S+\/experts\/questions\/\S+/,
      )?.[0] ?? 'http://missing/',
    ).pathname;
    const queue = await editor.get('/en/editor/questions');
    expect(queue.body).toContain('Our city wants a local human rights ombudsperson');
    expect(queue.body).toContain('1 question');

    const page = await editor.get(`/en/editor/questions/${questionId}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('paula@example.org');
    // Ines matches the topic and a term of her expertise: she comes first.
    expect(page.body.indexOf('Ines Expert')).toBeLessThan(page.body.indexOf('Aaron Other'));
    expect(page.body).toContain('expertise: ombudsperson');

    const url = `/en/editor/questions/${questionId}`;
    const past = await editor.submit(url, `${url}/assign`, { experts: expertId, dueOn: day(-1) });
    expect(past.statusCode).toBe(422);
    expect(past.body).toContain('The due date is in the past');
    const none = await editor.submit(url, `${url}/assign`, { dueOn: day(7) });
    expect(none.statusCode).toBe(422);
    expect(none.body).toContain('Choose at least one expert');
    expect(none.body).toContain(`value="${day(7)}"`);

    const assigned = await editor.submit(url, `${url}/assign`, {
      experts: expertId,
      dueOn: day(7),
    });
    expect(assigned.statusCode).toBe(303);
    expect(await statusOf(questionId)).toBe('assigned');
    expect(lastMailTo('ines@example.org')?.subject).toMatch(/^A question for you, due on /);
    expect(lastMailTo('paula@example.org')?.subject).toBe('An expert is working on your question');
    expect(lastMailTo('paula@example.org')?.text).toContain(followLink);
    const followed = await new FormBrowser(app, '127.0.2.9').get(followLink);
    expect(followed.body).toContain('With an expert.');
  });

  it('lets only the assigned expert draft; a stale save loses nothing', async () => {
    const list = await expert.get('/en/experts/workspace');
    expect(list.body).toContain('Our city wants a local human rights ombudsperson');
    // The expert does not see who asked.
    const page = await expert.get(`/en/experts/workspace/${questionId}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('paula@example.org');
    expect((await otherExpert.get(`/en/experts/workspace/${questionId}`)).statusCode).toBe(404);

    const url = `/en/experts/workspace/${questionId}`;
    const basedOn = /name="basedOn" value="([^"]*)"/.exec(page.body)?.[1] ?? '';
    // A preview shows the Markdown as it will read, and saves nothing.
    const preview = await expert.submit(url, url, {
      answer: 'A **first** thought.',
      basedOn,
      intent: 'preview',
    });
    expect(preview.statusCode).toBe(200);
    expect(preview.body).toContain('<strong>first</strong>');
    expect(preview.body).toContain('A **first** thought.');
    const stored = await app.database.db.execute<{ answer: string }>(
      sql`SELECT answer FROM questions WHERE id = ${questionId}`,
    );
    expect(stored.rows[0]?.answer).toBe('');
    const saved = await expert.submit(url, url, {
      answer: 'Most cities fund the office from the general budget.',
      basedOn,
      intent: 'save',
    });
    expect(saved.statusCode).toBe(303);
    // A second tab, opened before that save, saves over it: refused, its text kept.
    const stale = await expert.submit(url, url, {
      answer: 'An older version of the answer from another tab.',
      basedOn,
      intent: 'save',
    });
    expect(stale.statusCode).toBe(422);
    expect(stale.body).toContain('Someone saved this answer while you were writing');
    expect(stale.body).toContain('An older version of the answer from another tab.');
  });

  it('a call for help flags the question and writes to the editors; an editor’s note answers it', async () => {
    const url = `/en/experts/workspace/${questionId}`;
    const empty = await expert.submit(url, `${url}/help`, { help: '  ' });
    expect(empty.statusCode).toBe(422);
    expect(empty.body).toContain('Write the note first.');
    const help = await expert.submit(url, `${url}/help`, {
      help: 'Do we have figures on the cost of the Vienna office?',
    });
    expect(help.statusCode).toBe(303);
    expect(lastMailTo('erika@example.org')?.subject).toBe(
      'Ines Expert asks for help with a question',
    );
    expect((await editor.get('/en/editor/questions')).body).toContain('Help wanted');
    const desk = `/en/editor/questions/${questionId}`;
    const note = await editor.submit(desk, `${desk}/notes`, {
      body: 'See the 2023 annual report of the Vienna office.',
    });
    expect(note.statusCode).toBe(303);
    expect((await editor.get('/en/editor/questions')).body).not.toContain('Help wanted');
    expect((await expert.get(url)).body).toContain(
      'See the 2023 annual report of the Vienna office.',
    );
    // The asker sees none of it.
    expect((await new FormBrowser(app, '127.0.2.9').get(followLink)).body).not.toContain(
      'Vienna office',
    );
  });

  it('the expert submits, agreeing to be named', async () => {
    const url = `/en/experts/workspace/${questionId}`;
    const page = await expert.get(url);
    const basedOn = /name="basedOn" value="([^"]*)"/.exec(page.body)?.[1] ?? '';
    const submitted = await expert.submit(url, url, {
      answer:
        'Most cities fund the office from the **general budget**; Vienna adds a regional grant.',
      credited: 'yes',
      basedOn,
      intent: 'submit',
    });
    expect(submitted.statusCode).toBe(303);
    expect(await statusOf(questionId)).toBe('submitted');
    expect(lastMailTo('erika@example.org')?.subject).toBe('Ines Expert has submitted an answer');
  });

  it('publishes for everyone: an anonymised page with QAPage data, in the archive, the asker told', async () => {
    const url = `/en/editor/questions/${questionId}`;
    const page = await editor.get(url);
    const basedOn = /name="basedOn" value="([^"]*)"/.exec(page.body)?.[1] ?? '';
    const form = {
      publicQuestion:
        'Our city wants a local human rights ombudsperson for housing complaints. Who pays for it?',
      summary: 'Usually the city’s general budget, sometimes with a regional grant.',
      answer:
        'Most cities fund the office from the **general budget**; Vienna adds a regional grant.',
      links: 'https://example.org/ombuds Ombuds offices compared',
      related: '',
      publication: 'public',
      basedOn,
      intent: 'publish',
    };
    const refused = await editor.submit(url, `${url}/answer`, {
      ...form,
      summary: '',
      links: 'not-a-link',
      related: 'no-such-item',
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('Write a summary for the published answer.');
    expect(refused.body).toContain('Start each line with an address');
    expect(await statusOf(questionId)).toBe('submitted');
    const published = await editor.submit(url, `${url}/answer`, form);
    expect(published.statusCode).toBe(303);
    expect(await statusOf(questionId)).toBe('answered');

    const mail = lastMailTo('paula@example.org');
    expect(mail?.subject).toBe('Your question is answered');
    expect(mail?.text).toContain('Usually the city’s general budget');
    expect(mail?.text).toContain(`/en/experts/answers/${questionId}`);

    const visitor = await app.http.inject({ url: `/en/experts/answers/${questionId}` });
    expect(visitor.statusCode).toBe(200);
    expect(visitor.body).toContain('<strong>general budget</strong>');
    expect(visitor.body).toContain('Ines Expert');
    expect(visitor.body).toContain('Ombuds offices compared');
    expect(visitor.body).not.toContain('Paula');
    expect(visitor.body).not.toContain('paula@example.org');
    const jsonLd = /<script type="application\/ld\+json"[^>]*>([^<]+)<\/script>/.exec(visitor.body);
    const data = JSON.parse(jsonLd?.[1] ?? '{}') as {
      '@type': string;
      mainEntity: {
        '@type': string;
        answerCount: number;
        acceptedAnswer: { author: { name: string }[] };
      };
    };
    expect(data['@type']).toBe('QAPage');
    expect(data.mainEntity['@type']).toBe('Question');
    expect(data.mainEntity.acceptedAnswer.author[0]?.name).toBe('Ines Expert');
    expect(visitor.body).toContain(`/en/experts/ask?theme=housing`);

    const searched = await app.http.inject({ url: '/en/experts/answers?q=ombudsperson' });
    expect(searched.body).toContain(`/en/experts/answers/${questionId}`);
    // Words are stemmed in the answer's language: "grants" finds "grant", "funding" "fund".
    const stemmed = await app.http.inject({ url: '/en/experts/answers?q=grants+funding' });
    expect(stemmed.body).toContain(`/en/experts/answers/${questionId}`);
    const none = await app.http.inject({ url: '/en/experts/answers?q=%22regional+tramways%22' });
    expect(none.body).toContain('No answers');
    // Signs that negate nothing match nothing (500 of them were a 500).
    const signs = await app.http.inject({ url: `/en/experts/answers?q=${'-'.repeat(500)}` });
    expect(signs.statusCode).toBe(200);
    const archive = await app.http.inject({ url: '/en/experts/answers?theme=housing' });
    expect(archive.body).toContain('Our city wants a local human rights ombudsperson');
    expect(archive.body).toContain('1 answer');
    // The global search finds it.
    const found = await app.http.inject({ url: '/en/search?q=ombudsperson' });
    expect(found.body).toContain(`href="/en/experts/answers/${questionId}"`);
    const followed = await new FormBrowser(app, '127.0.2.9').get(followLink);
    expect(followed.body).toContain('Answered.');
    expect(followed.body).toContain('Read the published answer');
  });

  it('corrects a published answer without telling anyone again, and links related items', async () => {
    await app.database.db.execute(sql`
      INSERT INTO items (type, section, slug, access, status, original_locale, date, published_at)
      VALUES ('publication', 'publications', 'ombuds-guide', 'public', 'published', 'en', '2025-01-01', now())`);
    await app.database.db.execute(sql`
      INSERT INTO item_translations (item_id, locale, title, summary, body, fields)
      SELECT id, 'en', 'A guide to local ombuds offices', 'How to set one up.', '', '{}'
        FROM items WHERE slug = 'ombuds-guide'`);
    const url = `/en/editor/questions/${questionId}`;
    const page = await editor.get(url);
    expect(page.body).toContain('Save the corrections');
    const basedOn = /name="basedOn" value="([^"]*)"/.exec(page.body)?.[1] ?? '';
    const mails = smtp.received.length;
    const emptied = await editor.submit(url, `${url}/answer`, {
      publicQuestion: 'Who pays for a local ombudsperson?',
      summary: '',
      answer: 'Most cities fund the office from the general budget.',
      basedOn,
      intent: 'save',
    });
    expect(emptied.statusCode).toBe(422);
    expect(emptied.body).toContain('Write a summary for the published answer.');
    const corrected = await editor.submit(url, `${url}/answer`, {
      publicQuestion: 'Who pays for a local ombudsperson?',
      summary: 'The general budget, in most cities.',
      answer: 'Most cities fund the office from the general budget.',
      related: 'ombuds-guide',
      basedOn,
      intent: 'save',
    });
    expect(corrected.statusCode).toBe(303);
    expect(smtp.received.length).toBe(mails);
    expect(await statusOf(questionId)).toBe('answered');
    const answer = await app.http.inject({ url: `/en/experts/answers/${questionId}` });
    expect(answer.body).toContain('The general budget, in most cities.');
    expect(answer.body).toContain('A guide to local ombuds offices');
  });

  it('takes an expert off a question', async () => {
    const id = await askAsVisitor(
      'Who in the network has trained police officers on human rights?',
      'police@example.org',
    );
    const url = `/en/editor/questions/${id}`;
    await editor.submit(url, `${url}/assign`, { experts: expertId, dueOn: day(5) });
    expect((await expert.get(`/en/experts/workspace/${id}`)).statusCode).toBe(200);
    expect((await editor.submit(url, `${url}/unassign`, { expert: expertId })).statusCode).toBe(
      303,
    );
    expect((await expert.get(`/en/experts/workspace/${id}`)).statusCode).toBe(404);
    expect((await editor.submit(url, `${url}/spam`, {})).statusCode).toBe(303);
  });

  it('answers privately when the asker asked for it: by e-mail only, never on the site', async () => {
    const id = await ask('Please keep this private: how do we evaluate our local action plan?', {
      keepPrivate: 'yes',
    });
    const url = `/en/editor/questions/${id}`;
    const form = {
      publicQuestion: '',
      summary: '',
      answer: 'Use the indicators of the network’s monitoring guide, and ask residents.',
      publication: 'public',
      intent: 'publish',
    };
    const refused = await editor.submit(url, `${url}/answer`, form);
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('answer privately by e-mail');
    const sent = await editor.submit(url, `${url}/answer`, { ...form, publication: 'private' });
    expect(sent.statusCode).toBe(303);
    const mail = lastMailTo('paula@example.org');
    expect(mail?.subject).toBe('The answer to your question');
    expect(mail?.text).toContain('Use the indicators of the network’s monitoring guide');
    expect((await app.http.inject({ url: `/en/experts/answers/${id}` })).statusCode).toBe(404);
    expect((await editor.get(`/en/experts/answers/${id}`)).statusCode).toBe(404);
    expect((await app.http.inject({ url: '/en/experts/answers' })).body).not.toContain(
      'evaluate our local action plan',
    );
  });

  it('publishes for members only: a teaser for others, the answer for members', async () => {
    const id = await askAsVisitor(
      'What do member cities pay their human rights coordinators, roughly?',
      'salaries@example.org',
    );
    const url = `/en/editor/questions/${id}`;
    const published = await editor.submit(url, `${url}/answer`, {
      publicQuestion: 'What do member cities pay their human rights coordinators, roughly?',
      summary: 'Between one and two median city salaries.',
      answer: 'Figures from the members’ survey of 2025 show a wide range between cities.',
      publication: 'members',
      intent: 'publish',
    });
    expect(published.statusCode).toBe(303);
    const visitor = await app.http.inject({ url: `/en/experts/answers/${id}` });
    expect(visitor.statusCode).toBe(403);
    expect(visitor.body).not.toContain('median city salaries');
    expect((await app.http.inject({ url: '/en/search?q=coordinators' })).body).not.toContain(id);
    await grant('paula@example.org', 'practitioner');
    const member = await asker.get(`/en/experts/answers/${id}`);
    expect(member.statusCode).toBe(200);
    expect(member.body).toContain('Between one and two median city salaries.');
    // Not for search engines: no structured data, no indexing.
    expect(member.body).not.toContain('application/ld+json');
    expect(member.body).toContain('noindex');
    expect((await asker.get('/en/experts/answers')).body).toContain('For members');
    // The asker reads it through their own link, member or not.
    const mail = lastMailTo('salaries@example.org');
    expect(mail?.subject).toBe('Your question is answered');
    const own = new URL(
      /https?:\/\/\S+\/experts\/questions\/\S+/.exec(mail?.text ?? '')?.[0] ?? 'http://missing/',
    ).pathname;
    const followed = await new FormBrowser(app, '127.0.2.9').get(own);
    expect(followed.body).toContain('Figures from the members’ survey of 2025');
  });
});
