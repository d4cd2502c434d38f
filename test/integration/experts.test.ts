/**
 * The Experts' facility's ask journey on the real database and a real SMTP server: a visitor asks,
 * confirms by the e-mailed link (a page with a button, so that a mail scanner confirms nothing),
 * and follows the question without an account; a signed-in person asks without confirming. Each
 * spam defence refuses with its own localised message and keeps what was typed.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/app.js';
import { FormBrowser, signUpAndSignIn } from '../support/form-browser.js';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp.js';

let smtp: TestSmtpServer;
let app: TestApp;
/** The app's clock runs this far ahead of the real one; tests move it to pass time. */
let ahead = 0;

const QUESTION = {
  question: 'How did other cities set up a local human rights ombudsperson, and who pays for it?',
  theme: 'housing',
  country: 'SE',
  name: 'Astrid',
  email: 'astrid@example.org',
  consent: 'yes',
};

beforeAll(async () => {
  smtp = await startSmtpServer();
  app = await buildTestApp({
    smtpUrl: smtp.url,
    clock: () => new Date(Date.now() + ahead),
  });
});

afterAll(async () => {
  await app.close();
  await smtp.close();
});

/** Opens the ask form, lets `wait` milliseconds pass, and sends it with `fields`. */
async function ask(
  browser: FormBrowser,
  fields: Record<string, string>,
  options: { wait?: number; locale?: string; started?: string } = {},
) {
  const path = `/${options.locale ?? 'en'}/experts/ask`;
  const form = await browser.get(path);
  expect(form.statusCode).toBe(200);
  const started =
    options.started ?? /name="started" value="([^"]+)"/.exec(form.body)?.[1] ?? 'missing';
  ahead += options.wait ?? 5_000;
  return browser.submit(path, path, { ...fields, started });
}

/** The path of the link to `path` in an e-mail's text. */
const linkTo = (text: string | undefined, path: string): string => {
  const found = (text ?? '').match(/https?:\/\/\S+/g)?.find((url) => url.includes(path));
  return found ? new URL(found).pathname : '/missing';
};

const questionsOf = async (email: string) =>
  (
    await app.database.db.execute<{ status: string; question: string }>(
      sql`SELECT status, question FROM questions WHERE asker_email = ${email} ORDER BY created_at`,
    )
  ).rows;

describe('asking the experts', () => {
  it('a visitor confirms by e-mail, then follows the question without an account', async () => {
    const visitor = new FormBrowser(app, '127.0.1.1');
    const sent = await ask(visitor, QUESTION);
    expect(sent.statusCode).toBe(200);
    expect(sent.body).toContain('Check your e-mail');
    expect(await questionsOf('astrid@example.org')).toEqual([
      { status: 'unconfirmed', question: QUESTION.question },
    ]);

    const confirmation = smtp.received.at(-1);
    expect(confirmation?.to).toMatchObject({ text: 'astrid@example.org' });
    expect(confirmation?.subject).toBe('Confirm your question to the Experts’ facility');
    const confirmLink = linkTo(confirmation?.text, '/en/experts/confirm/');
    // Opening the link confirms nothing: a mail scanner may open it.
    const page = await visitor.get(confirmLink);
    expect(page.statusCode).toBe(200);
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect((await questionsOf('astrid@example.org'))[0]?.status).toBe('unconfirmed');

    const confirmed = await visitor.submit(confirmLink, confirmLink, {});
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.body).toContain('Your question is confirmed');
    // The confirmation e-mail never carries what a visitor typed, not even a name.
    expect(confirmation?.text).toContain('Hello,');
    expect(confirmation?.text).not.toContain('Astrid');
    expect((await questionsOf('astrid@example.org'))[0]?.status).toBe('new');

    const received = smtp.received.at(-1);
    expect(received?.subject).toBe('Your question has reached the editors');
    const followLink = linkTo(received?.text, '/en/experts/questions/');
    // The page says it too, should the e-mail not arrive.
    expect(confirmed.body).toContain(`href="http://localhost:3000${followLink}"`);
    const followed = await new FormBrowser(app, '127.0.1.2').get(followLink);
    expect(followed.statusCode).toBe(200);
    expect(followed.body).toContain('Received.');
    expect(followed.body).toContain(
      'How did other cities set up a local human rights ombudsperson',
    );
    expect(followed.body).not.toContain('astrid@example.org');

    // A used link, an unknown one.
    expect((await visitor.get(confirmLink)).statusCode).toBe(410);
    expect((await visitor.get('/en/experts/questions/no-such-link-at-all-here')).statusCode).toBe(
      404,
    );
  });

  it('a confirmation link stops working after seven days', async () => {
    const visitor = new FormBrowser(app, '127.0.1.3');
    await ask(visitor, { ...QUESTION, email: 'late@example.org' });
    const link = linkTo(smtp.received.at(-1)?.text, '/en/experts/confirm/');
    ahead += 8 * 24 * 60 * 60 * 1000;
    expect((await visitor.get(link)).statusCode).toBe(410);
    expect((await questionsOf('late@example.org'))[0]?.status).toBe('unconfirmed');
  });

  it('a signed-in person asks without confirming, and is written to at their account', async () => {
    const person = await signedIn('Bruno Signed', 'bruno@example.org', '127.0.1.4');

    const form = await person.get('/en/experts/ask');
    expect(form.body).toContain('bruno@example.org, the address of your account');
    expect(form.body).not.toContain('name="email"');
    // No e-mail field: an address sent anyway is not used.
    const sent = await ask(person, { ...QUESTION, email: 'someone-else@example.org', name: '' });
    expect(sent.statusCode).toBe(200);
    expect(sent.body).toContain('Your question is with the editors');
    expect(await questionsOf('bruno@example.org')).toEqual([
      { status: 'new', question: QUESTION.question },
    ]);
    const received = smtp.received.at(-1);
    expect(received?.subject).toBe('Your question has reached the editors');
    expect(received?.text).toContain('Hello Bruno Signed,');
    expect((await person.get(linkTo(received?.text, '/en/experts/questions/'))).statusCode).toBe(
      200,
    );
  });
});

describe('the ask form refuses, keeping what was typed', () => {
  it('a form with missing or wrong fields, each named', async () => {
    const refused = await ask(new FormBrowser(app, '127.0.2.1'), {
      question: 'Too short?',
      theme: 'no-such-theme',
      country: 'Sweden',
      email: 'not-an-address',
    });
    expect(refused.statusCode).toBe(422);
    for (const message of [
      'Write your question in at least 20 characters.',
      'Choose the topic of your question.',
      'Choose a country from the list, or none.',
      'Enter an e-mail address like name@example.org.',
      'Tick the box to agree',
    ])
      expect(refused.body).toContain(message);
    expect(refused.body).toContain('Too short?</textarea>');
    expect(refused.body).toContain('value="not-an-address"');
  });

  it('the field people leave empty, filled in', async () => {
    const refused = await ask(new FormBrowser(app, '127.0.2.2'), {
      ...QUESTION,
      email: 'bot@example.org',
      website: 'http://spam.example',
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('a field that people leave empty was filled in');
    expect(refused.body).toContain(QUESTION.question);
    expect(await questionsOf('bot@example.org')).toEqual([]);
  });

  it('a form sent back too quickly, then accepted once time has passed', async () => {
    const browser = new FormBrowser(app, '127.0.2.3');
    const refused = await ask(browser, { ...QUESTION, email: 'quick@example.org' }, { wait: 500 });
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('That was very quick.');
    // The form sent back keeps its first stamp: a person who reads it over is then accepted.
    const started = /name="started" value="([^"]+)"/.exec(refused.body)?.[1] ?? '';
    ahead += 5_000;
    const accepted = await browser.submit('/en/experts/ask', '/en/experts/ask', {
      ...QUESTION,
      email: 'quick@example.org',
      started,
    });
    expect(accepted.statusCode).toBe(200);
  });

  it('a form whose stamp is not ours', async () => {
    const refused = await ask(
      new FormBrowser(app, '127.0.2.4'),
      { ...QUESTION, email: 'forged@example.org' },
      { started: `${Date.now() - 60_000}.forged` },
    );
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('This form is too old or was changed.');
  });

  it('more than two links', async () => {
    const refused = await ask(new FormBrowser(app, '127.0.2.5'), {
      ...QUESTION,
      email: 'links@example.org',
      question: 'See https://a.example, https://b.example and www.c.example for what we mean.',
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('Your question holds more than two links.');
  });

  it('the same question twice, and a fourth question in a day, from a signed-in person', async () => {
    const person = await signedIn('Busy Asker', 'busy@example.org', '127.0.2.6');
    const mine = { ...QUESTION, email: '' };
    expect((await ask(person, mine)).statusCode).toBe(200);
    const again = await ask(person, { ...mine, question: `  ${mine.question.toUpperCase()} ` });
    expect(again.statusCode).toBe(422);
    expect(again.body).toContain('You have already sent us this question.');
    for (const n of [2, 3])
      expect(
        (await ask(person, { ...mine, question: `${mine.question} (part ${n})` })).statusCode,
      ).toBe(200);
    const fourth = await ask(person, { ...mine, question: `${mine.question} (part 4)` });
    expect(fourth.statusCode).toBe(422);
    expect(fourth.body).toContain('You have sent three questions today.');
    expect(await questionsOf('busy@example.org')).toHaveLength(3);
  });

  it('a stranger typing someone’s address learns nothing, floods nothing, blocks nothing', async () => {
    const stranger = new FormBrowser(app, '127.0.2.9');
    const victim = { ...QUESTION, email: 'victim@example.org' };
    const before = smtp.received.length;
    for (const n of [1, 2, 3, 4]) {
      const sent = await ask(stranger, { ...victim, question: `${victim.question} (${n})` });
      expect(sent.statusCode).toBe(200);
      expect(sent.body).toContain('Check your e-mail');
    }
    // Three confirmation e-mails at most in a day; the fourth is silently not sent.
    expect(smtp.received.length - before).toBe(3);
    // The address's owner still asks, and learns of a duplicate only by following the link.
    const owner = new FormBrowser(app, '127.0.3.1');
    const [first = '', , third = ''] = smtp.received
      .slice(-3)
      .map((mail) => linkTo(mail.text, '/en/experts/confirm/'));
    expect((await owner.submit(third, third, {})).statusCode).toBe(200);
    expect((await owner.submit(first, first, {})).statusCode).toBe(200);
    expect((await questionsOf('victim@example.org')).map((q) => q.status).sort()).toEqual([
      'new',
      'new',
      'unconfirmed',
    ]);
    // Sent again, the first question is refused when its link is followed, to the owner only.
    expect((await ask(owner, { ...victim, question: `${victim.question} (1)` })).statusCode).toBe(
      200,
    );
    const again = linkTo(smtp.received.at(-1)?.text, '/en/experts/confirm/');
    const refused = await owner.submit(again, again, {});
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('You have already sent us this question.');
  });

  it('more than five posts a minute from one address', async () => {
    const browser = new FormBrowser(app, '127.0.2.7');
    const statuses: number[] = [];
    for (let n = 0; n < 6; n += 1)
      statuses.push((await ask(browser, { ...QUESTION, question: '' }, { wait: 0 })).statusCode);
    expect(statuses.slice(0, 5)).toEqual([422, 422, 422, 422, 422]);
    expect(statuses[5]).toBe(429);
  });

  it('in the asker’s language', async () => {
    const refused = await ask(
      new FormBrowser(app, '127.0.2.8'),
      { ...QUESTION, email: 'francoise@example.org', website: 'x' },
      { locale: 'fr' },
    );
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('<html lang="fr"');
    expect(refused.body).not.toContain('a field that people leave empty');
  });
});

/** Someone with a confirmed account, signed in. */
const signedIn = (name: string, email: string, ip: string): Promise<FormBrowser> =>
  signUpAndSignIn(app, smtp, { name, email }, ip);
