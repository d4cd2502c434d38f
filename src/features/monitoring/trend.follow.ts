/** How followers hear of trend notes: a note is new when written, about its theme. */
import { sql } from 'drizzle-orm';
import type { FollowSource } from '../../channels/kind.js';
import { followedEntries } from '../../channels/follow.js';
import type { Db } from '../../platform/db/database.js';

export const trendFollow = (db: Db): FollowSource => ({
  category: 'news',
  changes: (since, until, limit) =>
    followedEntries(
      db,
      sql`
      SELECT n.id AS key, n.created_at AS date, ARRAY['theme:' || n.theme] AS topics
        FROM trend_notes n
       WHERE n.created_at > ${since} AND n.created_at <= ${until}
       ORDER BY n.created_at, n.id
       LIMIT ${limit}`,
    ),
});
