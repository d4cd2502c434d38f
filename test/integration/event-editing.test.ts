/**
 * Organising events through HTTP on a real PostgreSQL, with mail through a real SMTP server: the
 * form's checks in the event's own time zone (a time the clocks skip, an end before the start, a
 * registration closing after the start, places below those given), each a localised message with
 * the typed text kept; publishing, translating, moving the time (registrants told, the calendar's
 * SEQUENCE bumped) and cancelling with a reason (registrants told, STATUS:CANCELLED).
 */
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { FormBrowser, signUpAndSignIn } from '../support/form-browser.js';
import { calendarIn, organisersWorld } from '../support/organisers.js';

const world = organisersWorld();

const LINK = 'https://meet.example.org/vienna-dialogue-51c2';

/** The form as an organiser fills it in: a dialogue in Vienna, 14:00–16:00 local time. */
const filled = (changes: Record<string, string | string[]> = {}) => ({
  title: 'Vienna dialogue on participation',
  summary: 'How cities involve residents in their human rights work.',
  description: 'We start from **Vienna’s** city council practice.',
  slug: 'vienna-dialogue',
  kind: 'dialogue',
  access: 'public',
  timeZone: 'Europe/Vienna',
  startsAt: '2027-11-18T14:00',
  endsAt: '2027-11-18T16:00',
  place: 'Rathaus, Friedrich-Schmidt-Platz 1',
  city: 'Vienna',
  country: 'AT',
  latitude: '48.2108',
  longitude: '16.3572',
  onlineUrl: LINK,
  roomDetails: 'Steinsaal 2',
  speakers: 'Shams Asadi\nKlaus Starl',
  registration: 'open',
  capacity: '2',
  registrationClosesAt: '',
  eligibility: 'anyone',
  cancellationClosesAt: '',
  themes: ['participation'],
  sdgs: ['16'],
  ...changes,
});

const mailsTo = (email: string) =>
  world.smtp.received.filter((mail) => JSON.stringify(mail.to).includes(email));

let eventId = '';

describe('organising an event', () => {
  it('refuses bad times and places with a localised message each, keeping what was typed', async () => {
    const bad = await world.editor.submit(
      '/en/editor/events/new',
      '/en/editor/events/new',
      filled({
        // Vienna's clocks go from 02:00 to 03:00 on 28 March 2027.
        startsAt: '2027-03-28T02:30',
        endsAt: '2027-03-28T01:00',
        registrationClosesAt: '2027-03-29T10:00',
        onlineUrl: 'meet.example.org/no-scheme',
        latitude: '123',
      }),
    );
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('This time does not exist in the event’s time zone');
    expect(bad.body).toContain('Enter the meeting’s full address, starting with https://.');
    expect(bad.body).toContain('Enter decimal degrees');
    expect(bad.body).toContain('value="Vienna dialogue on participation"');
    expect(bad.body).toContain('How cities involve residents in their human rights work.');

    const reversed = await world.editor.submit(
      '/en/editor/events/new',
      '/en/editor/events/new',
      filled({
        startsAt: '2027-11-18T14:00',
        endsAt: '2027-11-18T12:00',
        registrationClosesAt: '2027-11-18T15:00',
      }),
    );
    expect(reversed.statusCode).toBe(422);
    expect(reversed.body).toContain('The end must come after the start.');
    expect(reversed.body).toContain('Registration must close before the event starts.');

    const french = await world.editor.submit(
      '/fr/editor/events/new',
      '/fr/editor/events/new',
      filled({
        endsAt: '2027-11-18T12:00',
      }),
    );
    expect(french.statusCode).toBe(422);
    expect(french.body).toContain('La fin doit venir après le début.');
  });

  it('creates a draft, publishes it, and shows it in its own zone', async () => {
    const created = await world.editor.submit(
      '/en/editor/events/new',
      '/en/editor/events/new',
      filled(),
    );
    expect(created.statusCode).toBe(303);
    eventId = /\/editor\/events\/([0-9a-f-]{36})/.exec(created.headers.location ?? '')?.[1] ?? '';
    expect(eventId).not.toBe('');

    const visitor = new FormBrowser(world.app);
    expect((await visitor.get('/en/events/vienna-dialogue')).statusCode).toBe(404);

    const form = await world.editor.get(`/en/editor/events/${eventId}`);
    expect(form.body).toContain('value="2027-11-18T14:00"');
    expect(form.body).toContain(LINK);
    const published = await world.editor.submit(
      `/en/editor/events/${eventId}`,
      `/en/editor/events/${eventId}/status`,
      { status: 'published' },
    );
    expect(published.statusCode).toBe(303);

    const page = await visitor.get('/en/events/vienna-dialogue');
    expect(page.statusCode).toBe(200);
    // 14:00 in Vienna in November is 13:00 UTC.
    expect(page.body).toContain('2027-11-18T13:00:00.000Z');
    expect(page.body).toMatch(/18 November 2027, 14:00\s*–\s*16:00/);
    // The place on the network map's drawing, linked to a detailed map.
    expect(page.body).toContain('aria-label="Map: Rathaus, Friedrich-Schmidt-Platz 1, Vienna');
    expect(page.body).toContain('href="https://www.openstreetmap.org/?mlat=48.2108&mlon=16.3572');
    expect(page.body).not.toContain(LINK);
    expect(page.body).not.toContain('Steinsaal');

    const list = await world.editor.get('/en/editor/events');
    expect(list.body).toContain('Vienna dialogue on participation');
    expect(list.body).toContain('0 of 2 places taken, 0 waiting');
  });

  it('keeps the places above those given, tells registrants of a new time, and bumps the calendar', async () => {
    const first = await signUpAndSignIn(
      world.app,
      world.smtp,
      { name: 'Ana', email: 'ana@example.org' },
      '127.0.4.1',
    );
    const second = await signUpAndSignIn(
      world.app,
      world.smtp,
      { name: 'Ben', email: 'ben@example.org' },
      '127.0.4.2',
    );
    for (const person of [first, second])
      await person.submit('/en/events/vienna-dialogue', '/en/events/vienna-dialogue/register', {});

    const fewer = await world.editor.submit(
      `/en/editor/events/${eventId}`,
      `/en/editor/events/${eventId}`,
      filled({ capacity: '1', title: 'Vienna dialogue, renamed' }),
    );
    expect(fewer.statusCode).toBe(422);
    expect(fewer.body).toContain(
      'the number of places cannot be lower than the places already given',
    );
    expect(fewer.body).toContain('value="Vienna dialogue, renamed"');

    const before = world.smtp.received.length;
    const moved = await world.editor.submit(
      `/en/editor/events/${eventId}`,
      `/en/editor/events/${eventId}`,
      filled({ startsAt: '2027-11-19T10:00', endsAt: '2027-11-19T12:30' }),
    );
    expect(moved.statusCode).toBe(303);
    const told = world.smtp.received.slice(before);
    expect(told.map((mail) => mail.subject)).toEqual([
      '“Vienna dialogue on participation” has changed',
      '“Vienna dialogue on participation” has changed',
    ]);
    expect(told[0]?.text).toMatch(/19 November 2027.*10:00/);
    expect(told[0]?.text).toContain(LINK);
    // The new time updates the copy in their calendar (METHOD:REQUEST, the same UID, SEQUENCE 1).
    const invitation = calendarIn(told[0]);
    expect(invitation).toContain('METHOD:REQUEST');
    expect(invitation).toContain('SEQUENCE:1');
    expect(invitation).toContain('ORGANIZER');
    expect(invitation.replace(/\r\n[ \t]/g, '')).toContain(LINK);

    const ics = await new FormBrowser(world.app).get('/en/events/vienna-dialogue/event.ics');
    const vevent = new ICAL.Component(ICAL.parse(ics.body)).getFirstSubcomponent('vevent');
    // Published from a draft (0: no calendar held it yet), then moved (1).
    expect(vevent?.getFirstPropertyValue('sequence')).toBe(1);

    // A change of text alone tells nobody.
    const quiet = world.smtp.received.length;
    await world.editor.submit(
      `/en/editor/events/${eventId}`,
      `/en/editor/events/${eventId}`,
      filled({ startsAt: '2027-11-19T10:00', endsAt: '2027-11-19T12:30', summary: 'Reworded.' }),
    );
    expect(world.smtp.received.length).toBe(quiet);
  });

  it('lists its registrants for the organisers, as a safe CSV, with attendance and a message', async () => {
    const tricky = await signUpAndSignIn(
      world.app,
      world.smtp,
      { name: '=HYPERLINK("http://evil.example")', email: 'dee@example.org' },
      '127.0.4.4',
    );
    await tricky.submit('/en/events/vienna-dialogue', '/en/events/vienna-dialogue/register', {});
    const url = `/en/editor/events/${eventId}/registrants`;
    const list = await world.editor.get(url);
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('ana@example.org');
    expect(list.body).toContain('Waiting');

    const csv = await world.editor.get(`${url}.csv`);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('Name,E-mail address,Registration');
    expect(csv.body).toContain('ana@example.org');
    // A name that starts like a formula is kept as text.
    expect(csv.body).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
    expect(csv.body).not.toMatch(/(^|,)=HYPERLINK/m);

    const anaId = /id="attended-([0-9a-f-]{36})"/.exec(list.body)?.[1] ?? '';
    const marked = await world.editor.submit(url, `/en/editor/events/${eventId}/attendance`, {
      attended: [anaId],
    });
    expect(marked.headers.location).toContain('done=attendance&count=1');
    expect((await world.editor.get(`${url}.csv`)).body).toMatch(
      /ana@example\.org,Has a place,[^,]+,Yes/,
    );

    const empty = await world.editor.submit(url, `/en/editor/events/${eventId}/message`, {
      audience: 'all',
      subject: '',
      body: 'Bring your city’s figures.',
    });
    expect(empty.statusCode).toBe(422);
    expect(empty.body).toContain('Enter a subject.');
    expect(empty.body).toContain('Bring your city’s figures.');
    const before = world.smtp.received.length;
    const sent = await world.editor.submit(url, `/en/editor/events/${eventId}/message`, {
      audience: 'confirmed',
      subject: 'Before we meet',
      body: 'Bring your city’s figures.\n\nWe start on time.',
    });
    expect(sent.headers.location).toContain('done=sent&count=2');
    const messages = world.smtp.received.slice(before);
    expect(messages.map((mail) => mail.subject)).toEqual(['Before we meet', 'Before we meet']);
    expect(messages[0]?.replyTo?.text).toContain('@');
    expect(JSON.stringify(messages.map((mail) => mail.to))).not.toContain('dee@example.org');
  });

  it('is translated, text alone, into another language', async () => {
    const saved = await world.editor.submit(
      `/en/editor/events/${eventId}?lang=fr`,
      `/en/editor/events/${eventId}?lang=fr`,
      { title: 'Dialogue de Vienne sur la participation', summary: '', description: 'Texte.' },
    );
    expect(saved.statusCode).toBe(303);
    const page = await new FormBrowser(world.app).get('/fr/events/vienna-dialogue');
    expect(page.body).toContain('Dialogue de Vienne sur la participation');
  });

  it('is cancelled only with a reason, which registrants receive', async () => {
    const url = `/en/editor/events/${eventId}`;
    const silent = await world.editor.submit(url, `${url}/status`, {
      status: 'cancelled',
      reason: '',
    });
    expect(silent.statusCode).toBe(422);
    expect(silent.body).toContain('Say why: registrants receive it by e-mail.');
    const wrong = await world.editor.submit(url, `${url}/status`, { status: 'draft-ish' });
    expect(wrong.statusCode).toBe(422);

    const before = world.smtp.received.length;
    const cancelled = await world.editor.submit(url, `${url}/status`, {
      status: 'cancelled',
      reason: 'The city hall is closed for repairs.',
    });
    expect(cancelled.statusCode).toBe(303);
    const told = world.smtp.received.slice(before);
    // The two with a place and the one waiting.
    expect(told).toHaveLength(3);
    expect(told[0]?.subject).toBe('“Vienna dialogue on participation” is cancelled');
    expect(told[0]?.text).toContain('The city hall is closed for repairs.');
    expect(told[0]?.text).not.toContain(LINK);
    const cancellation = calendarIn(told[0]);
    expect(cancellation).toContain('METHOD:CANCEL');
    expect(cancellation).toContain('STATUS:CANCELLED');
    expect(cancellation.replace(/\r\n[ \t]/g, '')).not.toContain(LINK);
    expect(mailsTo('ben@example.org').at(-1)?.subject).toContain('is cancelled');

    const page = await new FormBrowser(world.app).get('/en/events/vienna-dialogue');
    expect(page.body).toContain('The city hall is closed for repairs.');
    const ics = await new FormBrowser(world.app).get('/en/events/vienna-dialogue/event.ics');
    expect(ics.body).toContain('STATUS:CANCELLED');
    // Nothing moves a cancelled event.
    const again = await world.editor.submit(url, `${url}/status`, { status: 'published' });
    expect(again.statusCode).toBe(422);
  });

  it('is for editors only', async () => {
    const person = await signUpAndSignIn(
      world.app,
      world.smtp,
      { name: 'Cy', email: 'cy@example.org' },
      '127.0.4.3',
    );
    expect((await person.get('/en/editor/events')).statusCode).toBe(403);
    expect((await person.get(`/en/editor/events/${eventId}`)).statusCode).toBe(403);
    const visitor = new FormBrowser(world.app);
    expect((await visitor.get('/en/editor/events')).statusCode).toBe(303);
  });

  it('is closed with outcomes that become a Knowledge Centre item, its detail for members', async () => {
    const created = await world.editor.submit(
      '/en/editor/events/new',
      '/en/editor/events/new',
      filled({ slug: 'porto-workshop', title: 'Porto workshop on housing', capacity: '' }),
    );
    const id = /\/editor\/events\/([0-9a-f-]{36})/.exec(created.headers.location ?? '')?.[1] ?? '';
    const url = `/en/editor/events/${id}`;
    await world.editor.submit(url, `${url}/status`, { status: 'published' });
    // Closing is through the outcomes, not a bare move.
    expect((await world.editor.submit(url, `${url}/status`, { status: 'closed' })).statusCode).toBe(
      422,
    );
    const ana = await signUpAndSignIn(
      world.app,
      world.smtp,
      { name: 'Eva', email: 'eva@example.org' },
      '127.0.4.5',
    );
    await ana.submit('/en/events/porto-workshop', '/en/events/porto-workshop/register', {});

    const empty = await world.editor.submit(`${url}/outcomes`, `${url}/outcomes`, {
      summary: '',
      minutes: '',
      conclusions: '',
      attendance: 'many',
      detail: 'members',
    });
    expect(empty.statusCode).toBe(422);
    expect(empty.body).toContain('Write a short summary of the outcomes.');
    expect(empty.body).toContain('Write the minutes, the conclusions, or both.');
    expect(empty.body).toContain('Enter a whole number of people, or leave it empty.');

    const closed = await world.editor.submit(`${url}/outcomes`, `${url}/outcomes`, {
      summary: 'Three cities will pool their eviction data.',
      minutes: 'Porto, Ghent and Vienna presented their programmes.',
      conclusions: 'A shared indicator on evictions by spring.',
      attendance: '',
      detail: 'members',
    });
    expect(closed.statusCode).toBe(303);
    expect(closed.headers.location).toContain('done=closed');

    const visitor = new FormBrowser(world.app);
    const page = await visitor.get('/en/events/porto-workshop');
    expect(page.body).toContain('<h2 id="outcomes-title">Outcomes</h2>');
    // Nobody marked as having come: the people with a place are counted.
    expect(page.body).toContain('1 person took part.');
    const path = /href="(\/en\/knowledge\/publications\/[^"]+)">Read the outcomes/.exec(
      page.body,
    )?.[1];
    expect(path).toBe('/en/knowledge/publications/porto-workshop-outcomes');
    const item = await visitor.get(path ?? '');
    expect(item.statusCode).toBe(200);
    expect(item.body).toContain('Outcomes of “Porto workshop on housing”');
    expect(item.body).toContain('Three cities will pool their eviction data.');
    expect(item.body).not.toContain('A shared indicator on evictions by spring.');
    expect(item.body).toContain('/en/events/porto-workshop');
    const asEditor = await world.editor.get(path ?? '');
    expect(asEditor.body).toContain('A shared indicator on evictions by spring.');
    expect(asEditor.body).toContain('Porto, Ghent and Vienna presented their programmes.');

    // Documents and photos join the outcomes through the Knowledge Centre's files; the
    // outcomes form of a closed event sends the organiser back to the event.
    const editorPage = await world.editor.get(url);
    const files =
      /href="(\/en\/editor\/items\/[0-9a-f-]{36}\/files)">Add documents and photos/.exec(
        editorPage.body,
      )?.[1];
    expect(files).toBeDefined();
    const filesPage = await world.editor.get(files ?? '');
    expect(filesPage.statusCode).toBe(200);
    expect(filesPage.body).toContain('type="file"');
    const again = await world.editor.get(`${url}/outcomes`);
    expect(again.statusCode).toBe(303);
    expect(again.headers.location).toBe(url);
  });
});
