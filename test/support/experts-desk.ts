/** The Experts' desk tests' world: the app with a clock tests move on, an editor, two experts, an asker, and helpers to ask and read mail. */
import { eq, sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { users } from '../../src/features/access/access.schema.js';
import { profiles } from '../../src/features/members/members.schema.js';
import { buildTestApp, type TestApp } from './app.js';
import { FormBrowser, signInAsAdministrator, signUpAndSignIn } from './form-browser.js';
import { startSmtpServer, type TestSmtpServer } from './smtp.js';

export interface Desk {
  smtp: TestSmtpServer;
  app: TestApp;
  editor: FormBrowser;
  expert: FormBrowser;
  otherExpert: FormBrowser;
  asker: FormBrowser;
  /** Ines's id. */
  expertId: string;
}

let smtp: TestSmtpServer;
let app: TestApp;
let editor: FormBrowser;
let asker: FormBrowser;
/** The app's clock runs this far ahead of the real one; tests move it to pass time. */
let ahead = 0;
export const DAY = 24 * 60 * 60 * 1000;

/** Moves the app's clock on. */
export const passTime = (ms: number): void => {
  ahead += ms;
};

export const day = (offsetDays: number): string =>
  new Date(Date.now() + ahead + offsetDays * DAY).toISOString().slice(0, 10);

export async function grant(email: string, role: string): Promise<string> {
  const [person] = await app.database.db.select().from(users).where(eq(users.email, email));
  const response = await editor.submit('/en/admin/people', `/en/admin/people/${person?.id}`, {
    role,
  });
  expect(response.statusCode).toBe(303);
  return person?.id ?? '';
}

/** A signed-in person's question, straight to the editors; its id. */
export async function ask(question: string, extra: Record<string, string> = {}): Promise<string> {
  const form = await asker.get('/en/experts/ask');
  const started = /name="started" value="([^"]+)"/.exec(form.body)?.[1] ?? '';
  ahead += 5_000;
  const sent = await asker.submit('/en/experts/ask', '/en/experts/ask', {
    question,
    theme: 'housing',
    consent: 'yes',
    started,
    ...extra,
  });
  expect(sent.statusCode).toBe(200);
  const result = await app.database.db.execute<{ id: string }>(
    sql`SELECT id FROM questions WHERE question = ${question}`,
  );
  return result.rows[0]?.id ?? '';
}

let visitors = 0;
/** A visitor's question, confirmed through the e-mailed link; its id. */
export async function askAsVisitor(question: string, email: string): Promise<string> {
  const visitor = new FormBrowser(app, `127.0.3.${++visitors}`);
  const form = await visitor.get('/en/experts/ask');
  const started = /name="started" value="([^"]+)"/.exec(form.body)?.[1] ?? '';
  ahead += 5_000;
  await visitor.submit('/en/experts/ask', '/en/experts/ask', {
    question,
    theme: 'housing',
    email,
    consent: 'yes',
    started,
  });
  const link = new URL(
    /https?:\/\/\S+\/experts\/confirm\/\S+/.exec(lastMailTo(email)?.text ?? '')?.[0] ??
      'http://missing/',
  ).pathname;
  expect((await visitor.submit(link, link, {})).statusCode).toBe(200);
  const result = await app.database.db.execute<{ id: string }>(
    sql`SELECT id FROM questions WHERE question = ${question}`,
  );
  return result.rows[0]?.id ?? '';
}

export const mailsTo = (email: string) =>
  smtp.received.filter((mail) => JSON.stringify(mail.to).includes(email));
export const lastMailTo = (email: string) => mailsTo(email).at(-1);

export const statusOf = async (id: string) =>
  (
    await app.database.db.execute<{ status: string }>(
      sql`SELECT status FROM questions WHERE id = ${id}`,
    )
  ).rows[0]?.status;

/** Starts the app and the mail server, signs everyone in and makes Ines and Aaron experts. */
export async function openDesk(): Promise<Desk> {
  smtp = await startSmtpServer();
  app = await buildTestApp({ smtpUrl: smtp.url, clock: () => new Date(Date.now() + ahead) });
  editor = await signInAsAdministrator(app);
  const expert = await signUpAndSignIn(
    app,
    smtp,
    { name: 'Ines Expert', email: 'ines@example.org' },
    '127.0.2.1',
  );
  const otherExpert = await signUpAndSignIn(
    app,
    smtp,
    { name: 'Aaron Other', email: 'aaron@example.org' },
    '127.0.2.2',
  );
  asker = await signUpAndSignIn(
    app,
    smtp,
    { name: 'Paula Asker', email: 'paula@example.org' },
    '127.0.2.3',
  );
  const expertId = await grant('ines@example.org', 'expert');
  await grant('aaron@example.org', 'expert');
  // Ines works on housing and knows about ombudspersons; Aaron has no profile.
  await app.database.db
    .insert(profiles)
    .values({ userId: expertId, themes: ['housing'], expertise: ['ombudsperson', 'budgets'] });
  return { smtp, app, editor, expert, otherExpert, asker, expertId };
}

/** Closes the app and the mail server. */
export async function closeDesk(): Promise<void> {
  await app.close();
  await smtp.close();
}
