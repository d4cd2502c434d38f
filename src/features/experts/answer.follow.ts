/** How followers hear of the Experts' facility's answers: when published, about their theme. */
import { sql } from 'drizzle-orm';
import type { FollowSource } from '../../channels/kind.js';
import { followedEntries } from '../../channels/follow.js';
import type { Db } from '../../platform/db/database.js';

export const answerFollow = (db: Db): FollowSource => ({
  category: 'knowledge',
  changes: (since, until, limit) =>
    followedEntries(
      db,
      sql`
      SELECT q.id AS key, q.answered_at AS date, ARRAY['theme:' || q.theme] AS topics
        FROM questions q
       WHERE q.status = 'answered' AND q.publication IN ('public', 'members')
         AND q.answered_at > ${since} AND q.answered_at <= ${until}
       ORDER BY q.answered_at, q.id
       LIMIT ${limit}`,
    ),
});
