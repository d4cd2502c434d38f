/**
 * Registering with the organisers' questions and by invitation, through HTTP on a real
 * PostgreSQL with mail through a real SMTP server: the questions' own checks in the organisers'
 * form; a registrant's answers checked (a required one, a choice among the options), each problem
 * a localised message with the answers kept; the answers in the list and its CSV; consent to be
 * listed; an event for invited organisations only; and a registrant's own cancellation, mailed
 * with the calendar entry's removal.
 */
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { FormBrowser, signUpAndSignIn } from '../support/form-browser.js';
import { calendarIn, organisersWorld } from '../support/organisers.js';

const world = organisersWorld();

const questions = {
  q1Kind: 'text',
  q1Label: 'Which city do you work for?',
  q1Options: '',
  q1Required: 'yes',
  q2Kind: 'choice',
  q2Label: 'Which session will you join?',
  q2Options: 'Housing\nParticipation\n\nHousing',
  q2Required: 'yes',
  q3Kind: 'consent',
  q3Label: 'List my name among the participants',
  q3Options: '',
};

const event = (changes: Record<string, string | string[]> = {}) => ({
  title: 'Study visit to Utrecht',
  summary: 'Two days with the city’s human rights office.',
  description: '',
  slug: 'utrecht-visit',
  kind: 'study-visit',
  access: 'public',
  timeZone: 'Europe/Amsterdam',
  startsAt: '2027-10-05T09:00',
  endsAt: '2027-10-06T17:00',
  place: 'Stadskantoor, Stadsplateau 1',
  city: 'Utrecht',
  country: 'NL',
  latitude: '',
  longitude: '',
  onlineUrl: '',
  roomDetails: 'Ask for Room 4.12 at the desk.',
  speakers: '',
  registration: 'open',
  capacity: '10',
  registrationClosesAt: '',
  eligibility: 'anyone',
  cancellationClosesAt: '',
  ...questions,
  ...changes,
});

let editUrl = '';
const page = '/en/events/utrecht-visit';

describe('registering with questions', () => {
  it('checks the organisers’ questions in their form', async () => {
    const bad = await world.editor.submit('/en/editor/events/new', '/en/editor/events/new', {
      ...event(),
      q1Label: '',
      q2Options: 'Only one option',
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('Write the question, or choose “No question”.');
    expect(bad.body).toContain('Give between two and twenty options, one per line.');
    expect(bad.body).toContain('value="List my name among the participants"');

    const created = await world.editor.submit(
      '/en/editor/events/new',
      '/en/editor/events/new',
      event(),
    );
    expect(created.statusCode).toBe(303);
    editUrl = new URL(created.headers.location ?? '', 'http://x').pathname;
    const form = await world.editor.get(editUrl);
    // Options kept once each, in order; the consent is never required.
    expect(form.body).toContain('Housing\nParticipation</textarea>');
    await world.editor.submit(editUrl, `${editUrl}/status`, { status: 'published' });
  });

  it('refuses missing and unknown answers with a localised message, keeping what was typed', async () => {
    const person = await signUpAndSignIn(
      world.app,
      world.smtp,
      { name: 'Lotte de Vries', email: 'lotte@example.org' },
      '10.7.0.1',
    );
    const form = await person.get(page);
    expect(form.body).toContain('Which session will you join?');
    expect(form.body).toMatch(
      /<input id="answer-q2" name="answer-q2" type="radio" value="Housing"/,
    );

    const bad = await person.submit(page, `${page}/register`, {
      'answer-q1': '',
      'answer-q2': 'Transport',
      'answer-q3': 'yes',
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('Answer this question to register.');
    expect(bad.body).toContain('Choose one of the options.');
    expect(bad.body).toContain('href="#answer-q1"');
    expect(bad.body).toMatch(/type="checkbox" value="yes" checked/);
    expect(await registered('lotte@example.org')).toBe(0);

    const french = await person.submit(
      '/fr/events/utrecht-visit',
      '/fr/events/utrecht-visit/register',
      {
        'answer-q1': 'Utrecht',
      },
    );
    expect(french.statusCode).toBe(422);
    expect(french.body).toContain('<html lang="fr"');
    expect(french.body).toContain('Répondez à cette question pour vous inscrire.');
    expect(french.body).toContain('>Utrecht</textarea>');

    const good = await person.submit(page, `${page}/register`, {
      'answer-q1': 'Gemeente Utrecht',
      'answer-q2': 'Participation',
      'answer-q3': 'yes',
    });
    expect(good.headers.location).toBe(`${page}?done=confirmed`);
    const mine = await person.get(page);
    expect(mine.body).toContain('Participants who agreed to be listed');
    expect(mine.body).toContain('<li>Lotte de Vries</li>');

    // Someone who does not agree is not listed.
    const other = await signUpAndSignIn(
      world.app,
      world.smtp,
      { name: 'Pieter Bos', email: 'pieter@example.org' },
      '10.7.0.2',
    );
    await other.submit(page, `${page}/register`, {
      'answer-q1': '=HYPERLINK("http://evil.example")',
      'answer-q2': 'Housing',
    });
    const theirs = await other.get(page);
    expect(theirs.body).toContain('<li>Lotte de Vries</li>');
    expect(theirs.body).not.toContain('<li>Pieter Bos</li>');

    // The organisers read the answers, headed by the questions, in the list and its CSV.
    const id = /\/editor\/events\/([0-9a-f-]{36})/.exec(editUrl)?.[1] ?? '';
    const list = await world.editor.get(`/en/editor/events/${id}/registrants`);
    expect(list.body).toContain('<th scope="col" lang="en">Which session will you join?</th>');
    expect(list.body).toContain('<td>Gemeente Utrecht</td>');
    const csv = await world.editor.get(`/en/editor/events/${id}/registrants.csv`);
    const lines = csv.body.replace(/^\uFEFF/, '').split(/\r?\n/);
    expect(lines[0]).toContain('Which city do you work for?,Which session will you join?');
    expect(csv.body).toContain('Gemeente Utrecht,Participation,Yes');
    expect(csv.body).toContain(`"'=HYPERLINK(""http://evil.example"")",Housing,No`);
  });

  it('takes a registrant’s own cancellation and removes the entry from their calendar', async () => {
    const person = await signUpAndSignIn(
      world.app,
      world.smtp,
      { name: 'Sanne Jansen', email: 'sanne@example.org' },
      '10.7.0.3',
    );
    await person.submit(page, `${page}/register`, {
      'answer-q1': 'Middelburg',
      'answer-q2': 'Housing',
    });
    const before = world.smtp.received.length;
    expect((await person.submit(page, `${page}/cancel`, {})).headers.location).toBe(
      `${page}?done=cancelled`,
    );
    const told = world.smtp.received.slice(before);
    const mail = told.find((message) => JSON.stringify(message.to).includes('sanne@example.org'));
    expect(mail?.subject).toBe('Your registration for “Study visit to Utrecht” is cancelled');
    expect(calendarIn(mail)).toContain('METHOD:CANCEL');
    expect(calendarIn(mail)).toContain('sanne@example.org');
    expect(mail?.text).not.toContain('Room 4.12');
  });
});

/** How many live registrations the person has. */
async function registered(email: string): Promise<number> {
  const rows = await world.app.database.db.execute<{ n: number }>(sql`
    SELECT count(*)::int AS n FROM event_registrations r JOIN users u ON u.id = r.user_id
     WHERE u.email = ${email} AND r.status <> 'cancelled'`);
  return rows.rows[0]?.n ?? 0;
}

describe('an event for invited organisations', () => {
  it('lets the people of the invited organisations register, and them only', async () => {
    const organisations = await world.app.database.db.execute<{ id: string; name: string }>(sql`
      SELECT id::text, name FROM organisations WHERE status = 'active' ORDER BY name LIMIT 2`);
    const [invited, other] = organisations.rows;
    if (!invited || !other) throw new Error('the seeded network has no organisations');

    const none = await world.editor.submit(editUrl, editUrl, event({ eligibility: 'invited' }));
    expect(none.statusCode).toBe(422);
    expect(none.body).toContain('Choose at least one organisation to invite');
    const unknown = await world.editor.submit(
      editUrl,
      editUrl,
      event({
        eligibility: 'invited',
        invitedOrganisations: ['7f0c2a4e-0000-4000-8000-000000000000'],
      }),
    );
    expect(unknown.statusCode).toBe(422);
    expect(unknown.body).toContain('Choose the organisations from the list.');
    const strangers = await world.editor.submit(
      editUrl,
      editUrl,
      event({ organisers: ['7f0c2a4e-0000-4000-8000-000000000000'] }),
    );
    expect(strangers.statusCode).toBe(422);
    expect(strangers.body).toContain('Choose the organising organisations from the list.');
    const saved = await world.editor.submit(
      editUrl,
      editUrl,
      event({
        eligibility: 'invited',
        invitedOrganisations: [invited.id],
        organisers: [other.id, invited.id],
      }),
    );
    expect(saved.statusCode).toBe(303);
    // The organisers are named on the page, linked, and in its JSON-LD.
    const shown = await new FormBrowser(world.app).get(page);
    expect(shown.body).toContain('<dt>Organised by</dt>');
    expect(shown.body).toContain(`>${invited.name}</a>`);
    expect(shown.body).toMatch(/"organizer":\[\{"@type":"Organization","name":/);
    // The list filters by country, among the countries that have events.
    const dutch = await new FormBrowser(world.app).get('/en/events?country=NL');
    expect(dutch.body).toContain('<option value="NL" selected');
    expect(dutch.body).toContain('Study visit to Utrecht');
    expect((await new FormBrowser(world.app).get('/en/events?country=JP')).body).not.toContain(
      'Study visit to Utrecht',
    );
    expect((await world.editor.get(editUrl)).body).toMatch(
      new RegExp(`<option value="${invited.id}" selected`),
    );

    const insider = await signUpAndSignIn(
      world.app,
      world.smtp,
      { name: 'Invited Person', email: 'invited@example.org' },
      '10.7.0.4',
    );
    const outsider = await signUpAndSignIn(
      world.app,
      world.smtp,
      { name: 'Other Person', email: 'other@example.org' },
      '10.7.0.5',
    );
    for (const [email, organisation] of [
      ['invited@example.org', invited.id],
      ['other@example.org', other.id],
    ] as const)
      await world.app.database.db.execute(sql`
        INSERT INTO organisation_members (organisation_id, user_id)
        SELECT ${organisation}, id FROM users WHERE email = ${email}`);

    const refused = await outsider.get(page);
    expect(refused.body).toContain('Registration is for the people of the organisations');
    expect(refused.body).not.toContain(`action="${page}/register"`);
    // Posting the form anyway (the token taken from another page) is refused all the same.
    const forced = await outsider.submit('/en/account', `${page}/register`, {
      'answer-q1': 'Elsewhere',
      'answer-q2': 'Housing',
    });
    expect(forced.headers.location).toBe(page);
    expect(await registered('other@example.org')).toBe(0);

    const welcome = await insider.submit(page, `${page}/register`, {
      'answer-q1': invited.name,
      'answer-q2': 'Housing',
    });
    expect(welcome.headers.location).toBe(`${page}?done=confirmed`);
    expect(await registered('invited@example.org')).toBe(1);
  });
});
