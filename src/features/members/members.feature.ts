/**
 * The member network: organisations and their profiles, applications and their review,
 * invitations and requests to join, people's profiles, the members' directory and introductions.
 */
import type { AccessRepository, AuditLog } from '../access/index.js';
import { defineFeature, type Notify } from '../feature.js';
import { createMembersRepository } from './members.repository.js';
import { createMembersService } from './members.service.js';
import { registerMembershipRoutes } from './membership.routes.js';
import { registerNetworkRoutes } from './network.routes.js';
import { organisationKind } from './organisation.kind.js';
import { registerOrganisationRoutes } from './organisation.routes.js';
import { createPeopleRepository } from './people.repository.js';
import { registerPeopleRoutes } from './people.routes.js';
import { createMembersPersonalData } from './personal-data.js';
import { createPeopleService } from './people.service.js';

export interface MembersNeeds {
  access: { repository: AccessRepository; audit: AuditLog };
  themeKeys(): Promise<readonly string[]>;
  countryCodes: readonly string[];
  /** Tells a person on their notification page (following, asked once it exists). */
  notify: Notify;
}

export const membersFeature = defineFeature({
  name: 'members',
  paths: ['/network'],
  create: (platform, needs: MembersNeeds) => {
    const { database, mailer, catalogue, publicUrl, fixedClock: clock } = platform;
    const repository = createMembersRepository(database.db);
    return {
      needs,
      repository,
      membership: createMembersService({
        repository,
        accessRepository: needs.access.repository,
        audit: needs.access.audit,
        mailer,
        catalogue,
        publicUrl,
        themeKeys: needs.themeKeys,
        contentChanged: platform.contentChanged,
        notify: needs.notify,
        clock,
      }),
      people: createPeopleService({
        repository: createPeopleRepository(database.db),
        audit: needs.access.audit,
        mailer,
        catalogue,
        publicUrl,
        themeKeys: needs.themeKeys,
        clock,
      }),
      locales: catalogue.locales,
      db: database.db,
    };
  },
  routes: (site, api) => {
    const { countryCodes, themeKeys } = api.needs;
    registerNetworkRoutes(site, { members: api.repository, membership: api.membership });
    registerMembershipRoutes(site.app, api.membership, countryCodes, site.ctxOf);
    registerPeopleRoutes(site.app, api.people, themeKeys, countryCodes, site.ctxOf);
    registerOrganisationRoutes(site.app, api.membership, countryCodes, api.locales, site.ctxOf);
  },
  kinds: (api) => [organisationKind(api.db)],
  personalData: (api) => createMembersPersonalData(api.db),
});

export type MembersApi = ReturnType<typeof membersFeature.create>;
