/**
 * Loads the network's initial content: the shared vocabularies, the two network pages, the
 * Knowledge Centre section pages, the useful-links directory, the organisations the seed names
 * and the Knowledge Centre items it names (published, and marked as seeded for editors).
 *
 * Idempotent: each item is recorded in `seed_records` when first loaded and never loaded again, so
 * a restart neither duplicates content nor overwrites (or brings back) what an editor changed.
 */
import { inArray, sql } from 'drizzle-orm';
import type { Db } from '../platform/db/database.js';
import {
  countries,
  sdgTargets,
  sdgs as sdgTable,
  themes as themeTable,
  udhrArticles,
} from '../features/vocabularies/vocabularies.schema.js';
import { linkGroups, links, pages } from '../features/knowledge/knowledge.schema.js';
import { refreshSearchDocuments } from '../features/knowledge/editorial.repository.js';
import { itemRevisions, itemTranslations, items } from '../features/knowledge/items.schema.js';
import { organisations } from '../features/members/members.schema.js';
import {
  euMemberStates,
  regionOfCountry,
  countriesWithoutRegion,
} from '../features/vocabularies/data/regions.js';
import { sdgs } from '../features/vocabularies/data/sdgs.js';
import { themes } from '../features/vocabularies/data/themes.js';
import { seedOrganisations } from './data/organisations.js';
import { seedPages } from './data/pages.js';
import type { SeedLinkGroup } from './data/types.js';
import { usefulLinks } from './data/useful-links.js';
import { seedItems } from './data/knowledge-items.js';
import { seedRecords } from './seed.schema.js';
import { seedEvents } from './data/events.js';
import { eventTranslations, events } from '../features/events/events.schema.js';
import { watchSources } from '../features/monitoring/monitoring.schema.js';
import { seedWatchSources } from './data/watch-sources.js';
import { indicators } from '../features/cities/cities.schema.js';
import { seedIndicators } from './data/indicators.js';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export interface SeedProgress {
  (step: string, done: number, total: number): void;
}

export interface SeedReport {
  /** Items loaded by this run, by kind. */
  added: Record<string, number>;
}

const SEED_LOCALE = 'en';
/** Serialises concurrent seeding from several instances starting together. */
const SEED_LOCK = 0x68726373;

/** Keeps only the keys not yet recorded, and records them. */
async function claim(tx: Tx, keys: string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const existing = await tx
    .select({ key: seedRecords.key })
    .from(seedRecords)
    .where(inArray(seedRecords.key, keys));
  const done = new Set(existing.map((row) => row.key));
  const fresh = keys.filter((key) => !done.has(key));
  if (fresh.length > 0) await tx.insert(seedRecords).values(fresh.map((key) => ({ key })));
  return new Set(fresh);
}

async function seedVocabularies(tx: Tx): Promise<number> {
  // Reference data: rows are added when missing, never changed.
  await tx
    .insert(themeTable)
    .values(themes.map((theme, position) => ({ key: theme.key, family: theme.family, position })))
    .onConflictDoNothing();
  await tx
    .insert(sdgTable)
    .values(sdgs.map((goal) => ({ number: goal.number, colour: goal.colour })))
    .onConflictDoNothing();
  await tx
    .insert(sdgTargets)
    .values(
      sdgs.flatMap((goal) =>
        goal.targets.map((code, position) => ({ code, sdg: goal.number, position })),
      ),
    )
    .onConflictDoNothing();
  await tx
    .insert(udhrArticles)
    .values(Array.from({ length: 30 }, (_, index) => ({ number: index + 1 })))
    .onConflictDoNothing();
  const eu = new Set(euMemberStates);
  const countryRows = [
    ...Object.entries(regionOfCountry).map(([code, region]) => ({
      code,
      region,
      euMember: eu.has(code),
    })),
    ...countriesWithoutRegion.map((code) => ({ code, region: null, euMember: false })),
  ];
  await tx.insert(countries).values(countryRows).onConflictDoNothing();
  return themes.length + sdgs.length + 30 + countryRows.length;
}

async function seedPagesOnce(tx: Tx): Promise<number> {
  const fresh = await claim(
    tx,
    seedPages.map((page) => `page:${page.slug}:${SEED_LOCALE}`),
  );
  const rows = seedPages
    .filter((page) => fresh.has(`page:${page.slug}:${SEED_LOCALE}`))
    .map((page) => ({ ...page, locale: SEED_LOCALE, access: 'public' as const }));
  if (rows.length > 0) await tx.insert(pages).values(rows).onConflictDoNothing();
  return rows.length;
}

async function seedLinkGroup(
  tx: Tx,
  group: SeedLinkGroup,
  parentId: string | null,
  position: number,
  fresh: Set<string>,
): Promise<number> {
  let added = 0;
  let groupId: string | undefined;
  if (fresh.has(`link-group:${group.key}`)) {
    const [row] = await tx
      .insert(linkGroups)
      .values({ key: group.key, parentId, title: group.title, position })
      .onConflictDoNothing()
      .returning({ id: linkGroups.id });
    groupId = row?.id;
    added++;
  }
  if (!groupId) {
    const [row] = await tx
      .select({ id: linkGroups.id })
      .from(linkGroups)
      .where(inArray(linkGroups.key, [group.key]));
    groupId = row?.id;
  }
  if (!groupId) return added; // the group was deleted by an editor: its links stay deleted too
  const newLinks = group.links
    .map((link, index) => ({ link, index }))
    .filter(({ index }) => fresh.has(`link:${group.key}:${index}`))
    .map(({ link, index }) => ({ groupId, title: link.title, url: link.url, position: index }));
  if (newLinks.length > 0) await tx.insert(links).values(newLinks);
  added += newLinks.length;
  for (const [index, child] of group.groups.entries()) {
    added += await seedLinkGroup(tx, child, groupId, index, fresh);
  }
  return added;
}

function linkKeys(groups: readonly SeedLinkGroup[]): string[] {
  return groups.flatMap((group) => [
    `link-group:${group.key}`,
    ...group.links.map((_, index) => `link:${group.key}:${index}`),
    ...linkKeys(group.groups),
  ]);
}

async function seedLinksOnce(tx: Tx): Promise<number> {
  const fresh = await claim(tx, linkKeys(usefulLinks));
  let added = 0;
  for (const [index, group] of usefulLinks.entries()) {
    added += await seedLinkGroup(tx, group, null, index, fresh);
  }
  return added;
}

/**
 * Addresses found after a link was first loaded (the directory shipped with most of them to be
 * completed): each is set once, and only where the link still has none, so an editor's address
 * stays and an address an editor removed does not come back.
 */
async function completeLinkAddressesOnce(tx: Tx): Promise<number> {
  const known = (groups: readonly SeedLinkGroup[]): { key: string; title: string; url: string }[] =>
    groups.flatMap((group) => [
      ...group.links.flatMap((link, index) =>
        link.url
          ? [{ key: `link-url:${group.key}:${index}`, title: link.title, url: link.url }]
          : [],
      ),
      ...known(group.groups),
    ]);
  const all = known(usefulLinks);
  const fresh = await claim(
    tx,
    all.map((link) => link.key),
  );
  const rows = all.filter((link) => fresh.has(link.key));
  if (rows.length === 0) return 0;
  const values = sql.join(
    rows.map((row) => sql`(${row.key.split(':')[1]}, ${row.title}, ${row.url})`),
    sql`, `,
  );
  const updated = await tx.execute(sql`
    UPDATE ${links} AS l SET url = v.url
      FROM (VALUES ${values}) AS v(group_key, title, url), ${linkGroups} AS g
     WHERE g.key = v.group_key AND l.group_id = g.id AND l.title = v.title AND l.url IS NULL`);
  return updated.rowCount ?? 0;
}

/** The Knowledge Centre items the seed names, published in English, with their search rows. */
async function seedItemsOnce(tx: Tx): Promise<number> {
  const fresh = await claim(
    tx,
    seedItems.map((item) => `item:${item.slug}`),
  );
  let added = 0;
  for (const item of seedItems.filter((entry) => fresh.has(`item:${entry.slug}`))) {
    const [row] = await tx
      .insert(items)
      .values({
        type: item.type,
        section: item.section,
        slug: item.slug,
        access: 'public',
        status: 'published',
        publishedAt: new Date(),
        date: item.date,
        originalLocale: SEED_LOCALE,
        attributes: item.attributes,
        themes: item.themes,
        sdgs: item.sdgs,
        rights: item.rights,
        countries: item.countries,
        seeded: true,
      })
      .onConflictDoNothing()
      .returning({ id: items.id });
    const id = row?.id;
    if (!id) continue; // an editor already has an item at that address
    const text = { itemId: id, locale: SEED_LOCALE, title: item.title, summary: item.summary };
    await tx.insert(itemTranslations).values({ ...text, body: item.body });
    await tx.insert(itemRevisions).values({ ...text, body: item.body, number: 1, fields: {} });
    await refreshSearchDocuments(tx, id);
    added++;
  }
  return added;
}

/** The past gatherings the seed names, published in English with their year alone. */
async function seedEventsOnce(tx: Tx): Promise<number> {
  const fresh = await claim(
    tx,
    seedEvents.map((event) => `event:${event.slug}`),
  );
  let added = 0;
  for (const event of seedEvents.filter((entry) => fresh.has(`event:${entry.slug}`))) {
    // Only the year is known: the middle of the year stands for it, shown as the year alone.
    const day = new Date(Date.UTC(event.year, 6, 1, 12));
    const [row] = await tx
      .insert(events)
      .values({
        slug: event.slug,
        kind: 'conference',
        status: 'published',
        access: 'public',
        originalLocale: SEED_LOCALE,
        timeZone: event.timeZone,
        startsAt: day,
        endsAt: day,
        datePrecision: 'year',
        city: event.city,
        country: event.country,
        themes: event.themes,
        sdgs: event.sdgs,
        rights: event.rights,
        countries: [event.country],
        seeded: true,
      })
      .onConflictDoNothing()
      .returning({ id: events.id });
    if (!row) continue; // an editor already has an event at that address
    await tx.insert(eventTranslations).values({
      eventId: row.id,
      locale: SEED_LOCALE,
      title: event.title,
      summary: event.summary,
      description: event.description,
    });
    added++;
  }
  return added;
}

async function seedOrganisationsOnce(tx: Tx): Promise<number> {
  const fresh = await claim(
    tx,
    seedOrganisations.map((organisation) => `organisation:${organisation.slug}`),
  );
  const rows = seedOrganisations.filter((organisation) =>
    fresh.has(`organisation:${organisation.slug}`),
  );
  if (rows.length > 0)
    await tx
      .insert(organisations)
      .values(
        rows.map(({ description, ...row }) => ({ ...row, descriptions: { en: description } })),
      )
      .onConflictDoNothing();
  return rows.length;
}

async function seedWatchSourcesOnce(tx: Tx): Promise<number> {
  const fresh = await claim(
    tx,
    seedWatchSources.map((source) => `watch-source:${source.feedUrl}`),
  );
  const rows = seedWatchSources.filter((source) => fresh.has(`watch-source:${source.feedUrl}`));
  if (rows.length > 0)
    await tx
      .insert(watchSources)
      .values(rows.map((row) => ({ ...row, themes: [...row.themes] })))
      .onConflictDoNothing();
  return rows.length;
}

async function seedIndicatorsOnce(tx: Tx): Promise<number> {
  const fresh = await claim(
    tx,
    seedIndicators.map((indicator) => `indicator:${indicator.key}`),
  );
  const rows = seedIndicators.filter((indicator) => fresh.has(`indicator:${indicator.key}`));
  if (rows.length > 0)
    await tx
      .insert(indicators)
      .values(rows.map((row, position) => ({ ...row, position })))
      .onConflictDoNothing();
  return rows.length;
}

/** Loads whatever of the initial content has never been loaded. */
export async function seedInitialContent(db: Db, progress?: SeedProgress): Promise<SeedReport> {
  const steps = [
    ['vocabularies', seedVocabularies],
    ['pages', seedPagesOnce],
    ['links', seedLinksOnce],
    ['link addresses', completeLinkAddressesOnce],
    ['organisations', seedOrganisationsOnce],
    ['items', seedItemsOnce],
    ['events', seedEventsOnce],
    ['watched sources', seedWatchSourcesOnce],
    ['indicators', seedIndicatorsOnce],
  ] as const;
  const added: Record<string, number> = {};
  await db.transaction(async (tx) => {
    await tx.execute(`SELECT pg_advisory_xact_lock(${SEED_LOCK})`);
    for (const [index, [name, run]] of steps.entries()) {
      progress?.(name, index, steps.length);
      added[name] = await run(tx);
    }
    progress?.('done', steps.length, steps.length);
  });
  return { added };
}
