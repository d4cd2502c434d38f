/** Column sets every table repeats, as fresh builders per table. */
import { timestamp } from 'drizzle-orm/pg-core';

/** created_at and updated_at, with time zone, set by the database on insert. */
export function timestamps() {
  return {
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  };
}
