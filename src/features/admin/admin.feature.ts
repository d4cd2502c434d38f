/** Administrators' pages: the audit log, the outbox, organisations' status and people's roles. */
import type { AuditLog, RolesService } from '../access/index.js';
import { defineFeature } from '../feature.js';
import type { MembersService } from '../members/index.js';
import { readOutbox } from '../../platform/mail/mailer.js';
import { registerAdminRoutes } from './admin.routes.js';

export interface AdminNeeds {
  audit: AuditLog;
  roles: RolesService;
  membership: MembersService;
}

export const adminFeature = defineFeature({
  name: 'admin',
  create: (platform, needs: AdminNeeds) => ({
    ...needs,
    /** The newest messages kept in the outbox (no SMTP configured). */
    readOutbox: () => readOutbox(platform.database.db),
  }),
  routes: (site, api) =>
    registerAdminRoutes(site.app, api.audit, api.roles, api.membership, api.readOutbox, site.ctxOf),
});
