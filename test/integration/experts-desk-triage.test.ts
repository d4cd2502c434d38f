/** The Experts' desk's triage and housekeeping: rejections, spam, merges, the service's figures, reminders and the purge. */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../support/app.js';
import { FormBrowser } from '../support/form-browser.js';
import type { TestSmtpServer } from '../support/smtp.js';
import {
  DAY,
  ask,
  askAsVisitor,
  closeDesk,
  day,
  lastMailTo,
  mailsTo,
  openDesk,
  passTime,
  statusOf,
} from '../support/experts-desk.js';

let smtp: TestSmtpServer;
let app: TestApp;
let editor: FormBrowser;
let expertId = '';

beforeAll(async () => {
  ({ smtp, app, editor, expertId } = await openDesk());
});

afterAll(closeDesk);

/** What the desk did before: a question Ines was assigned and the editors answered, and one spam. */
beforeAll(async () => {
  const answered = await ask(
    'Our city wants a local human rights ombudsperson for housing complaints. Who pays for it?',
  );
  const url = `/en/editor/questions/${answered}`;
  expect(
    (await editor.submit(url, `${url}/assign`, { experts: expertId, dueOn: day(7) })).statusCode,
  ).toBe(303);
  expect(
    (
      await editor.submit(url, `${url}/answer`, {
        publicQuestion:
          'Our city wants a local human rights ombudsperson for housing complaints. Who pays for it?',
        summary: 'Usually the city’s general budget, sometimes with a regional grant.',
        answer:
          'Most cities fund the office from the **general budget**; Vienna adds a regional grant.',
        publication: 'public',
        intent: 'publish',
      })
    ).statusCode,
  ).toBe(303);
  const spam = await askAsVisitor(
    'Who in the network has trained police officers on human rights?',
    'police@example.org',
  );
  const spamUrl = `/en/editor/questions/${spam}`;
  expect((await editor.submit(spamUrl, `${spamUrl}/spam`, {})).statusCode).toBe(303);
});

describe('the desk', () => {
  it('rejects with a reason told to the asker, marks spam silently, merges duplicates', async () => {
    const rejected = await askAsVisitor(
      'Can you write my thesis on human rights cities for me, please?',
      'student@example.org',
    );
    const url = `/en/editor/questions/${rejected}`;
    const short = await editor.submit(url, `${url}/reject`, { reason: 'No.' });
    expect(short.statusCode).toBe(422);
    expect(short.body).toContain('in at least ten characters');
    expect(
      (
        await editor.submit(url, `${url}/reject`, {
          reason: 'The experts answer questions from cities, not write theses.',
        })
      ).statusCode,
    ).toBe(303);
    expect(lastMailTo('student@example.org')?.subject).toBe(
      'About your question to the Experts’ facility',
    );
    expect(lastMailTo('student@example.org')?.text).toContain('not write theses');
    // Once closed, nothing more can be done to it.
    expect((await editor.submit(url, `${url}/spam`, {})).statusCode).toBe(422);

    const spam = await askAsVisitor(
      'Buy cheap watches now at the best prices in town, friends!',
      'watches@example.org',
    );
    const before = smtp.received.length;
    const spamUrl = `/en/editor/questions/${spam}`;
    expect((await editor.submit(spamUrl, `${spamUrl}/spam`, {})).statusCode).toBe(303);
    expect(smtp.received.length).toBe(before);
    expect(await statusOf(spam)).toBe('spam');

    const original = await askAsVisitor(
      'How do cities involve young people in human rights monitoring?',
      'youth@example.org',
    );
    const repeat = await askAsVisitor(
      'How do cities involve the young in monitoring human rights?',
      'young@example.org',
    );
    const repeatUrl = `/en/editor/questions/${repeat}`;
    const repeatPage = await editor.get(repeatUrl);
    expect(repeatPage.body).toContain(`value="${original}"`);
    expect(
      (await editor.submit(repeatUrl, `${repeatUrl}/merge`, { into: repeat })).statusCode,
    ).toBe(422);
    expect(
      (await editor.submit(repeatUrl, `${repeatUrl}/merge`, { into: original })).statusCode,
    ).toBe(303);
    expect(await statusOf(repeat)).toBe('merged');
    expect(lastMailTo('young@example.org')?.subject).toBe('Your question joins a similar one');
  });

  it('shows the service’s figures: open questions, medians and the load per expert', async () => {
    const queue = await editor.get('/en/editor/questions');
    const figures = /<dl class="facts">([\s\S]*?)<\/dl>/.exec(queue.body)?.[1] ?? '';
    // Open: the original of the merge.
    expect(figures).toMatch(/Open questions<\/dt><dd>1<\/dd>/);
    expect(figures).toMatch(/Median time to answer<\/dt><dd>\d+ (hours?|days?)<\/dd>/);
    expect(queue.body).toMatch(/Ines Expert<\/th><td>0<\/td><td>1<\/td>/);
    const closed = await editor.get('/en/editor/questions?view=closed');
    expect(closed.body).toContain('Buy cheap watches');
  });

  it('tells the asker of a merged question when the other is published, and links its answer', async () => {
    const [original, merged] = (
      await app.database.db.execute<{ id: string; merged_into: string }>(
        sql`SELECT id, merged_into FROM questions WHERE status = 'merged'`,
      )
    ).rows
      .map((row) => [row.merged_into, row.id])
      .flat();
    const url = `/en/editor/questions/${original}`;
    const published = await editor.submit(url, `${url}/answer`, {
      publicQuestion: 'How do cities involve young people in human rights monitoring?',
      summary: 'Through youth councils that report each year.',
      answer: 'Several cities ask their youth council to report on children’s rights each year.',
      publication: 'public',
      intent: 'publish',
    });
    expect(published.statusCode).toBe(303);
    expect(lastMailTo('young@example.org')?.subject).toBe('Your question is answered');
    const own = new URL(
      /https?:\/\/\S+\/experts\/questions\/\S+/.exec(
        mailsTo('young@example.org').find(
          (mail) => mail.subject === 'Your question joins a similar one',
        )?.text ?? '',
      )?.[0] ?? 'http://missing/',
    ).pathname;
    const followed = await new FormBrowser(app, '127.0.2.9').get(own);
    expect(followed.body).toContain('Joined to a similar question.');
    expect(followed.body).toContain(`href="/en/experts/answers/${original}"`);
    expect(merged).toBeTruthy();
  });

  it('reminds the expert before the due day and once more when overdue, never twice', async () => {
    const remind = app.jobs.find((job) => job.name === 'experts.remind-experts');
    const id = await askAsVisitor(
      'Which cities publish their human rights budget lines, and how?',
      'budget@example.org',
    );
    const url = `/en/editor/questions/${id}`;
    expect(
      (await editor.submit(url, `${url}/assign`, { experts: expertId, dueOn: day(7) })).statusCode,
    ).toBe(303);
    const before = mailsTo('ines@example.org').length;
    await remind?.run();
    expect(mailsTo('ines@example.org').length).toBe(before);
    passTime(6 * DAY);
    await remind?.run();
    await remind?.run();
    expect(mailsTo('ines@example.org').length).toBe(before + 1);
    expect(lastMailTo('ines@example.org')?.subject).toMatch(/^A question is due on /);
    passTime(3 * DAY);
    await remind?.run();
    await remind?.run();
    expect(mailsTo('ines@example.org').length).toBe(before + 2);
    expect(lastMailTo('ines@example.org')?.subject).toMatch(/^A question was due on /);
  });

  it('deletes questions never confirmed after seven days, and spam after thirty', async () => {
    const purge = app.jobs.find((job) => job.name === 'experts.purge-questions');
    const count = async () =>
      (await app.database.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM questions`))
        .rows[0]?.n ?? 0;
    await app.database.db.execute(sql`
      INSERT INTO questions (status, asker_email, locale, theme, question, fingerprint, follow_token_hash, created_at)
      VALUES ('unconfirmed', 'old@example.org', 'en', 'housing', 'An old unconfirmed question', 'x', 'old-hash',
              now() - interval '8 days')`);
    const before = await count();
    await purge?.run();
    expect(await count()).toBe(before - 1);
    const spam = (
      await app.database.db.execute<{ n: number }>(
        sql`SELECT count(*)::int AS n FROM questions WHERE status = 'spam'`,
      )
    ).rows[0]?.n;
    expect(spam).toBe(2);
    passTime(31 * DAY);
    await purge?.run();
    expect(await count()).toBe(before - 1 - 2);
  });
});
