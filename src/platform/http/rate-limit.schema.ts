/** Rate-limit counters shared by every instance: one row per (route, client) key and window. */
import { index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

export const rateLimitHits = pgTable(
  'rate_limit_hits',
  {
    /** The route's method and URL, then the client key (the IP address unless a route says otherwise). */
    key: text('key').primaryKey(),
    /** Hits counted in the current window. */
    count: integer('count').notNull(),
    /** When the current window ends, by the database clock. */
    resetAt: timestamp('reset_at', { withTimezone: true }).notNull(),
  },
  (table) => [index('rate_limit_hits_reset_at_idx').on(table.resetAt)],
);
