/** Organisations of the network, their membership life cycle, and people's profiles. */
import { sql } from 'drizzle-orm';
import { timestamps } from '../../platform/db/columns.js';
import {
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { personRef, users, uuidKey } from '../access/access.schema.js';
import { countries } from '../vocabularies/vocabularies.schema.js';

/** A list of words, empty unless set. */
const textList = (name: string) =>
  text(name)
    .array()
    .notNull()
    .default(sql`'{}'::text[]`);

export const organisations = pgTable('organisations', {
  id: uuidKey(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  shortName: text('short_name'),
  /** One of OrganisationKind. */
  kind: text('kind').notNull(),
  /** Membership status: applicant, active, lapsed, left or rejected. Only active ones are listed. */
  status: text('status').notNull().default('active'),
  /**
   * guest (a reference European human rights city), associate, or none: an institution the
   * Knowledge Centre lists as a resource, which is not a member of the network.
   */
  membership: text('membership').notNull().default('associate'),
  listedInstitution: boolean('listed_institution').notNull().default(false),
  country: text('country').references(() => countries.code),
  city: text('city'),
  /** WGS 84 position of the city, for the map; null when unknown. */
  latitude: doublePrecision('latitude'),
  longitude: doublePrecision('longitude'),
  website: text('website'),
  /** Markdown, by language ("en", "fr", …): the organisation writes in the languages it can. */
  descriptions: jsonb('descriptions').$type<Record<string, string>>().notNull().default({}),
  /** Theme keys (vocabularies) the organisation works on. */
  themes: textList('themes'),
  /** Sustainable Development Goals (1–17) the organisation works on. */
  sdgs: integer('sdgs')
    .array()
    .notNull()
    .default(sql`'{}'::integer[]`),
  /** Free words for what the organisation knows well, e.g. "participatory budgeting". */
  expertise: textList('expertise'),
  /** Members-only fields: the person to contact. Only the visibility-filtered layer reads them. */
  contactName: text('contact_name'),
  contactEmail: text('contact_email'),
  contactPhone: text('contact_phone'),
  ...timestamps(),
});

/** A person's request to join an organisation, decided by its admins. */
export const joinRequests = pgTable(
  'join_requests',
  {
    id: uuidKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    userId: personRef('user_id'),
    message: text('message').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** 'accepted' or 'declined'; null while waiting. */
    decision: text('decision'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedBy: uuid('decided_by'),
  },
  (table) => [
    index('join_requests_organisation_idx').on(table.organisationId, table.decision),
    uniqueIndex('join_requests_waiting_idx')
      .on(table.organisationId, table.userId)
      .where(sql`decision IS NULL`),
  ],
);

/**
 * What a person tells the network about themselves. Each field has its own visibility: "public"
 * (anyone), "members" (the members layer) or "nobody" (only the person).
 */
export const profiles = pgTable('profiles', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  affiliation: text('affiliation').notNull().default(''),
  position: text('position').notNull().default(''),
  country: text('country').references(() => countries.code),
  languages: textList('languages'),
  expertise: textList('expertise'),
  themes: textList('themes'),
  /** Field name → "public", "members" or "nobody"; a missing field is "nobody". */
  visibility: jsonb('visibility').$type<Record<string, string>>().notNull().default({}),
  /** Listed in the members' people directory, where members can ask for an introduction. */
  inDirectory: boolean('in_directory').notNull().default(false),
  ...timestamps(),
});

/** Applications to join the network, and their review. */
export const applications = pgTable(
  'applications',
  {
    id: uuidKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    contactName: text('contact_name').notNull(),
    contactEmail: text('contact_email').notNull(),
    motivation: text('motivation').notNull(),
    /** Language of the application, for the messages that answer it. */
    locale: text('locale').notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
    /** 'approved', 'rejected' or 'more-information'; null while waiting. */
    decision: text('decision'),
    reason: text('reason'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedBy: uuid('decided_by'),
  },
  (table) => [index('applications_pending_idx').on(table.decision, table.submittedAt)],
);

/** Every change of an organisation's membership status, with who and why. */
export const membershipEvents = pgTable(
  'membership_events',
  {
    id: uuidKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid('actor_id'),
    reason: text('reason'),
  },
  (table) => [index('membership_events_organisation_idx').on(table.organisationId, table.at)],
);

/** People of an organisation; "admin" edits its profile and invites colleagues. */
export const organisationMembers = pgTable(
  'organisation_members',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    userId: personRef('user_id'),
    role: text('role').notNull().default('member'),
    ...timestamps(),
  },
  (table) => [primaryKey({ columns: [table.organisationId, table.userId] })],
);

/** One-time invitations to create an account in an organisation. Only a hash of the token is kept. */
export const invitations = pgTable('invitations', {
  tokenHash: text('token_hash').primaryKey(),
  organisationId: uuid('organisation_id')
    .notNull()
    .references(() => organisations.id, { onDelete: 'cascade' }),
  email: text('email').notNull(),
  /** 'admin' or 'member' in the organisation. */
  role: text('role').notNull(),
  locale: text('locale').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
});
