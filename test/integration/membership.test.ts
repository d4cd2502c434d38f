/**
 * Joining the network end to end, with mail through a real SMTP server: an organisation applies,
 * stays invisible while under review, an administrator decides, the contact creates the first
 * organisation-admin account from the invitation.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consents, users } from '../../src/features/access/access.schema.js';
import {
  membershipEvents,
  organisationMembers,
  organisations,
} from '../../src/features/members/members.schema.js';
import { buildTestApp, type TestApp } from '../support/app.js';
import { FormBrowser, turnOnTwoFactor } from '../support/form-browser.js';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp.js';

let smtp: TestSmtpServer;
let app: TestApp;
beforeAll(async () => {
  smtp = await startSmtpServer();
  app = await buildTestApp({ smtpUrl: smtp.url });
});
afterAll(async () => {
  await app.close();
  await smtp.close();
});

const APPLICATION = {
  name: 'Ville de Grenoble',
  kind: 'municipality',
  // Grenoble applies as a guest member: a reference European human rights city.
  membership: 'guest',
  country: 'FR',
  city: 'Grenoble',
  website: 'https://www.grenoble.fr',
  motivation: 'Nous voulons devenir une ville des droits de l’homme.',
  contactName: 'Camille Durand',
  contactEmail: 'camille@example.org',
  consent: 'yes',
};

async function administrator(): Promise<FormBrowser> {
  const path = new URL((await app.access.issueSetupLink('en')).url).pathname;
  const admin = new FormBrowser(app, '127.0.0.2');
  const password = 'the administrator passphrase';
  await admin.submit(path, path, {
    name: 'Admin',
    email: 'admin@example.org',
    password,
    passwordConfirmation: password,
  });
  await admin.submit('/en/sign-in', '/en/sign-in', { email: 'admin@example.org', password });
  await turnOnTwoFactor(admin, password);
  return admin;
}

describe('joining the network', () => {
  it('refuses an incomplete application, keeping what was typed', async () => {
    const response = await new FormBrowser(app).submit('/fr/network/apply', '/fr/network/apply', {
      ...APPLICATION,
      kind: '',
      website: 'not a website',
      consent: '',
    });
    expect(response.statusCode).toBe(422);
    expect(response.body).toContain('value="Ville de Grenoble"');
    expect(response.body.match(/class="field-error"/g)).toHaveLength(3);
    // A guest member is a city.
    const notACity = await new FormBrowser(app).submit('/en/network/apply', '/en/network/apply', {
      ...APPLICATION,
      kind: 'academic',
    });
    expect(notACity.statusCode).toBe(422);
    expect(notACity.body).toContain('Guest membership is for cities');
  });

  it('goes from application to an organisation administrator', async () => {
    const admin = await administrator();
    const visitor = new FormBrowser(app);
    const sentBefore = smtp.received.length;
    const applied = await visitor.submit('/fr/network/apply', '/fr/network/apply', APPLICATION);
    expect(applied.statusCode).toBe(200);
    expect(smtp.recipients.slice(sentBefore)).toEqual([
      ['camille@example.org'],
      ['admin@example.org'],
    ]);
    expect(smtp.received.at(-2)?.text).toContain('Ville de Grenoble');
    // The administrators are told, in their language, with the page where they decide.
    const notice = smtp.received.at(-1);
    expect(notice?.subject).toBe('Ville de Grenoble applies to join the network');
    expect(notice?.text).toContain('as a guest member; the contact is Camille Durand');
    expect(notice?.text).toMatch(/https?:\/\/\S+\/en\/admin\/applications/);

    // Under review, the organisation is nowhere public.
    expect((await visitor.get('/fr/network')).body).not.toContain('Ville de Grenoble');
    expect((await visitor.get('/fr/search?q=Grenoble')).body).not.toContain('Ville de Grenoble');
    expect((await visitor.get('/fr/network/ville-de-grenoble')).statusCode).toBe(404);
    expect((await visitor.get('/en/admin/applications')).statusCode).toBe(303);

    const queue = await admin.get('/en/admin/applications');
    expect(queue.statusCode).toBe(200);
    expect(queue.body).toContain('Ville de Grenoble');
    expect(queue.body).toContain('camille@example.org');
    const id = /action="\/en\/admin\/applications\/([0-9a-f-]{36})"/.exec(queue.body)?.[1] ?? '';

    const noReason = await admin.submit('/en/admin/applications', `/en/admin/applications/${id}`, {
      decision: 'rejected',
      reason: '',
    });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.body).toContain('Give a reason');

    const question = await admin.submit('/en/admin/applications', `/en/admin/applications/${id}`, {
      decision: 'more-information',
      reason: 'Which office would be our contact?',
    });
    expect(question.statusCode).toBe(303);
    expect(smtp.received.at(-1)?.text).toContain('Which office would be our contact?');

    const approved = await admin.submit('/en/admin/applications', `/en/admin/applications/${id}`, {
      decision: 'approved',
      reason: '',
    });
    expect(approved.statusCode).toBe(303);
    expect((await admin.get('/en/admin/applications')).body).not.toContain('Ville de Grenoble');

    // The welcome message, in the application's language, carries the invitation.
    const welcome = smtp.received.at(-1);
    expect(smtp.recipients.at(-1)).toEqual(['camille@example.org']);
    const link =
      /https?:\/\/\S+\/fr\/invitations\/[A-Za-z0-9_-]{43}/.exec(welcome?.text ?? '')?.[0] ?? '';
    expect(link).not.toBe('');
    const invitationPath = new URL(link).pathname;

    // Listed among the guest members, not the associates.
    const network = (await visitor.get('/en/network')).body;
    const guests = network.slice(network.indexOf('id="guests-title"'));
    expect(guests.slice(0, guests.indexOf('</section>'))).toContain('Ville de Grenoble');
    expect(queue.body).toContain('Guest member');

    const contact = new FormBrowser(app, '127.0.0.3');
    const account = {
      name: 'Camille Durand',
      password: 'la phrase de passe de Camille',
      passwordConfirmation: 'la phrase de passe de Camille',
    };
    // The privacy notice is acknowledged, as at sign-up; the name typed is kept meanwhile.
    const withoutConsent = await contact.submit(invitationPath, invitationPath, account);
    expect(withoutConsent.statusCode).toBe(422);
    expect(withoutConsent.body).toContain('value="Camille Durand"');
    expect(withoutConsent.body).toContain('href="#consent"');
    const accepted = await contact.submit(invitationPath, invitationPath, {
      ...account,
      consent: 'yes',
    });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.body).toContain('gérer le profil');
    expect((await contact.get(invitationPath)).statusCode).toBe(410);

    const signIn = await contact.submit('/fr/sign-in', '/fr/sign-in', {
      email: 'camille@example.org',
      password: 'la phrase de passe de Camille',
    });
    expect(signIn.headers.location).toBe('/fr/account');
    const [user] = await app.database.db
      .select()
      .from(users)
      .where(eq(users.email, 'camille@example.org'));
    expect(user?.role).toBe('organisation-admin');
    const given = await app.database.db
      .select()
      .from(consents)
      .where(eq(consents.userId, user?.id ?? ''));
    expect(given).toMatchObject([{ document: 'privacy-notice', locale: 'fr' }]);
    const [organisation] = await app.database.db
      .select()
      .from(organisations)
      .where(eq(organisations.name, 'Ville de Grenoble'));
    expect(organisation?.status).toBe('active');
    const [membership] = await app.database.db
      .select()
      .from(organisationMembers)
      .where(eq(organisationMembers.userId, user?.id ?? ''));
    expect(membership).toMatchObject({ organisationId: organisation?.id, role: 'admin' });
    const history = await app.database.db
      .select()
      .from(membershipEvents)
      .where(eq(membershipEvents.organisationId, organisation?.id ?? ''));
    expect(history.map((event) => `${event.fromStatus ?? '∅'}→${event.toStatus}`)).toEqual([
      '∅→applicant',
      'applicant→active',
    ]);
  });
});
