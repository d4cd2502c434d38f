/**
 * How followers hear of Knowledge Centre items: an item is new when it becomes visible (its
 * publication time, scheduled ones included), about its section, themes, SDGs and UDHR articles.
 */
import { sql } from 'drizzle-orm';
import type { FollowSource } from '../../channels/kind.js';
import type { Db } from '../../platform/db/database.js';
import { followedEntries } from '../../channels/follow.js';

export const itemFollow = (db: Db): FollowSource => ({
  category: 'knowledge',
  changes: (since, until, limit) =>
    followedEntries(
      db,
      sql`
      SELECT i.slug AS key, i.published_at AS date,
             ARRAY['section:' || i.section]
             || ARRAY(SELECT 'theme:' || x FROM unnest(i.themes) x)
             || ARRAY(SELECT 'sdg:' || x FROM unnest(i.sdgs) x)
             || ARRAY(SELECT 'udhr:' || x FROM unnest(i.rights) x) AS topics
        FROM items i
       WHERE i.status = 'published' AND i.published_at > ${since} AND i.published_at <= ${until}
       ORDER BY i.published_at, i.slug
       LIMIT ${limit}`,
    ),
});
