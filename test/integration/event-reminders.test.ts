/**
 * Reminders of an event, through the real job queue on a real PostgreSQL and a real SMTP server:
 * a day before and an hour before, to each person with a confirmed place (with the online link),
 * never to those waiting, never twice; a refused address is tried again on the next run without
 * holding up the others; a new start time makes them due again.
 */
import { sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startJobs, type Jobs } from '../../src/platform/jobs/jobs.js';
import { createLogger } from '../../src/platform/logging/logger.js';
import { buildTestApp, type TestApp } from '../support/app.js';
import type { FormBrowser } from '../support/form-browser.js';
import { signInAsAdministrator, signUpAndSignIn } from '../support/form-browser.js';
import { blankEventForm } from '../support/organisers.js';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp.js';

const HOUR = 60 * 60 * 1000;
const LINK = 'https://meet.example.org/reminders-7f1e';
const JOB = 'events.send-reminders';

let smtp: TestSmtpServer;
let app: TestApp;
let jobs: Jobs;
let editor: FormBrowser;
/** The app's clock runs this far ahead of the real one; the test moves it to pass time. */
let ahead = 0;
/** The event's start: three days from the real now, on the minute. */
const startsAt = Math.ceil((Date.now() + 3 * 24 * HOUR) / 60_000) * 60_000;
const viennaWallClock = (ms: number) =>
  DateTime.fromMillis(ms, { zone: 'Europe/Vienna' }).toFormat("yyyy-MM-dd'T'HH:mm");

beforeAll(async () => {
  smtp = await startSmtpServer();
  app = await buildTestApp({ smtpUrl: smtp.url, clock: () => new Date(Date.now() + ahead) });
  jobs = await startJobs({ pool: app.database.pool, log: createLogger('error') });
  await app.attachJobs(jobs);
  editor = await signInAsAdministrator(app);
});
afterAll(async () => {
  await jobs.stop();
  await app.close();
  await smtp.close();
});

const event = (start: number) => ({
  ...blankEventForm,
  title: 'Online exchange on housing rights',
  summary: 'Cities compare their rules on evictions.',
  description: 'An hour of exchange.',
  slug: 'housing-exchange',
  kind: 'exchange',
  timeZone: 'Europe/Vienna',
  startsAt: viennaWallClock(start),
  endsAt: viennaWallClock(start + HOUR),
  onlineUrl: LINK,
  capacity: '2',
});

/** Runs the reminders' job on the queue now, as the cron would, and waits for it. */
async function runReminders(): Promise<void> {
  const id = await jobs.runNow(JOB);
  expect(await jobs.waitFor(JOB, id ?? '')).toBe('completed');
}

const reminders = (email: string) =>
  smtp.received.filter(
    (mail) => JSON.stringify(mail.to).includes(email) && /begins within/.test(mail.subject ?? ''),
  );

describe('event reminders', () => {
  it('reminds confirmed registrants a day and an hour before, once, with the link', async () => {
    expect(app.jobs.map((job) => job.name)).toContain(JOB);
    const created = await editor.submit(
      '/en/editor/events/new',
      '/en/editor/events/new',
      event(startsAt),
    );
    expect(created.statusCode).toBe(303);
    const editUrl = new URL(created.headers.location ?? '', 'http://x').pathname;
    await editor.submit(editUrl, `${editUrl}/status`, { status: 'published' });

    const people = ['ana@example.org', 'bo@example.org', 'cy@example.org'];
    const page = '/en/events/housing-exchange';
    const browsers = await Promise.all(
      people.map((email, index) =>
        signUpAndSignIn(
          app,
          smtp,
          { name: email.split('@')[0] ?? email, email },
          `10.9.0.${index}`,
        ),
      ),
    );
    // Cy's mailbox refuses the message about the waiting list: the registration stands.
    smtp.refuse.add('cy@example.org');
    for (const person of browsers)
      expect((await person.submit(page, `${page}/register`, {})).statusCode).toBe(303);
    smtp.refuse.delete('cy@example.org');
    expect((await browsers[2]?.get(page))?.body).toContain('waiting list');
    // The message is still owed, written with the registration, and goes on a later run.
    const owed = await app.database.db.execute<{ kind: string; attempts: number }>(sql`
      SELECT m.kind, m.attempts FROM event_mails m JOIN users u ON u.id = m.user_id
       WHERE u.email = 'cy@example.org' AND m.sent_at IS NULL`);
    expect(owed.rows).toEqual([{ kind: 'waiting', attempts: 1 }]);
    ahead = 2 * 60_000; // after the first wait
    const delivery = await jobs.runNow('events.deliver-mails');
    expect(await jobs.waitFor('events.deliver-mails', delivery ?? '')).toBe('completed');
    const waiting = smtp.received.filter((mail) => JSON.stringify(mail.to).includes('cy@'));
    expect(waiting.map((mail) => mail.subject)).toContain(
      'You are on the waiting list for “Online exchange on housing rights”',
    );

    // Two days before: nothing is due.
    await runReminders();
    expect(people.flatMap(reminders)).toHaveLength(0);

    // 23 hours before: the day's reminder to the two with a place; Bo's mailbox refuses it.
    ahead = startsAt - 23 * HOUR - Date.now();
    smtp.refuse.add('bo@example.org');
    await runReminders();
    const [toAna] = reminders('ana@example.org');
    expect(toAna?.subject).toBe(
      'Reminder: “Online exchange on housing rights” begins within a day',
    );
    expect(toAna?.text).toContain(`Join online: ${LINK}`);
    expect(reminders('bo@example.org')).toHaveLength(0);
    expect(reminders('cy@example.org')).toHaveLength(0); // waiting: no place, no reminder

    // The next run: Bo's is tried again and goes; Ana is not reminded twice.
    smtp.refuse.delete('bo@example.org');
    await runReminders();
    expect(reminders('bo@example.org')).toHaveLength(1);
    expect(reminders('ana@example.org')).toHaveLength(1);

    // 50 minutes before: the hour's reminder, once.
    ahead = startsAt - 50 * 60_000 - Date.now();
    await runReminders();
    await runReminders();
    expect(reminders('ana@example.org').map((mail) => mail.subject)).toEqual([
      'Reminder: “Online exchange on housing rights” begins within a day',
      '“Online exchange on housing rights” begins within the hour',
    ]);
    expect(reminders('bo@example.org')).toHaveLength(2);
    expect(reminders('cy@example.org')).toHaveLength(0);

    // Had the organisers moved the start two days on (as they may, days before), the reminders
    // would be due again before the new time.
    ahead = 0;
    const later = startsAt + 2 * 24 * HOUR;
    const moved = await editor.submit(editUrl, editUrl, event(later));
    expect(moved.statusCode).toBe(303);
    ahead = later - 23 * HOUR - Date.now();
    await runReminders();
    expect(reminders('ana@example.org')).toHaveLength(3);
  });

  it('writes to every registrant even when one mailbox refuses, and tells the organiser', async () => {
    ahead = 0;
    const list = '/en/editor/events';
    const id = /\/editor\/events\/([0-9a-f-]{36})/.exec((await editor.get(list)).body)?.[1];
    const registrants = `${list}/${id}/registrants`;
    smtp.refuse.add('bo@example.org');
    const sent = await editor.submit(registrants, `${list}/${id}/message`, {
      audience: 'all',
      subject: 'Slides for the exchange',
      body: 'Please read the slides before we meet.',
    });
    smtp.refuse.delete('bo@example.org');
    expect(sent.headers.location).toBe(`${registrants}?done=sent&count=2&refused=1`);
    const page = await editor.get(sent.headers.location ?? '');
    expect(page.body).toContain('Your message was sent to 2 people.');
    expect(page.body).toContain('1 message was refused by the recipient’s mail server.');
    const got = smtp.received.filter((mail) => mail.subject === 'Slides for the exchange');
    expect(got.map((mail) => JSON.stringify(mail.to)).join()).toMatch(/ana@.*cy@|cy@.*ana@/);
  });
});
