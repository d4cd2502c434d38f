/**
 * Accounts and access: sign-up, sign-in with a second factor for staff, sessions, roles, the audit
 * log, the first administrator's link, and who is behind each request.
 */
import type { FastifyRequest } from 'fastify';
import type { SQL } from 'drizzle-orm';
import { defineFeature, type PersonalData } from '../feature.js';
import { registerAccountRoutes } from './account.routes.js';
import { ACCESS_JOBS, createAccessJobs } from './access.jobs.js';
import { STAFF_ROLES } from './access.policy.js';
import { createAccessRepository } from './access.repository.js';
import { createAccessService } from './access.service.js';
import { createAccountsService, type SignedInViewer } from './accounts.service.js';
import { createAuditLog } from './audit.js';
import { createAccountMail, createAuth } from './auth.js';
import type { AccountOrganisation } from './pages/account.page.js';
import { createRolesService } from './roles.service.js';
import { registerSetupRoutes } from './setup.routes.js';
import { createSignInThrottle } from './sign-in-throttle.js';
import { registerViewer } from './viewer.js';
import type { LocaleParams } from '../../ui/site.js';

export interface AccessNeeds {
  /**
   * The person's organisations and their status, from which their effective role is drawn, as
   * SQL: part of the one query that tells who is behind a request.
   */
  membershipsSql(userId: SQL): SQL;
  /**
   * What other features keep of a signed-in person that their pages show on every request
   * (following: topics and unread notifications), each as one SQL expression read in the same
   * query, found in SignedInViewer.facts under its name.
   */
  viewerFactsSql?: Readonly<Record<string, (userId: SQL) => SQL>>;
  /** The organisations shown on the person's account page. */
  organisationsOf(viewer: SignedInViewer): Promise<readonly AccountOrganisation[]>;
  /** What every feature (this one included) holds about a person, for "download my data". */
  personalDataOf: PersonalData;
}

export const accessFeature = defineFeature({
  name: 'access',
  create: (platform, needs: AccessNeeds) => {
    const { database, fixedClock: clock } = platform;
    const audit = createAuditLog(database.db);
    const repository = createAccessRepository(database.db);
    const accounts = createAccountsService({
      auth: createAuth({
        db: database.db,
        secret: platform.secret,
        publicUrl: platform.publicUrl,
        mailer: platform.mailer,
        catalogue: platform.catalogue,
        log: platform.log,
      }),
      mail: createAccountMail(platform),
      publicUrl: platform.publicUrl,
      repository,
      audit,
      throttle: createSignInThrottle(database.db, clock),
      secret: platform.secret,
      membershipsSql: (userId) => needs.membershipsSql(userId),
      factsSql: needs.viewerFactsSql ?? {},
      personalDataOf: (person) => needs.personalDataOf(person),
      clock,
      viewerWindowMs: platform.viewerWindowMs,
    });
    // Content changed on some instance (an item, a membership, a role): sessions are read afresh.
    platform.renderCache?.onClear(() => accounts.forgetViewers());
    return {
      needs,
      audit,
      repository,
      access: createAccessService({ repository, audit, publicUrl: platform.publicUrl, clock }),
      accounts,
      roles: createRolesService({ repository, audit }),
      accessJobs: createAccessJobs({ repository, audit, clock }),
    };
  },
  rootRoutes: (app, api) => registerViewer(app, api.accounts),
  personalData: (api) => async (person) => (await api.repository.personalData(person.id)) ?? {},
  routes: (site, api) => {
    // Editors and administrators go nowhere else until two-factor sign-in is on.
    site.app.addHook(
      'preHandler',
      async (request: FastifyRequest<{ Params: LocaleParams }>, reply) => {
        const viewer = request.viewer;
        if (!viewer || viewer.twoFactorEnabled || !STAFF_ROLES.has(viewer.role)) return;
        const path = request.url.slice(request.params.locale.length + 1).split('?')[0] ?? '';
        if (path.startsWith('/account/two-factor') || path === '/sign-out') return;
        return reply.redirect(`/${request.params.locale}/account/two-factor`, 303);
      },
    );
    registerSetupRoutes(site, api.access);
    registerAccountRoutes(site.app, api.accounts, site.ctxOf, (viewer) =>
      api.needs.organisationsOf(viewer),
    );
  },
  jobs: (api) => [
    { ...ACCESS_JOBS.purgeUnverifiedAccounts, run: () => api.accessJobs.purgeUnverifiedAccounts() },
  ],
});

export type AccessApi = ReturnType<typeof accessFeature.create>;
