/**
 * An organisation's life in the network, end to end through HTTP with mail through a real SMTP
 * server: its admin edits the profile and invites a colleague, a person asks to join, an
 * administrator lapses and restores the membership and grants practitioner status; access to the
 * members' layer follows each step.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, users } from '../../src/features/access/access.schema.js';
import { pages } from '../../src/features/knowledge/knowledge.schema.js';
import { membershipEvents, organisations } from '../../src/features/members/members.schema.js';
import { buildTestApp, type TestApp } from '../support/app.js';
import { FormBrowser, linkIn, turnOnTwoFactor } from '../support/form-browser.js';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp.js';

let smtp: TestSmtpServer;
let app: TestApp;
let admin: FormBrowser;
let orgAdmin: FormBrowser;
let colleague: FormBrowser;
const SLUG = 'stadt-graz';
const MANAGE = `/en/network/${SLUG}/manage`;
const CONTACT = 'Canary-Contact-Person-7f3a';

const invitationIn = (text: string | undefined): string =>
  new URL(/https?:\/\/\S+\/invitations\/[A-Za-z0-9_-]{43}/.exec(text ?? '')?.[0] ?? 'http://x/')
    .pathname;

/** Creates the invited person's account, the privacy notice acknowledged. */
const accept = (browser: FormBrowser, invitation: string, name: string, password: string) => {
  const fields = { name, password, passwordConfirmation: password, consent: 'yes' };
  return browser.submit(invitation, invitation, fields);
};

const roleOf = async (email: string): Promise<string | undefined> =>
  (await app.database.db.select().from(users).where(eq(users.email, email)))[0]?.role;

const auditTypes = async (): Promise<string[]> =>
  (await app.database.db.select({ type: auditEvents.type }).from(auditEvents)).map(
    (row) => row.type,
  );

async function signUp(browser: FormBrowser, name: string, email: string): Promise<void> {
  const password = `${name} has a long passphrase`;
  await browser.submit('/en/sign-up', '/en/sign-up', {
    name,
    email,
    password,
    passwordConfirmation: password,
    consent: 'yes',
  });
  const confirmed = await browser.get(linkIn(smtp.received.at(-1)?.text, '/en/verify-email'));
  expect(confirmed.statusCode).toBe(200);
}

beforeAll(async () => {
  smtp = await startSmtpServer();
  app = await buildTestApp({ smtpUrl: smtp.url });
  // The network's administrator.
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
  // An organisation applies and is approved; its contact becomes its admin.
  await new FormBrowser(app).submit('/de/network/apply', '/de/network/apply', {
    name: 'Stadt Graz',
    kind: 'municipality',
    membership: 'associate',
    country: 'AT',
    city: 'Graz',
    website: '',
    motivation: 'Graz ist seit 2001 eine Menschenrechtsstadt.',
    contactName: 'Jana Huber',
    contactEmail: 'jana@example.org',
    consent: 'yes',
  });
  const queue = await admin.get('/en/admin/applications');
  const id = /action="\/en\/admin\/applications\/([0-9a-f-]{36})"/.exec(queue.body)?.[1] ?? '';
  await admin.submit('/en/admin/applications', `/en/admin/applications/${id}`, {
    decision: 'approved',
  });
  const invitation = invitationIn(smtp.received.at(-1)?.text);
  orgAdmin = new FormBrowser(app, '127.0.0.3');
  const janaPassword = 'Jana Huber has a long passphrase';
  await accept(orgAdmin, invitation, 'Jana Huber', janaPassword);
  await orgAdmin.submit('/de/sign-in', '/de/sign-in', {
    email: 'jana@example.org',
    password: janaPassword,
  });
});

afterAll(async () => {
  await app.close();
  await smtp.close();
});

describe('an organisation and its people', () => {
  it('its admin edits the profile; bad input is refused and nothing typed is lost', async () => {
    const form = await orgAdmin.get(MANAGE);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Jana Huber');

    const refused = await orgAdmin.submit(MANAGE, MANAGE, {
      description_de: 'Graz, die erste Menschenrechtsstadt Europas.',
      latitude: '47.07',
      longitude: '',
      themes: ['housing', 'not-a-theme'],
      contactEmail: 'not an address',
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('Enter both latitude and longitude, or neither.');
    expect(refused.body).toContain('Enter an e-mail address such as name@example.org.');
    expect(refused.body).toContain('Graz, die erste Menschenrechtsstadt Europas.');
    expect(refused.body).toContain('value="47.07"');

    const saved = await orgAdmin.submit(MANAGE, MANAGE, {
      description_de: 'Graz, die erste Menschenrechtsstadt Europas.',
      description_en: 'Graz, the first human rights city in Europe.',
      country: 'AT',
      city: 'Graz',
      latitude: '47,07',
      longitude: '15.44',
      website: 'https://www.graz.at',
      themes: ['housing', 'education'],
      sdgs: ['11', '16'],
      expertise: 'human rights council, participatory budgeting',
      contactName: CONTACT,
      contactEmail: 'contact@graz.example',
      contactPhone: '+43 316 872 0',
    });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`${MANAGE}?done=saved`);

    // Visitors see the profile in their language (else English), never the contact.
    const visitor = new FormBrowser(app);
    const german = await visitor.get(`/de/network/${SLUG}`);
    expect(german.body).toContain('Graz, die erste Menschenrechtsstadt Europas.');
    expect(german.body).toContain('participatory budgeting');
    expect(german.body).not.toContain(CONTACT);
    const french = await visitor.get(`/fr/network/${SLUG}`);
    expect(french.body).toContain('<div class="prose" lang="en">');
    expect(french.body).toContain('Graz, the first human rights city in Europe.');
    const [row] = await app.database.db
      .select()
      .from(organisations)
      .where(eq(organisations.slug, SLUG));
    expect(row).toMatchObject({ latitude: 47.07, longitude: 15.44, sdgs: [11, 16] });
  });

  it('the network pages filter by kind, country, theme and goal', async () => {
    const visitor = new FormBrowser(app);
    const names = async (query: string) => (await visitor.get(`/en/network?${query}`)).body;
    expect(await names('theme=housing')).toContain('Stadt Graz');
    expect(await names('sdg=16')).toContain('Stadt Graz');
    expect(await names('country=AT&kind=municipality')).toContain('Stadt Graz');
    const other = await names('kind=academic');
    expect(other).not.toContain('>Stadt Graz<');
    expect(await names('sdg=3')).toContain('No member matches these filters.');
    // Unknown values are ignored, not an error.
    expect((await visitor.get('/en/network?sdg=99&kind=%3Cscript%3E')).statusCode).toBe(200);
  });

  it('a colleague is invited, creates an account and reads the members-only contact', async () => {
    const refused = await orgAdmin.submit(MANAGE, `${MANAGE}/invite`, {
      email: 'nobody',
      role: 'member',
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('value="nobody"');

    const sent = await orgAdmin.submit(MANAGE, `${MANAGE}/invite`, {
      email: 'Lukas@Example.org',
      role: 'member',
    });
    expect(sent.statusCode).toBe(303);
    expect(smtp.recipients.at(-1)).toEqual(['lukas@example.org']);
    const mail = smtp.received.at(-1);
    expect(mail?.subject).toContain('Jana Huber');
    const invitation = invitationIn(mail?.text);
    expect(invitation).toMatch(/^\/en\/invitations\//);

    colleague = new FormBrowser(app, '127.0.0.4');
    const password = 'Lukas has a long passphrase';
    const created = await accept(colleague, invitation, 'Lukas Berger', password);
    expect(created.statusCode).toBe(200);
    // A plain member is not told to manage the organisation: only its administrators do.
    expect(created.body).toMatch(/reach other practitioners(?![^]*manage)/);
    await colleague.submit('/en/sign-in', '/en/sign-in', { email: 'lukas@example.org', password });
    expect(await roleOf('lukas@example.org')).toBe('practitioner');
    const page = await colleague.get(`/en/network/${SLUG}`);
    expect(page.body).toContain(CONTACT);
    expect(page.headers['cache-control']).toBe('no-store');
    // A members-only page: the colleague reads it, a visitor gets the teaser.
    await app.database.db
      .update(pages)
      .set({ access: 'members' })
      .where(eq(pages.slug, 'who-we-are'));
    await app.renderCache?.invalidateEverywhere();
    const teaser = await new FormBrowser(app).get('/en/about/who-we-are');
    expect(teaser.body).toContain('For network members');
    expect(teaser.body).not.toContain('Who we are</h1>');
    const members = await colleague.get('/en/about/who-we-are');
    expect(members.body).toContain('Who we are</h1>');
    expect(members.headers['x-render-cache']).toBeUndefined();
    // Once read by a member, the page is still not served to visitors from the cache.
    expect((await new FormBrowser(app).get('/en/about/who-we-are')).body).not.toContain(
      'Who we are</h1>',
    );
    await app.database.db
      .update(pages)
      .set({ access: 'public' })
      .where(eq(pages.slug, 'who-we-are'));
    await app.renderCache?.invalidateEverywhere();
    // A member does not manage the organisation.
    expect((await colleague.get(MANAGE)).statusCode).toBe(403);
    expect((await orgAdmin.get(MANAGE)).body).toContain('Lukas Berger');
  });

  it('someone with an account joins through an invitation after signing in', async () => {
    const person = new FormBrowser(app, '127.0.0.5');
    await signUp(person, 'Eva Novak', 'eva@example.org');
    await orgAdmin.submit(MANAGE, `${MANAGE}/invite`, { email: 'eva@example.org', role: 'admin' });
    const invitation = invitationIn(smtp.received.at(-1)?.text);

    const anonymous = await new FormBrowser(app).get(invitation);
    expect(anonymous.body).toContain('You already have an account with eva@example.org');
    const join = await person.get(invitation);
    expect(join.body).toContain('Join Stadt Graz');
    const joined = await person.submit(invitation, `${invitation}/join`, {});
    expect(joined.statusCode).toBe(200);
    expect(await roleOf('eva@example.org')).toBe('organisation-admin');
    expect((await person.get(MANAGE)).statusCode).toBe(200);
    expect((await person.get(invitation)).statusCode).toBe(410);
  });

  it('a person asks to join; an admin of the organisation accepts', async () => {
    const person = new FormBrowser(app, '127.0.0.6');
    await signUp(person, 'Marek Kowalski', 'marek@example.org');
    expect((await person.get(`/en/network/${SLUG}`)).body).not.toContain(CONTACT);

    const asked = await person.submit(`/en/network/${SLUG}`, `/en/network/${SLUG}/join`, {
      message: 'I work in the human rights office.',
    });
    expect(asked.statusCode).toBe(303);
    expect((await person.get(`/en/network/${SLUG}`)).body).toContain('Your request has been sent');
    // Both admins of the organisation are told.
    const told = smtp.recipients.slice(-2).flat().sort();
    expect(told).toEqual(['eva@example.org', 'jana@example.org']);
    expect(smtp.received.at(-1)?.text).toContain('Marek Kowalski');

    const manage = await orgAdmin.get(MANAGE);
    expect(manage.body).toContain('I work in the human rights office.');
    const requestId = /manage\/requests\/([0-9a-f-]{36})"/.exec(manage.body)?.[1] ?? 'missing';
    const accepted = await orgAdmin.submit(MANAGE, `${MANAGE}/requests/${requestId}`, {
      decision: 'accept',
    });
    expect(accepted.statusCode).toBe(303);
    expect(smtp.recipients.at(-1)).toEqual(['marek@example.org']);
    expect(await roleOf('marek@example.org')).toBe('practitioner');
    expect((await person.get(`/en/network/${SLUG}`)).body).toContain(CONTACT);
    // The same request cannot be decided twice.
    const again = await orgAdmin.submit(MANAGE, `${MANAGE}/requests/${requestId}`, {
      decision: 'decline',
    });
    expect(again.statusCode).toBe(404);
  });

  it('lapsing the membership takes the members layer away from its people, and back', async () => {
    const list = await admin.get('/en/admin/organisations');
    expect(list.statusCode).toBe(200);
    const id =
      new RegExp(
        `action="/en/admin/organisations/([0-9a-f-]{36})"[^>]*aria-labelledby="org-[0-9a-f]{8}"`,
      ).exec(list.body.slice(list.body.indexOf('Stadt Graz')))?.[1] ?? '';
    expect(id).not.toBe('');

    const noWhy = await admin.submit('/en/admin/organisations', `/en/admin/organisations/${id}`, {
      status: 'lapsed',
      reason: '',
    });
    expect(noWhy.statusCode).toBe(422);
    expect(noWhy.body).toContain('Give a reason');
    // The summary links to the field of this organisation's form, described by its problem.
    const reasonId = `reason-${id.slice(0, 8)}`;
    expect(noWhy.body).toContain(`href="#${reasonId}"`);
    expect(noWhy.body).toMatch(
      new RegExp(`id="${reasonId}"[^>]*aria-describedby="${reasonId}-error"`),
    );

    const lapsed = await admin.submit('/en/admin/organisations', `/en/admin/organisations/${id}`, {
      status: 'lapsed',
      reason: 'Membership fee not paid for 2026.',
    });
    expect(lapsed.statusCode).toBe(303);
    expect((await new FormBrowser(app).get('/en/network')).body).not.toContain('Stadt Graz');
    expect((await colleague.get(`/en/network/${SLUG}`)).statusCode).toBe(404);
    expect((await colleague.get('/en/account')).body).toContain('Role: registered user');
    expect((await orgAdmin.get(MANAGE)).statusCode).toBe(403);

    await admin.submit('/en/admin/organisations', `/en/admin/organisations/${id}`, {
      status: 'active',
    });
    expect((await colleague.get(`/en/network/${SLUG}`)).body).toContain(CONTACT);
    expect((await orgAdmin.get(MANAGE)).statusCode).toBe(200);

    const history = await app.database.db
      .select()
      .from(membershipEvents)
      .where(eq(membershipEvents.organisationId, id));
    expect(history.map((event) => `${event.fromStatus ?? '∅'}→${event.toStatus}`)).toEqual([
      '∅→applicant',
      'applicant→active',
      'active→lapsed',
      'lapsed→active',
    ]);
    expect(history[2]?.reason).toBe('Membership fee not paid for 2026.');
    expect(await auditTypes()).toContain('membership.status-changed');
  });

  it('an administrator changes what an organisation is and how it belongs to the network', async () => {
    const list = (await admin.get('/en/admin/organisations')).body;
    // FRA is an institution the Knowledge Centre lists, not a member.
    const fra = list.slice(list.indexOf('Fundamental Rights Agency'));
    expect(fra.slice(0, fra.indexOf('</li>'))).toContain('Listed institution (not a member).');
    const graz = list.slice(list.indexOf('Stadt Graz'));
    const path =
      /action="(\/en\/admin\/organisations\/[0-9a-f-]{36}\/class)"/.exec(graz)?.[1] ?? '';
    const change = (kind: string, membership: string) =>
      admin.submit('/en/admin/organisations', path, { kind, membership });
    const notACity = await change('academic', 'guest');
    expect(notACity.statusCode).toBe(422);
    expect(notACity.body).toContain('Guest membership is for cities');
    expect(notACity.body).toMatch(/<title>Error: /);
    expect((await change('municipality', 'guest')).statusCode).toBe(303);
    const network = (await new FormBrowser(app).get('/en/network')).body;
    const guests = network.slice(network.indexOf('id="guests-title"'));
    expect(guests.slice(0, guests.indexOf('</section>'))).toContain('Stadt Graz');
    expect(network).not.toContain('Fundamental Rights Agency');
    expect(await auditTypes()).toContain('membership.class-changed');
    await change('municipality', 'associate');
  });

  it('an administrator grants practitioner status to an individual', async () => {
    const person = new FormBrowser(app, '127.0.0.7');
    await signUp(person, 'Sofia Rossi', 'sofia@example.org');
    expect((await person.get('/en/admin/people')).statusCode).toBe(403);

    const people = await admin.get('/en/admin/people?q=sofia');
    expect(people.body).toContain('sofia@example.org');
    expect(people.body).not.toContain('jana@example.org');
    const id = /action="\/en\/admin\/people\/([0-9a-f-]{36})"/.exec(people.body)?.[1] ?? '';
    const granted = await admin.submit('/en/admin/people', `/en/admin/people/${id}`, {
      role: 'practitioner',
    });
    expect(granted.statusCode).toBe(303);
    expect(await roleOf('sofia@example.org')).toBe('practitioner');
    expect((await person.get(`/en/network/${SLUG}`)).body).toContain(CONTACT);

    const bogus = await admin.submit('/en/admin/people', `/en/admin/people/${id}`, {
      role: 'emperor',
    });
    expect(bogus.statusCode).toBe(422);
    expect(bogus.body).toContain('Choose one of the roles in the list.');
    const orgAdminRole = await admin.submit('/en/admin/people', `/en/admin/people/${id}`, {
      role: 'organisation-admin',
    });
    expect(orgAdminRole.statusCode).toBe(422);
    expect(orgAdminRole.body).toContain('named by their organisation');
    expect(await roleOf('sofia@example.org')).toBe('practitioner');
    const [self] = await app.database.db
      .select()
      .from(users)
      .where(eq(users.email, 'admin@example.org'));
    const own = await admin.submit('/en/admin/people', `/en/admin/people/${self?.id}`, {
      role: 'registered',
    });
    expect(own.statusCode).toBe(422);
    expect(await roleOf('admin@example.org')).toBe('administrator');
    expect(
      (await admin.submit('/en/admin/people', '/en/admin/people/not-a-uuid', { role: 'expert' }))
        .statusCode,
    ).toBe(404);
    expect(await auditTypes()).toEqual(
      expect.arrayContaining([
        'role.changed',
        'invitation.sent',
        'organisation.updated',
        'membership.join-requested',
        'membership.join-decided',
      ]),
    );
  });
});
