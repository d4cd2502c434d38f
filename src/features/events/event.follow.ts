/**
 * How followers hear of events: an event is new when it is published or changed (a new time, a
 * cancellation), about its kind, themes, SDGs, UDHR articles and organising organisations.
 */
import { sql } from 'drizzle-orm';
import type { FollowSource } from '../../channels/kind.js';
import { followedEntries } from '../../channels/follow.js';
import type { Db } from '../../platform/db/database.js';

export const eventFollow = (db: Db): FollowSource => ({
  category: 'events',
  changes: (since, until, limit) =>
    followedEntries(
      db,
      sql`
      SELECT e.slug AS key, e.updated_at AS date,
             ARRAY['event-kind:' || e.kind]
             || ARRAY(SELECT 'theme:' || x FROM unnest(e.themes) x)
             || ARRAY(SELECT 'sdg:' || x FROM unnest(e.sdgs) x)
             || ARRAY(SELECT 'udhr:' || x FROM unnest(e.rights) x)
             || ARRAY(SELECT 'organisation:' || o.slug FROM organisations o
                       WHERE o.id = ANY(e.organisers)) AS topics
        FROM events e
       WHERE e.status IN ('published', 'postponed', 'cancelled')
         AND e.updated_at > ${since} AND e.updated_at <= ${until}
       ORDER BY e.updated_at, e.slug
       LIMIT ${limit}`,
    ),
});
