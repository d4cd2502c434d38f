/** How followers hear of city profiles: when an editor approves a new copy, about the city. */
import { sql } from 'drizzle-orm';
import type { FollowSource } from '../../channels/kind.js';
import { followedEntries } from '../../channels/follow.js';
import type { Db } from '../../platform/db/database.js';

export const cityFollow = (db: Db): FollowSource => ({
  category: 'network',
  changes: (since, until, limit) =>
    followedEntries(
      db,
      sql`
      SELECT o.slug AS key, p.published_at AS date,
             ARRAY['city:' || o.slug, 'organisation:' || o.slug] AS topics
        FROM city_profiles p JOIN organisations o ON o.id = p.organisation_id
       WHERE p.published_at > ${since} AND p.published_at <= ${until}
       ORDER BY p.published_at, o.slug
       LIMIT ${limit}`,
    ),
});
