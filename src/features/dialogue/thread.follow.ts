/**
 * How followers hear of threads: a new thread is told to the followers of its theme (or its
 * space's); every new post to the people watching the thread or its space ("space:<slug>",
 * "thread:<number>", matched with the dialogue's watches).
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
      SELECT t.number AS key, t.last_posted_at AS date,
             (CASE WHEN t.created_at > ${since} AND t.listed
                   THEN array_remove(ARRAY['theme:' || coalesce(t.theme, s.theme)], NULL)
                   ELSE '{}'::text[] END)
             || ARRAY['space:' || s.slug, 'thread:' || t.number] AS topics
        FROM dialogue_threads t JOIN dialogue_spaces s ON s.id = t.space_id
       WHERE t.last_posted_at > ${since} AND t.last_posted_at <= ${until}
       ORDER BY t.last_posted_at, t.number
       LIMIT ${limit}`,
    ),
});
