/**
 * People of the network end to end: a profile whose fields each have their own visibility, the
 * members' directory, and introductions relayed by e-mail (real SMTP server) that never show the
 * recipient's address.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../src/features/access/access.schema.js';
import { buildTestApp, type TestApp } from '../support/app.js';
import { FormBrowser, turnOnTwoFactor, signUpAndSignIn } from '../support/form-browser.js';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp.js';

let smtp: TestSmtpServer;
let app: TestApp;
let admin: FormBrowser;

async function grant(email: string, role: string): Promise<void> {
  const people = await admin.get(`/en/admin/people?q=${encodeURIComponent(email)}`);
  const id = /action="\/en\/admin\/people\/([0-9a-f-]{36})"/.exec(people.body)?.[1] ?? '';
  expect(
    (await admin.submit('/en/admin/people', `/en/admin/people/${id}`, { role })).statusCode,
  ).toBe(303);
}

const idOf = async (email: string): Promise<string> =>
  (await app.database.db.select().from(users).where(eq(users.email, email)))[0]?.id ?? '';

const PROFILE = {
  affiliation: 'Ufficio diritti umani, Comune di Torino',
  position: 'Policy officer',
  country: 'IT',
  languages: ['it', 'en'],
  expertise: 'participatory budgeting, housing first',
  themes: ['housing'],
  visibility_affiliation: 'public',
  visibility_position: 'members',
  visibility_country: 'public',
  visibility_languages: 'members',
  visibility_expertise: 'members',
  visibility_themes: 'nobody',
  inDirectory: 'yes',
};

beforeAll(async () => {
  smtp = await startSmtpServer();
  app = await buildTestApp({ smtpUrl: smtp.url });
  const setup = new URL((await app.access.issueSetupLink('en')).url).pathname;
  admin = new FormBrowser(app, '127.0.0.2');
  const password = 'the administrator passphrase';
  await admin.submit(setup, setup, {
    name: 'Admin',
    email: 'admin@example.org',
    password,
    passwordConfirmation: password,
  });
  await admin.submit('/en/sign-in', '/en/sign-in', { email: 'admin@example.org', password });
  await turnOnTwoFactor(admin, password);
});

afterAll(async () => {
  await app.close();
  await smtp.close();
});

describe('people of the network', () => {
  it('each field of a profile is seen only by whom its owner chose', async () => {
    const giulia = await signUp('Giulia Conti', 'giulia@example.org', '127.0.0.3');
    const refused = await giulia.submit('/en/account/profile', '/en/account/profile', {
      ...PROFILE,
      languages: ['it', 'klingon'],
      visibility_position: 'everyone',
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('Choose who sees this.');
    expect(refused.body).toContain('value="Ufficio diritti umani, Comune di Torino"');

    const saved = await giulia.submit('/en/account/profile', '/en/account/profile', PROFILE);
    expect(saved.statusCode).toBe(303);
    const id = await idOf('giulia@example.org');

    // A visitor sees the public fields only.
    const visitor = await new FormBrowser(app).get(`/en/network/people/${id}`);
    expect(visitor.statusCode).toBe(200);
    expect(visitor.body).toContain('Giulia Conti');
    expect(visitor.body).toContain('Ufficio diritti umani');
    // Labelled as facts, not as the profile form's fields.
    expect(visitor.body).toContain('<dt>Organisation</dt>');
    expect(visitor.body).not.toContain('(optional)');
    expect(visitor.body).toContain('Italy');
    expect(visitor.body).not.toContain('Policy officer');
    expect(visitor.body).not.toContain('participatory budgeting');
    expect(visitor.body).not.toContain('giulia@example.org');

    // A member sees the members' fields too; nobody but Giulia sees her themes.
    const marco = await signUp('Marco Bianchi', 'marco@example.org', '127.0.0.4');
    await grant('marco@example.org', 'practitioner');
    const member = await marco.get(`/en/network/people/${id}`);
    expect(member.body).toContain('Policy officer');
    expect(member.body).toContain('participatory budgeting');
    expect(member.body).toContain('Italian');
    expect(member.body).not.toContain('Housing');
    const own = await giulia.get(`/en/network/people/${id}`);
    expect(own.body).toContain('Housing');

    // Nothing public: no page at all for visitors.
    await giulia.submit('/en/account/profile', '/en/account/profile', {
      ...PROFILE,
      visibility_affiliation: 'members',
      visibility_country: 'nobody',
    });
    expect((await new FormBrowser(app).get(`/en/network/people/${id}`)).statusCode).toBe(404);
    expect((await new FormBrowser(app).get('/en/network/people/not-a-uuid')).statusCode).toBe(404);
  });

  it('the directory is for members, and filters on what the viewer may see', async () => {
    const visitor = await new FormBrowser(app).get('/en/network/people');
    expect(visitor.body).toContain('For network members');
    expect(visitor.body).not.toContain('Giulia Conti');
    const registered = await signUp('Rita Ferri', 'rita@example.org', '127.0.0.5');
    expect((await registered.get('/en/network/people')).body).not.toContain('Giulia Conti');

    // Giulia is not in the members layer yet: she is not listed, even though she asked to be.
    const marco = new FormBrowser(app, '127.0.0.4');
    await marco.submit('/en/sign-in', '/en/sign-in', {
      email: 'marco@example.org',
      password: 'Marco Bianchi has a long passphrase',
    });
    expect((await marco.get('/en/network/people')).body).not.toContain('Giulia Conti');
    await grant('giulia@example.org', 'expert');
    const listed = await marco.get('/en/network/people');
    expect(listed.body).toContain('Giulia Conti');
    expect((await marco.get('/en/network/people?expertise=housing+first')).body).toContain(
      'Giulia Conti',
    );
    expect((await marco.get('/en/network/people?language=it')).body).toContain('Giulia Conti');
    // Her themes are hers only: filtering on them finds nobody.
    expect((await marco.get('/en/network/people?theme=housing')).body).toContain('Nobody matches.');
    expect((await marco.get('/en/network/people?language=de')).body).toContain('Nobody matches.');
  });

  it('an introduction reaches the person without showing their address', async () => {
    const marco = new FormBrowser(app, '127.0.0.4');
    await marco.submit('/en/sign-in', '/en/sign-in', {
      email: 'marco@example.org',
      password: 'Marco Bianchi has a long passphrase',
    });
    const id = await idOf('giulia@example.org');
    const page = await marco.get(`/en/network/people/${id}`);
    expect(page.body).toContain('Ask for an introduction');
    expect(page.body).not.toContain('giulia@example.org');

    const short = await marco.submit(
      `/en/network/people/${id}`,
      `/en/network/people/${id}/introduce`,
      { message: 'Hello' },
    );
    expect(short.statusCode).toBe(422);
    expect(short.body).toContain('>Hello</textarea>');

    const message = 'I run the housing first programme in Bologna and would like to compare notes.';
    const sent = await marco.submit(
      `/en/network/people/${id}`,
      `/en/network/people/${id}/introduce`,
      { message },
    );
    expect(sent.statusCode).toBe(303);
    expect(smtp.recipients.at(-1)).toEqual(['giulia@example.org']);
    const mail = smtp.received.at(-1);
    expect(mail?.text).toContain(message);
    expect(mail?.text).toContain('Marco Bianchi');
    expect(mail?.replyTo?.text).toBe('marco@example.org');
    const after = await marco.get(`/en/network/people/${id}?sent=1`);
    expect(after.body).toContain('Your message has been sent to Giulia Conti');
    expect(after.body).not.toContain('giulia@example.org');

    // Five a day at most.
    for (let n = 1; n < 5; n++) {
      await marco.submit(`/en/network/people/${id}`, `/en/network/people/${id}/introduce`, {
        message,
      });
    }
    const sixth = await marco.submit(
      `/en/network/people/${id}`,
      `/en/network/people/${id}/introduce`,
      { message },
    );
    expect(sixth.statusCode).toBe(422);
    expect(sixth.body).toContain('five introductions today');

    // Someone outside the members layer cannot ask.
    const rita = new FormBrowser(app, '127.0.0.5');
    await rita.submit('/en/sign-in', '/en/sign-in', {
      email: 'rita@example.org',
      password: 'Rita Ferri has a long passphrase',
    });
    expect((await rita.get(`/en/network/people/${id}`)).body).not.toContain(
      'Ask for an introduction',
    );
    const forbidden = await rita.submit(
      `/en/network/people/${id}`,
      `/en/network/people/${id}/introduce`,
      { message },
    );
    expect(forbidden.statusCode).toBe(403);
  });
});

/** Someone with a confirmed account, signed in. */
const signUp = (name: string, email: string, ip: string): Promise<FormBrowser> =>
  signUpAndSignIn(app, smtp, { name, email }, ip);
