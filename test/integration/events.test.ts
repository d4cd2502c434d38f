/**
 * Events end to end through HTTP on a real PostgreSQL, with mail through a real SMTP server: the
 * list and the page in the event's own time zone, schema.org Event data, iCalendar files read back
 * by a real parser (ical.js), registration with a waiting list that moves up by itself, the online
 * link for confirmed registrants only, and parallel registrations for the last place.
 */
import ICAL from 'ical.js';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/app.js';
import { FormBrowser, signUpAndSignIn } from '../support/form-browser.js';
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

const LINK = 'https://meet.example.org/porto-housing-7f3a';
const ROOM = 'Room 2.14, second floor, code 4711';

/** An event as an editor would publish it; its times are given in UTC. */
async function publish(event: {
  slug: string;
  title: string;
  startsAt: string;
  endsAt: string;
  capacity?: number | null;
  access?: 'public' | 'members';
  timeZone?: string;
}): Promise<string> {
  const result = await app.database.db.execute<{ id: string }>(sql`
    INSERT INTO events (slug, kind, status, access, original_locale, time_zone, starts_at, ends_at,
                        place, city, country, latitude, longitude, online_url, room_details,
                        themes, registration, capacity, sequence)
    VALUES (${event.slug}, 'workshop', 'published', ${event.access ?? 'public'}, 'en',
            ${event.timeZone ?? 'Europe/Lisbon'}, ${event.startsAt}, ${event.endsAt},
            'Câmara Municipal do Porto', 'Porto', 'PT', 41.15, -8.61, ${LINK}, ${ROOM},
            '{housing}', 'open', ${event.capacity ?? null}, 2)
    RETURNING id::text`);
  const id = result.rows[0]?.id ?? '';
  await app.database.db.execute(sql`
    INSERT INTO event_translations (event_id, locale, title, summary, description)
    VALUES (${id}, 'en', ${event.title}, 'Cities compare how they house people first.',
            'We start from **Porto’s** programme.')`);
  return id;
}

const person = (n: number) =>
  signUpAndSignIn(
    app,
    smtp,
    { name: `Person ${n}`, email: `person${n}@example.org` },
    `127.0.3.${n}`,
  );

describe('events', () => {
  it('are listed and shown in their own time zone, with Event data and an iCalendar file', async () => {
    await publish({
      slug: 'housing-first-workshop',
      title: 'Housing first: a workshop',
      // 14:00–17:30 in Lisbon (summer time, UTC+1).
      startsAt: '2027-06-10T13:00:00Z',
      endsAt: '2027-06-10T16:30:00Z',
      capacity: 2,
    });
    const visitor = new FormBrowser(app);
    const list = await visitor.get('/en/events');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('Housing first: a workshop');
    expect(list.body).toContain('Brainstorming workshop');
    expect(list.body).toMatch(/10 June 2027, 14:00\s*–\s*17:30/);

    const page = await visitor.get('/en/events/housing-first-workshop');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Câmara Municipal do Porto, Porto, Portugal, and online');
    expect(page.body).toContain('2 places left of 2.');
    expect(page.body).toContain('Sign in to register');
    expect(page.body).not.toContain(LINK);
    expect(page.body).not.toContain(ROOM);
    const jsonLd = JSON.parse(
      /<script type="application\/ld\+json"[^>]*>(.*?)<\/script>/s.exec(page.body)?.[1] ?? '{}',
    );
    expect(jsonLd).toMatchObject({
      '@type': 'Event',
      startDate: '2027-06-10T13:00:00.000Z',
      eventStatus: 'https://schema.org/EventScheduled',
      eventAttendanceMode: 'https://schema.org/MixedEventAttendanceMode',
    });
    expect(JSON.stringify(jsonLd)).not.toContain(LINK);

    const ics = await visitor.get('/en/events/housing-first-workshop/event.ics');
    expect(ics.headers['content-type']).toContain('text/calendar');
    const calendar = new ICAL.Component(ICAL.parse(ics.body));
    const zone = calendar.getFirstSubcomponent('vtimezone');
    expect(zone?.getFirstPropertyValue('tzid')).toBe('Europe/Lisbon');
    if (zone) ICAL.TimezoneService.register(new ICAL.Timezone(zone));
    const vevent = calendar.getFirstSubcomponent('vevent');
    const entry = new ICAL.Event(vevent ?? undefined);
    expect(entry.summary).toBe('Housing first: a workshop');
    expect(entry.sequence).toBe(2);
    expect(vevent?.getFirstProperty('dtstart')?.getParameter('tzid')).toBe('Europe/Lisbon');
    expect(entry.startDate.toJSDate().toISOString()).toBe('2027-06-10T13:00:00.000Z');
    expect(ics.body.replace(/\r\n[ \t]/g, '')).not.toContain('meet.example.org');

    const api = await visitor.get('/api/events/housing-first-workshop');
    expect(api.json()).toMatchObject({ title: 'Housing first: a workshop', online: true });
    expect(api.body).not.toContain('meet.example.org');
  });

  it('takes registrations up to its capacity, then a waiting list that moves up by itself', async () => {
    const slug = 'housing-first-workshop';
    const page = `/en/events/${slug}`;
    const [first, second, third] = [await person(1), await person(2), await person(3)];
    expect((await first.submit(page, `${page}/register`, {})).headers.location).toBe(
      `${page}?done=confirmed`,
    );
    expect(smtp.received.at(-1)?.subject).toBe('Your place at “Housing first: a workshop”');
    expect(smtp.received.at(-1)?.text).toContain(LINK);
    await second.submit(page, `${page}/register`, {});
    expect((await third.submit(page, `${page}/register`, {})).headers.location).toBe(
      `${page}?done=waiting`,
    );
    expect(smtp.received.at(-1)?.text).not.toContain(LINK);

    const confirmed = await first.get(page);
    expect(confirmed.body).toContain('You have a place.');
    expect(confirmed.body).toContain(LINK);
    expect(confirmed.body).toContain(ROOM);
    const own = new ICAL.Component(ICAL.parse((await first.get(`${page}/event.ics`)).body));
    expect(own.getFirstSubcomponent('vevent')?.getFirstPropertyValue('description')).toContain(
      LINK,
    );
    const waiting = await third.get(page);
    expect(waiting.body).toContain('You are number 1 on the waiting list.');
    expect(waiting.body).not.toContain(LINK);

    // The first cancels: the third gets the place, and is told with the link.
    expect((await first.submit(page, `${page}/cancel`, {})).headers.location).toBe(
      `${page}?done=cancelled`,
    );
    const movedUp = smtp.received.findLast((mail) =>
      JSON.stringify(mail.to).includes('person3@example.org'),
    );
    expect(smtp.received.at(-2)?.subject).toBe(
      'Your registration for “Housing first: a workshop” is cancelled',
    );
    expect(movedUp?.subject).toBe('A place is yours at “Housing first: a workshop”');
    expect(movedUp?.text).toContain(LINK);
    expect((await third.get(page)).body).toContain(LINK);
    expect((await first.get(page)).body).not.toContain(LINK);
  });

  it('never gives the last place twice when people register at the same moment', async () => {
    const id = await publish({
      slug: 'one-place-left',
      title: 'One place left',
      startsAt: '2027-09-01T08:00:00Z',
      endsAt: '2027-09-01T10:00:00Z',
      capacity: 1,
    });
    const people = await Promise.all([4, 5, 6, 7, 8, 9].map((n) => person(n)));
    const page = '/en/events/one-place-left';
    const forms = await Promise.all(people.map((browser) => browser.get(page)));
    await Promise.all(
      people.map((browser, index) =>
        browser.post(
          `${page}/register`,
          'application/x-www-form-urlencoded',
          `_csrf=${/name="_csrf" value="([^"]+)"/.exec(forms[index]?.body ?? '')?.[1] ?? ''}`,
        ),
      ),
    );
    const counts = await app.database.db.execute<{ status: string; n: number }>(sql`
      SELECT status, count(*)::int AS n FROM event_registrations
       WHERE event_id = ${id} GROUP BY status ORDER BY status`);
    expect(counts.rows).toEqual([
      { status: 'confirmed', n: 1 },
      { status: 'waiting', n: 5 },
    ]);
  });

  it('lists the past gatherings of the network’s records with their year alone', async () => {
    const visitor = new FormBrowser(app);
    const past = await visitor.get('/en/events?when=past');
    expect(past.body).toContain('US human rights cities gathering, Pittsburgh');
    expect(past.body).toContain('<time datetime="2015">2015</time>');
    const slug = 'us-human-rights-cities-gathering-pittsburgh-2015';
    const page = await visitor.get(`/en/events/${slug}`);
    expect(page.body).toContain(`href="../knowledge/other-issues/${slug}"`);
    expect(page.body).not.toContain('event.ics');
    expect((await visitor.get(`/en/events/${slug}/event.ics`)).statusCode).toBe(404);
    expect((await visitor.get(`/en/knowledge/other-issues/${slug}`)).statusCode).toBe(200);
    expect((await visitor.get('/en/events')).body).not.toContain('Pittsburgh');
  });

  it('keeps members-only events to members, in every channel', async () => {
    await publish({
      slug: 'members-meeting',
      title: 'Members meeting',
      startsAt: '2027-10-01T08:00:00Z',
      endsAt: '2027-10-01T10:00:00Z',
      access: 'members',
    });
    const visitor = new FormBrowser(app);
    expect((await visitor.get('/en/events')).body).not.toContain('Members meeting');
    expect((await visitor.get('/en/events/members-meeting')).body).toContain('For network members');
    expect((await visitor.get('/en/events/members-meeting/event.ics')).statusCode).toBe(404);
    expect((await visitor.get('/api/events/members-meeting')).statusCode).toBe(403);
    expect((await visitor.get('/en/events/calendar.ics')).body).not.toContain('Members meeting');
  });
});
