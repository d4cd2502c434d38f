/**
 * The organisers' tests' world: the app on a fresh database with mail through a real SMTP server
 * and a signed-in editor, set up before a file's tests and taken down after them.
 */
import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll } from 'vitest';
import { buildTestApp, type TestApp } from './app.js';
import { signInAsAdministrator, type FormBrowser } from './form-browser.js';
import { startSmtpServer, type TestSmtpServer } from './smtp.js';

export interface OrganisersWorld {
  smtp: TestSmtpServer;
  app: TestApp;
  editor: FormBrowser;
}

/** The world, filled in by beforeAll; `clock` moves the app's time when given. */
export function organisersWorld(
  options: { clock?: () => Date; replyDomain?: string } = {},
): OrganisersWorld {
  const world = {} as OrganisersWorld;
  beforeAll(async () => {
    world.smtp = await startSmtpServer();
    world.app = await buildTestApp({
      smtpUrl: world.smtp.url,
      clock: options.clock,
      replyDomain: options.replyDomain,
    });
    world.editor = await signInAsAdministrator(world.app);
  });
  afterAll(async () => {
    await world.app.close();
    await world.smtp.close();
  });
  return world;
}

/** The calendar invitation a message carries (its text/calendar part). */
export const calendarIn = (mail: ParsedMail | undefined): string =>
  mail?.attachments
    .find((part) => part.contentType.startsWith('text/calendar'))
    ?.content.toString() ?? '';

/** The event form as an organiser leaves it untouched: every optional field empty, open to all. */
export const blankEventForm = {
  description: '',
  access: 'public',
  place: '',
  city: '',
  country: '',
  latitude: '',
  longitude: '',
  onlineUrl: '',
  roomDetails: '',
  speakers: '',
  registration: 'open',
  capacity: '',
  registrationClosesAt: '',
  eligibility: 'anyone',
  cancellationClosesAt: '',
} as const;
