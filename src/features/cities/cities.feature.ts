/**
 * Human rights cities: every member city's profile (stage, commitments, indicators over time,
 * good practices and the practices taken up from others), kept by its admins and reviewed by
 * editors, with charts drawn on the server and the comparison of cities side by side.
 */
import type { Viewer } from '../access/index.js';
import { LAYER_READERS } from '../access/index.js';
import { sql } from 'drizzle-orm';
import { defineFeature } from '../feature.js';
import { createCitiesService, type PracticeCard } from './cities.service.js';
import { registerCitiesRoutes } from './cities.routes.js';
import { cityKind } from './city.kind.js';
import { createProfileEditing } from './profile-editing.service.js';
import { registerProfileRoutes } from './profile.routes.js';
import { createProfilesRepository, transfersOfPracticeSql } from './profiles.repository.js';
import { createReviewService } from './review.service.js';
import { createProfileMail } from './cities.mail.js';
import { registerReviewRoutes } from './review.routes.js';

export interface CitiesNeeds {
  /** Whether a Knowledge Centre item has this slug (a commitment's document). */
  itemExists(slug: string): Promise<boolean>;
  /** Knowledge Centre items the viewer may read, by slug. */
  itemCards(
    viewer: Viewer,
    slugs: readonly string[],
    locale: string,
  ): Promise<readonly PracticeCard[]>;
  /** The published good practices the viewer may read. */
  practices(viewer: Viewer, locale: string): Promise<readonly PracticeCard[]>;
}

export const citiesFeature = defineFeature({
  name: 'cities',
  paths: ['/cities', '/cities/compare'],
  create: (platform, needs: CitiesNeeds) => {
    const { db } = platform.database;
    const profiles = createProfilesRepository(db);
    const cities = createCitiesService({ profiles, practiceCards: needs.itemCards });
    const editing = createProfileEditing({
      profiles,
      itemExists: needs.itemExists,
      practiceSlugs: async () =>
        new Set(
          (await needs.practices(LAYER_READERS.members, 'en')).map((practice) => practice.slug),
        ),
      contentChanged: platform.contentChanged,
      clock: platform.clock,
    });
    const review = createReviewService({
      profiles,
      mail: createProfileMail({
        catalogue: platform.catalogue,
        mailer: platform.mailer,
        publicUrl: platform.publicUrl,
      }),
      locales: platform.catalogue.locales,
      contentChanged: platform.contentChanged,
      clock: platform.clock,
    });
    return {
      platform,
      needs,
      cities,
      editing,
      review,
      /** A good practice's transfers, as an SQL expression of the item's own statement (JSON). */
      transfersOfPracticeSql,
    };
  },
  routes: (site, api) => {
    registerReviewRoutes(site.app, { review: api.review }, site.ctxOf);
    registerProfileRoutes(
      site.app,
      { editing: api.editing, cities: api.cities, practices: api.needs.practices },
      site.ctxOf,
    );
    registerCitiesRoutes(site.app, { cities: api.cities, pages: site.pages }, site.ctxOf);
  },
  // The profiles an editor reviewed.
  personalData: (api) => async (person) => {
    const reviewed = await api.platform.database.db.execute(sql`
      SELECT o.slug AS city, p.published_at, p.review_note FROM city_profiles p
        JOIN organisations o ON o.id = p.organisation_id WHERE p.reviewed_by = ${person.id}`);
    return { cityProfileReviews: reviewed.rows };
  },
  kinds: (api) => [
    cityKind({
      db: api.platform.database.db,
      cities: api.cities,
      publicUrl: api.platform.publicUrl,
    }),
  ],
});

export type CitiesApi = ReturnType<typeof citiesFeature.create>;
