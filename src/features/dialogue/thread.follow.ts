/**
 * How followers hear of threads: a thread is new when anything in it changes (a post, an
 * approval: the thread's updated_at). One with no reply yet is told to the followers of its theme
 * (or its space's); every change to the people watching the thread or its space
 * ("space:<slug>", "thread:<number>", matched with the dialogue's watches).
 */
import { sql } from 'drizzle-orm';
import type { FollowSource } from '../../channels/kind.js';
import { followedEntries } from '../../channels/follow.js';
import type { Db } from '../../platform/db/database.js';

export const threadFollow = (db: Db): FollowSource => ({
  category: 'dialogue',
  changes: (since, until, limit) =>
    followedEntries(
      db,
      sql`
      SELECT t.number AS key, t.updated_at AS date,
             (CASE WHEN t.reply_count = 0 AND t.listed
                   THEN array_remove(ARRAY['theme:' || coalesce(t.theme, s.theme)], NULL)
                   ELSE '{}'::text[] END)
             || ARRAY['space:' || s.slug, 'thread:' || t.number] AS topics
        FROM dialogue_threads t JOIN dialogue_spaces s ON s.id = t.space_id
       WHERE t.updated_at > ${since} AND t.updated_at <= ${until}
       ORDER BY t.updated_at, t.number
       LIMIT ${limit}`,
    ),
});
