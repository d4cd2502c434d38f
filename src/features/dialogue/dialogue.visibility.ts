/**
 * The one place that decides who reads and who moderates which space, in SQL: a public space is
 * read by anyone, a members' space by the members layer, a working group's by the people of its
 * active organisations. Editors and administrators moderate (and so read) every space; people an
 * editor appointed moderate (and read) theirs. Every read of the feature, on every channel,
 * filters through `spaceReadable`; every moderator's power is checked through `spaceModerated`.
 */
import { sql, type SQL } from 'drizzle-orm';
import { can, canSeeMembersLayer, type Viewer } from '../access/index.js';

/** True when the viewer moderates every space (editors and administrators). */
export const isModerator = (viewer: Viewer): boolean => can(viewer, 'moderate');

/**
 * The viewer's id as SQL: written as a value, or `as` given (a placeholder of a statement built
 * once per role, which then decides by the viewer's role alone).
 */
const idOf = (viewer: Viewer & { kind: 'user' }, as?: SQL): SQL => as ?? sql`${viewer.id}`;

/** The SQL condition that the viewer moderates the space whose id is `spaceId`. */
export function moderatesSpace(viewer: Viewer, spaceId: SQL, viewerId?: SQL): SQL {
  if (viewer.kind !== 'user') return sql`false`;
  if (isModerator(viewer)) return sql`true`;
  return sql`EXISTS (SELECT 1 FROM dialogue_space_moderators sm
                      WHERE sm.space_id = ${spaceId} AND sm.user_id = ${idOf(viewer, viewerId)})`;
}

/** The SQL condition that the viewer moderates the space aliased `s`. */
export const spaceModerated = (viewer: Viewer, viewerId?: SQL): SQL =>
  moderatesSpace(viewer, sql`s.id`, viewerId);

/**
 * The SQL condition that the space aliased `s` is readable by the viewer (whose id is written as
 * `viewerId` when given: see idOf).
 */
export function spaceReadable(viewer: Viewer, viewerId?: SQL): SQL {
  if (viewer.kind !== 'user') return sql`s.audience = 'public'`;
  if (isModerator(viewer)) return sql`true`;
  const members = canSeeMembersLayer(viewer) ? sql`true` : sql`false`;
  return sql`(s.audience = 'public'
    OR (s.audience = 'members' AND ${members})
    OR (s.audience = 'group' AND EXISTS (
          SELECT 1 FROM organisation_members m JOIN organisations o ON o.id = m.organisation_id
           WHERE m.user_id = ${idOf(viewer, viewerId)} AND o.status = 'active'
             AND m.organisation_id = ANY(s.organisations)))
    OR ${spaceModerated(viewer, viewerId)})`;
}

/**
 * The SQL condition that the thread aliased `t` (in the space `s`) is listed for the viewer: once
 * its opening post is approved and not hidden (`t.listed`), or always for its author and the
 * space's moderators.
 */
export function threadListed(viewer: Viewer): SQL {
  if (viewer.kind !== 'user') return sql`t.listed`;
  if (isModerator(viewer)) return sql`true`;
  return sql`(t.listed OR t.author_id = ${viewer.id} OR ${spaceModerated(viewer)})`;
}
