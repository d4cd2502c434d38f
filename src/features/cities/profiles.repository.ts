/**
 * Reading and writing the cities' profiles and the indicators. A member city is an active
 * member organisation of the network that is a municipality (guest or associate); readers only
 * ever get the approved copy, through `readableBy` (profile.ts).
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { complete, type ProfileData, type Transfer } from './profile.js';

export interface CityRow {
  id: string;
  slug: string;
  name: string;
  city: string | null;
  country: string | null;
  latitude: number | null;
  longitude: number | null;
  membership: string;
  /** The approved copy, completed; null when none was approved yet. */
  published: ProfileData | null;
  publishedAt: Date | null;
}

/** A city as links name it. */
export interface CityName {
  slug: string;
  name: string;
}

export interface EditableCity extends CityRow {
  draft: ProfileData;
  status: 'draft' | 'submitted';
  reviewNote: string;
  submittedAt: Date | null;
}

export interface Indicator {
  id: string;
  key: string;
  organisationId: string | null;
  names: Record<string, string>;
  definitions: Record<string, string>;
  unit: string;
  sdgTarget: string | null;
  udhrArticle: number | null;
  source: string;
  higherIsBetter: boolean | null;
}

export type IndicatorDraft = Omit<Indicator, 'id'>;

type Row = {
  id: string;
  slug: string;
  name: string;
  city: string | null;
  country: string | null;
  latitude: number | null;
  longitude: number | null;
  membership: string;
  published: ProfileData | null;
  published_at: Date | null;
  draft: ProfileData | null;
  status: string | null;
  review_note: string | null;
  submitted_at: Date | null;
};

/** Whether the organisation `alias` is a member city. */
const memberCity = (alias: 'o' | 'f') =>
  sql.raw(`${alias}.status = 'active' AND ${alias}.membership IN ('guest', 'associate')
  AND ${alias}.kind IN ('municipality', 'city-outside-eu')`);

const MEMBER_CITY = memberCity('o');

/**
 * Every transfer (`t.transfer`) of the member cities' approved profiles, with the city that took
 * the practice up (`o`) and the member city it came from (`f`, or nulls); ends in its WHERE.
 */
const TRANSFERS = sql`
  FROM organisations o JOIN city_profiles p ON p.organisation_id = o.id
  CROSS JOIN jsonb_array_elements(coalesce(p.published->'transfers', '[]'::jsonb)) AS t(transfer)
  LEFT JOIN organisations f ON f.slug = t.transfer->>'from' AND ${memberCity('f')}
  WHERE ${MEMBER_CITY}`;

const SELECT = sql`
  SELECT o.id, o.slug, o.name, o.city, o.country, o.latitude, o.longitude, o.membership,
         p.published, p.published_at, p.draft, p.status, p.review_note, p.submitted_at
    FROM organisations o LEFT JOIN city_profiles p ON p.organisation_id = o.id`;

/**
 * The same, for lists: the approved copy without its values, practices and transfers (the bulk
 * of a profile), and no working copy.
 */
const SELECT_SUMMARY = sql`
  SELECT o.id, o.slug, o.name, o.city, o.country, o.latitude, o.longitude, o.membership,
         p.published - ARRAY['values', 'practices', 'transfers'] AS published, p.published_at,
         NULL::jsonb AS draft, p.status, p.review_note, p.submitted_at
    FROM organisations o LEFT JOIN city_profiles p ON p.organisation_id = o.id`;

const present = (row: Row): EditableCity => ({
  id: row.id,
  slug: row.slug,
  name: row.name,
  city: row.city,
  country: row.country,
  latitude: row.latitude,
  longitude: row.longitude,
  membership: row.membership,
  published: row.published ? complete(row.published) : null,
  publishedAt: row.published_at ? new Date(row.published_at) : null,
  draft: complete(row.draft),
  status: row.status === 'submitted' ? 'submitted' : 'draft',
  reviewNote: row.review_note ?? '',
  submittedAt: row.submitted_at ? new Date(row.submitted_at) : null,
});

type IndicatorRow = {
  id: string;
  key: string;
  organisation_id: string | null;
  names: Record<string, string>;
  definitions: Record<string, string>;
  unit: string;
  sdg_target: string | null;
  udhr_article: number | null;
  source: string;
  higher_is_better: boolean | null;
};

export function createProfilesRepository(db: Db) {
  return {
    /** Every member city, by name, with its whole approved profile (if any). */
    async cities(): Promise<EditableCity[]> {
      const rows = await db.execute<Row>(sql`${SELECT} WHERE ${MEMBER_CITY} ORDER BY o.name`);
      return rows.rows.map(present);
    },

    /**
     * Member cities, by name, with their approved profile's stage, steps and commitments only
     * (its values, practices and transfers empty): what lists show.
     */
    async summaries(): Promise<EditableCity[]> {
      const rows = await db.execute<Row>(
        sql`${SELECT_SUMMARY} WHERE ${MEMBER_CITY} ORDER BY o.name`,
      );
      return rows.rows.map(present);
    },

    /** These member cities with their whole approved profile, in no particular order. */
    async citiesBySlug(slugs: readonly string[]): Promise<EditableCity[]> {
      const rows = await db.execute<Row>(sql`
        ${SELECT} WHERE ${MEMBER_CITY} AND o.slug = ANY(${sql.param(slugs)}::text[])`);
      return rows.rows.map(present);
    },

    /**
     * The transfers of the approved profiles to or from a city, with the city that took the
     * practice up and the member city it came from (null when it is none). A practice's own are
     * read with it (transfersOfPracticeSql).
     */
    async transfers(
      city: string,
    ): Promise<{ to: CityName; from: CityName | null; transfer: Transfer }[]> {
      const rows = await db.execute<{
        slug: string;
        name: string;
        transfer: Transfer;
        from_slug: string | null;
        from_name: string | null;
      }>(sql`
        SELECT o.slug, o.name, t.transfer, f.slug AS from_slug, f.name AS from_name
          ${TRANSFERS} AND (o.slug = ${city} OR t.transfer->>'from' = ${city})`);
      return rows.rows.map((row) => ({
        to: { slug: row.slug, name: row.name },
        from: row.from_slug ? { slug: row.from_slug, name: row.from_name ?? '' } : null,
        transfer: row.transfer,
      }));
    },

    /** One member city by slug (with its working copy, for its admins and editors). */
    async city(slug: string): Promise<EditableCity | null> {
      const rows = await db.execute<Row>(sql`${SELECT} WHERE ${MEMBER_CITY} AND o.slug = ${slug}`);
      const row = rows.rows[0];
      return row ? present(row) : null;
    },

    /** Profiles waiting for an editor, the longest waiting first. */
    async submitted(): Promise<EditableCity[]> {
      const rows = await db.execute<Row>(sql`
        ${SELECT} WHERE ${MEMBER_CITY} AND p.status = 'submitted' ORDER BY p.submitted_at`);
      return rows.rows.map(present);
    },

    /**
     * Keeps the working copy. A change withdraws a submission: an editor approves only what they
     * read, so the city sends it again.
     */
    async saveDraft(organisationId: string, draft: ProfileData): Promise<void> {
      await db.execute(sql`
        INSERT INTO city_profiles (organisation_id, draft)
        VALUES (${organisationId}, ${JSON.stringify(draft)}::jsonb)
        ON CONFLICT (organisation_id)
        DO UPDATE SET draft = EXCLUDED.draft, updated_at = now(), status = 'draft'`);
    },

    async submit(organisationId: string, now: Date): Promise<void> {
      await db.execute(sql`
        UPDATE city_profiles SET status = 'submitted', submitted_at = ${now}, review_note = ''
         WHERE organisation_id = ${organisationId}`);
    },

    /** The working copy becomes the public one; false when it is not waiting any more. */
    async approve(organisationId: string, by: string, now: Date): Promise<boolean> {
      const updated = await db.execute(sql`
        UPDATE city_profiles
           SET published = draft, published_at = ${now}, status = 'draft', reviewed_by = ${by},
               review_note = ''
         WHERE organisation_id = ${organisationId} AND status = 'submitted'
        RETURNING organisation_id`);
      return updated.rows.length > 0;
    },

    async requestChanges(organisationId: string, by: string, note: string): Promise<boolean> {
      const updated = await db.execute(sql`
        UPDATE city_profiles SET status = 'draft', reviewed_by = ${by}, review_note = ${note}
         WHERE organisation_id = ${organisationId} AND status = 'submitted'
        RETURNING organisation_id`);
      return updated.rows.length > 0;
    },

    /** The people who keep a city's profile: its organisation's admins. */
    async adminsOf(
      organisationId: string,
    ): Promise<{ email: string; name: string; locale: string }[]> {
      const rows = await db.execute<{ email: string; name: string; locale: string }>(sql`
        SELECT u.email, u.name, u.locale FROM organisation_members m
          JOIN users u ON u.id = m.user_id
         WHERE m.organisation_id = ${organisationId} AND m.role = 'admin'`);
      return rows.rows;
    },

    /** The shared indicators and every city's own, the shared ones first. */
    async indicators(): Promise<Indicator[]> {
      const rows = await db.execute<IndicatorRow>(sql`
        SELECT id, key, organisation_id, names, definitions, unit, sdg_target, udhr_article,
               source, higher_is_better
          FROM indicators ORDER BY organisation_id NULLS FIRST, position, key`);
      return rows.rows.map((row) => ({
        id: row.id,
        key: row.key,
        organisationId: row.organisation_id,
        names: row.names,
        definitions: row.definitions,
        unit: row.unit,
        sdgTarget: row.sdg_target,
        udhrArticle: row.udhr_article,
        source: row.source,
        higherIsBetter: row.higher_is_better,
      }));
    },

    async keyTaken(key: string, except: string | null): Promise<boolean> {
      const rows = await db.execute<{ id: string }>(
        sql`SELECT id FROM indicators WHERE key = ${key}`,
      );
      return rows.rows.some((row) => row.id !== except);
    },

    async saveIndicator(id: string | null, draft: IndicatorDraft): Promise<void> {
      const names = JSON.stringify(draft.names);
      const definitions = JSON.stringify(draft.definitions);
      if (id === null)
        await db.execute(sql`
          INSERT INTO indicators (key, organisation_id, names, definitions, unit, sdg_target,
                                  udhr_article, source, higher_is_better, position)
          VALUES (${draft.key}, ${draft.organisationId}, ${names}::jsonb, ${definitions}::jsonb,
                  ${draft.unit}, ${draft.sdgTarget}, ${draft.udhrArticle}, ${draft.source},
                  ${draft.higherIsBetter},
                  (SELECT coalesce(max(position), 0) + 1 FROM indicators))`);
      else
        await db.execute(sql`
          UPDATE indicators
             SET key = ${draft.key}, names = ${names}::jsonb, definitions = ${definitions}::jsonb,
                 unit = ${draft.unit}, sdg_target = ${draft.sdgTarget},
                 udhr_article = ${draft.udhrArticle}, source = ${draft.source},
                 higher_is_better = ${draft.higherIsBetter}, updated_at = now()
           WHERE id = ${id}`);
    },
  };
}

export type ProfilesRepository = ReturnType<typeof createProfilesRepository>;

/**
 * The transfers of the approved profiles of the good practice `practice` (an SQL expression of
 * the item's own statement) as a JSON array of TransferView (cities.service.ts): each transfer
 * with the city that took it up (`to`) and the member city it came from (`fromCity`, or null), so
 * that the practice's page reads them with the item.
 */
export const transfersOfPracticeSql = (practice: SQL): SQL => sql`(
  SELECT coalesce(jsonb_agg(t.transfer || jsonb_build_object(
           'to', jsonb_build_object('slug', o.slug, 'name', o.name),
           'fromCity', CASE WHEN f.slug IS NULL THEN 'null'::jsonb
                            ELSE jsonb_build_object('slug', f.slug, 'name', f.name) END)
           ORDER BY o.name, t.transfer->>'id'), '[]')
    ${TRANSFERS} AND t.transfer->>'practice' = ${practice})`;
