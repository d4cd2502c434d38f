/** Reading a kind's followed entries from SQL that selects key, date and topics. */
import type { SQL } from 'drizzle-orm';
import type { Db } from '../platform/db/database.js';
import type { FollowedEntry } from './kind.js';

export async function followedEntries(db: Db, query: SQL): Promise<FollowedEntry[]> {
  const rows = await db.execute<{ key: string; date: string | Date; topics: string[] }>(query);
  return rows.rows.map((row) => ({
    key: String(row.key),
    date: new Date(row.date),
    topics: row.topics,
  }));
}
