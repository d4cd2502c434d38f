/** What the initial-content seeding has already done, so that it never repeats or overwrites. */
import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

export const seedRecords = pgTable('seed_records', {
  /** Stable key of a seeded item, e.g. "page:how-we-work:en" or "link:c40". */
  key: text('key').primaryKey(),
  seededAt: timestamp('seeded_at', { withTimezone: true }).notNull().defaultNow(),
});
