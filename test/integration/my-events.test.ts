/**
 * A person's own events and their private calendar feed, through HTTP on a real PostgreSQL: the
 * list with "cancel", a feed address shown once that opens their events (with their online link)
 * to a calendar program without signing in, replaced by a new one and turned off; a theme's
 * public calendar; and the registrations in "download my data".
 */
import { sql } from 'drizzle-orm';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { FormBrowser, signUpAndSignIn } from '../support/form-browser.js';
import { blankEventForm, organisersWorld } from '../support/organisers.js';

const world = organisersWorld();
const LINK = 'https://meet.example.org/feed-9b3d';

async function createEvent(
  slug: string,
  title: string,
  themes: string[],
  access = 'public',
): Promise<void> {
  const form = {
    ...blankEventForm,
    title,
    summary: 'An exchange between cities.',
    slug,
    kind: 'webinar',
    access,
    timeZone: 'America/New_York',
    startsAt: '2027-05-12T10:00',
    endsAt: '2027-05-12T11:30',
    onlineUrl: LINK,
    themes,
  };
  const created = await world.editor.submit('/en/editor/events/new', '/en/editor/events/new', form);
  expect(created.statusCode).toBe(303);
  const url = new URL(created.headers.location ?? '', 'http://x').pathname;
  await world.editor.submit(url, `${url}/status`, { status: 'published' });
}

const feedUrlIn = (body: string): string =>
  new URL(/id="feed-url" type="url" readonly value="([^"]+)"/.exec(body)?.[1] ?? 'http://x/none')
    .pathname;

describe('my events and my calendar feed', () => {
  it('lists my registrations with cancel, and opens my feed to my calendar only by its token', async () => {
    await createEvent('housing-webinar', 'Housing webinar', ['housing']);
    await createEvent('culture-webinar', 'Culture webinar', ['culture']);
    const person = await signUpAndSignIn(
      world.app,
      world.smtp,
      { name: 'Maya Ortiz', email: 'maya@example.org' },
      '10.8.0.1',
    );
    await person.submit('/en/events/housing-webinar', '/en/events/housing-webinar/register', {});

    expect((await person.get('/en/account')).body).toContain('href="/en/account/events"');
    const mine = await person.get('/en/account/events');
    expect(mine.statusCode).toBe(200);
    expect(mine.body).toContain('Housing webinar');
    expect(mine.body).toContain('You have a place');
    expect(mine.body).toContain('action="/en/events/housing-webinar/cancel"');
    expect(mine.body).not.toContain('Culture webinar');

    // The address is shown once; a calendar program opens it without signing in.
    const made = await person.submit('/en/account/events', '/en/account/events/feed', {});
    expect(made.statusCode).toBe(200);
    const first = feedUrlIn(made.body);
    expect(first).toMatch(/^\/en\/events\/feed\/[\w-]{43}\/calendar\.ics$/);
    expect((await person.get('/en/account/events')).body).not.toContain(first);
    const calendar = await new FormBrowser(world.app).get(first);
    expect(calendar.statusCode).toBe(200);
    expect(calendar.headers['content-type']).toContain('text/calendar');
    expect(calendar.headers['cache-control']).toBe('private, no-store');
    const parsed = new ICAL.Component(ICAL.parse(calendar.body));
    const entries = parsed.getAllSubcomponents('vevent');
    expect(entries.map((entry) => entry.getFirstPropertyValue('summary'))).toEqual([
      'Housing webinar',
    ]);
    expect(calendar.body.replace(/\r\n[ \t]/g, '')).toContain(LINK);

    // A new address turns the old one off; turning the feed off closes both.
    const renewed = feedUrlIn(
      (await person.submit('/en/account/events', '/en/account/events/feed', {})).body,
    );
    expect(renewed).not.toBe(first);
    expect((await new FormBrowser(world.app).get(first)).statusCode).toBe(404);
    expect((await new FormBrowser(world.app).get(renewed)).statusCode).toBe(200);
    const off = await person.submit('/en/account/events', '/en/account/events/feed/off', {});
    expect(off.headers.location).toBe('/en/account/events?done=feed-off');
    expect((await new FormBrowser(world.app).get(renewed)).statusCode).toBe(404);

    // My own time zone: a wrong one is refused, kept out; mine is shown beside the event's.
    const wrong = await person.submit('/en/account/events', '/en/account/events/zone', {
      timeZone: 'Mars/Olympus_Mons',
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.body).toContain('aria-invalid="true"');
    const saved = await person.submit('/en/account/events', '/en/account/events/zone', {
      timeZone: 'Asia/Tokyo',
    });
    expect(saved.headers.location).toBe('/en/account/events?done=zone');
    expect((await person.get('/en/account/events')).body).toMatch(
      /<option value="Asia\/Tokyo" selected/,
    );
    const event = await person.get('/en/events/housing-webinar');
    // 10:00 in New York on 12 May 2027 is 23:00 in Tokyo.
    expect(event.body).toMatch(/In your time zone: 12 May 2027 at 23:00[^<]*Japan Standard Time/);
    expect((await new FormBrowser(world.app).get('/en/events/housing-webinar')).body).not.toContain(
      'In your time zone',
    );

    // Cancelled, the event leaves my list.
    await person.submit('/en/account/events', '/en/events/housing-webinar/cancel', {});
    expect((await person.get('/en/account/events')).body).toContain(
      'You have not registered for an event yet.',
    );

    // What the events feature keeps about me is in my data.
    const data = (await person.get('/en/account/export')).json() as Record<string, unknown>;
    expect(JSON.stringify(data)).toContain('"event":"housing-webinar"');
    expect(JSON.stringify(data)).toContain('"status":"cancelled"');
  });

  it('keeps a members-only event out of the feed of someone who left the members’ layer', async () => {
    await createEvent('members-circle', 'Members circle CANARY-FEED-7Q', ['housing'], 'members');
    const person = await signUpAndSignIn(
      world.app,
      world.smtp,
      { name: 'Ravi Shah', email: 'ravi@example.org' },
      '10.8.0.2',
    );
    const role = async (value: string) => {
      const found = await world.app.database.db.execute<{ id: string }>(
        sql`SELECT id::text FROM users WHERE email = 'ravi@example.org'`,
      );
      const id = found.rows[0]?.id;
      const changed = await world.editor.submit('/en/admin/people', `/en/admin/people/${id}`, {
        role: value,
      });
      expect(changed.statusCode).toBe(303);
    };
    await role('practitioner');
    const page = '/en/events/members-circle';
    expect((await person.submit(page, `${page}/register`, {})).headers.location).toBe(
      `${page}?done=confirmed`,
    );
    const feed = feedUrlIn(
      (await person.submit('/en/account/events', '/en/account/events/feed', {})).body,
    );
    expect((await new FormBrowser(world.app).get(feed)).body).toContain('CANARY-FEED-7Q');
    await role('registered');
    const after = await new FormBrowser(world.app).get(feed);
    expect(after.statusCode).toBe(200);
    expect(after.body).not.toContain('CANARY-FEED-7Q');
    expect(after.body.replace(/\r\n[ \t]/g, '')).not.toContain(LINK);
  });

  it('has a public calendar per theme, without the online link', async () => {
    const visitor = new FormBrowser(world.app);
    const housing = await visitor.get('/en/events/calendar.ics?theme=housing');
    expect(housing.statusCode).toBe(200);
    expect(housing.body).toContain('SUMMARY:Housing webinar');
    expect(housing.body).not.toContain('Culture webinar');
    expect(housing.body.replace(/\r\n[ \t]/g, '')).not.toContain(LINK);
    expect((await visitor.get('/en/events/calendar.ics?theme=no-such-theme')).statusCode).toBe(404);
    expect((await visitor.get('/en/events?theme=housing')).body).toContain(
      'href="/en/events/calendar.ics?theme=housing"',
    );
  });

  it('shows a month as a calendar, on each event’s own wall clock, with the list’s filters', async () => {
    const visitor = new FormBrowser(world.app);
    const may = await visitor.get('/en/events?view=month&month=2027-05');
    expect(may.statusCode).toBe(200);
    expect(may.body).toContain('<h1>Events in May 2027</h1>');
    expect(may.body).toContain('Wednesday, 12 May 2027');
    expect(may.body).toMatch(
      /<time datetime="2027-05-12T14:00:00.000Z">10:00<\/time> <a href="\/en\/events\/housing-webinar">Housing webinar<\/a>/,
    );
    expect(may.body).toContain('href="/en/events?view=month&month=2027-06"');
    const culture = await visitor.get('/en/events?view=month&month=2027-05&theme=culture');
    expect(culture.body).toContain('Culture webinar');
    expect(culture.body).not.toContain('Housing webinar');
    expect(culture.body).toContain('href="/en/events?view=month&month=2027-04&theme=culture"');
    const french = await visitor.get('/fr/events?view=month&month=2027-05');
    expect(french.body).toContain('Événements de mai 2027');
  });
});
