/** Column sets every table repeats, as fresh builders per table. */
import { sql } from 'drizzle-orm';
import { customType, smallint, text, timestamp } from 'drizzle-orm/pg-core';

/** created_at and updated_at, with time zone, set by the database on insert. */
export function timestamps() {
  return {
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True when a value from a URL or form can be compared with a uuid column without an error. */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/** A text array, empty by default. */
export const textArray = (name: string) =>
  text(name)
    .array()
    .notNull()
    .default(sql`'{}'::text[]`);

/** A smallint array, empty by default. */
export const smallintArray = (name: string) =>
  smallint(name)
    .array()
    .notNull()
    .default(sql`'{}'::smallint[]`);

/** A full-text search vector. */
export const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });
