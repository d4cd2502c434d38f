/**
 * People's profiles, read only through this file: every field passes the person's own choice of
 * who may see it (public, members, nobody) against who is asking.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import {
  canSeeMembersLayer,
  effectiveRole,
  ROLES,
  type Membership,
  type Role,
  type Viewer,
} from '../access/index.js';
import { users } from '../access/access.schema.js';
import { profiles } from './members.schema.js';

export const PROFILE_FIELDS = [
  'affiliation',
  'position',
  'country',
  'languages',
  'expertise',
  'themes',
] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number];

export const VISIBILITIES = ['public', 'members', 'nobody'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

/** Everything a person's profile holds, as they edit it. */
export interface StoredProfile {
  affiliation: string;
  position: string;
  country: string | null;
  languages: string[];
  expertise: string[];
  themes: string[];
  visibility: Record<ProfileField, Visibility>;
  inDirectory: boolean;
}

/** A profile as one viewer sees it: the fields they may not see are absent. */
export interface ProfileView {
  userId: string;
  name: string;
  /** Listed in the members' directory: members can ask for an introduction. */
  listed: boolean;
  affiliation?: string;
  position?: string;
  country?: string;
  languages?: string[];
  expertise?: string[];
  themes?: string[];
}

export interface DirectoryFilter {
  expertise?: string;
  theme?: string;
  country?: string;
  language?: string;
}

/** The choices a new profile starts with: members only. A stored field without one is seen by nobody. */
export const DEFAULT_VISIBILITY: Record<ProfileField, Visibility> = {
  affiliation: 'members',
  position: 'members',
  country: 'members',
  languages: 'members',
  expertise: 'members',
  themes: 'members',
};

function visibilityOf(stored: Record<string, string>): Record<ProfileField, Visibility> {
  const visibility = { ...DEFAULT_VISIBILITY };
  for (const field of PROFILE_FIELDS) {
    const value = stored[field];
    visibility[field] = (VISIBILITIES as readonly string[]).includes(value ?? '')
      ? (value as Visibility)
      : 'nobody';
  }
  return visibility;
}

/** May this viewer see a field of this person's profile that has this visibility? */
export function maySee(viewer: Viewer, ownerId: string, visibility: Visibility): boolean {
  if (viewer.kind === 'user' && viewer.id === ownerId) return true;
  if (visibility === 'public') return true;
  return visibility === 'members' && canSeeMembersLayer(viewer);
}

interface ProfileRow extends Omit<StoredProfile, 'visibility'> {
  userId: string;
  name: string;
  visibility: Record<string, string>;
}

/** The profile with only what the viewer may see; null when the viewer may see nothing of it. */
export function profileAsSeenBy(viewer: Viewer, row: ProfileRow): ProfileView | null {
  const visibility = visibilityOf(row.visibility);
  const view: ProfileView = { userId: row.userId, name: row.name, listed: row.inDirectory };
  let visible = viewer.kind === 'user' && viewer.id === row.userId;
  for (const field of PROFILE_FIELDS) {
    if (!maySee(viewer, row.userId, visibility[field])) continue;
    if (field === 'affiliation' || field === 'position') {
      if (row[field]) view[field] = row[field];
    } else if (field === 'country') {
      if (row.country) view.country = row.country;
    } else if (row[field].length > 0) {
      view[field] = row[field];
    }
    if (view[field] !== undefined) visible = true;
  }
  return visible ? view : null;
}

const profileColumns = {
  userId: users.id,
  name: users.name,
  affiliation: profiles.affiliation,
  position: profiles.position,
  country: profiles.country,
  languages: profiles.languages,
  expertise: profiles.expertise,
  themes: profiles.themes,
  visibility: profiles.visibility,
  inDirectory: profiles.inDirectory,
};

const asRole = (value: string): Role =>
  (ROLES as readonly string[]).includes(value) ? (value as Role) : 'registered';

export function createPeopleRepository(db: Db) {
  return {
    /** A person's own profile, with defaults when they have not written one yet. */
    async ownProfile(userId: string): Promise<StoredProfile> {
      const [row] = await db.select().from(profiles).where(eq(profiles.userId, userId));
      return {
        affiliation: row?.affiliation ?? '',
        position: row?.position ?? '',
        country: row?.country ?? null,
        languages: row?.languages ?? [],
        expertise: row?.expertise ?? [],
        themes: row?.themes ?? [],
        visibility: row ? visibilityOf(row.visibility) : { ...DEFAULT_VISIBILITY },
        inDirectory: row?.inDirectory ?? false,
      };
    },

    async saveProfile(userId: string, profile: StoredProfile, at: Date): Promise<void> {
      await db
        .insert(profiles)
        .values({ userId, ...profile })
        .onConflictDoUpdate({ target: profiles.userId, set: { ...profile, updatedAt: at } });
    },

    /** One person's profile as the viewer may see it; null when there is nothing to see. */
    async profile(viewer: Viewer, userId: string): Promise<ProfileView | null> {
      const [row] = await db
        .select(profileColumns)
        .from(users)
        .innerJoin(profiles, eq(profiles.userId, users.id))
        .where(eq(users.id, userId));
      return row ? profileAsSeenBy(viewer, row) : null;
    },

    /**
     * People listed in the members' directory who are in the members layer themselves, as the
     * viewer may see them, matching the filter on the fields the viewer may see.
     */
    async directory(viewer: Viewer, filter: DirectoryFilter): Promise<ProfileView[]> {
      const rows = await db
        .select({
          ...profileColumns,
          role: users.role,
          memberships: sql<Membership[]>`coalesce((
            SELECT json_agg(json_build_object(
              'organisationId', m.organisation_id,
              'role', m.role,
              'active', o.status = 'active'))
              FROM organisation_members m JOIN organisations o ON o.id = m.organisation_id
             WHERE m.user_id = ${users.id}), '[]'::json)`,
        })
        .from(profiles)
        .innerJoin(users, eq(users.id, profiles.userId))
        .where(and(eq(profiles.inDirectory, true), eq(users.emailVerified, true)))
        .orderBy(asc(users.name));
      const words = (filter.expertise ?? '').toLocaleLowerCase().trim();
      return rows
        .filter((row) =>
          canSeeMembersLayer({
            kind: 'user',
            id: row.userId,
            role: effectiveRole(asRole(row.role), row.memberships),
          }),
        )
        .flatMap((row) => {
          const view = profileAsSeenBy(viewer, row);
          return view ? [view] : [];
        })
        .filter(
          (view) =>
            (!filter.theme || (view.themes ?? []).includes(filter.theme)) &&
            (!filter.country || view.country === filter.country) &&
            (!filter.language || (view.languages ?? []).includes(filter.language)) &&
            (!words ||
              [view.affiliation, view.position, ...(view.expertise ?? [])].some((text) =>
                (text ?? '').toLocaleLowerCase().includes(words),
              )),
        );
    },

    /** Where an introduction goes: the person's address and language, never shown to anyone. */
    async recipient(userId: string) {
      const [row] = await db
        .select({ email: users.email, name: users.name, locale: users.locale })
        .from(users)
        .innerJoin(profiles, eq(profiles.userId, users.id))
        .where(and(eq(users.id, userId), eq(profiles.inDirectory, true)));
      return row ?? null;
    },
  };
}

export type PeopleRepository = ReturnType<typeof createPeopleRepository>;
