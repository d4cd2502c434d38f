/**
 * Administrators give people their role: practitioner status for an individual with no
 * organisation, expert, editor, administrator. Organisation admins are made through their
 * organisation (invitations), not here. Every change is in the audit log.
 */
import { z } from 'zod';
import { isUuid } from '../../platform/db/columns.js';
import { ForbiddenError, NotFoundError } from '../../platform/errors/errors.js';
import { ROLES, can, type Role } from './access.policy.js';
import type { AccessRepository } from './access.repository.js';
import { validateForm } from './access.schemas.js';
import type { FormResult, SignedInViewer } from './accounts.service.js';
import type { AuditLog } from './audit.js';

/** Roles an administrator can give on the people page. */
export const GRANTABLE_ROLES = [
  'registered',
  'practitioner',
  'expert',
  'editor',
  'administrator',
] as const satisfies readonly Role[];

const roleFormSchema = z.object({
  role: z.enum(ROLES, 'admin.people.errors.role'),
});

export interface RolesDeps {
  repository: AccessRepository;
  audit: AuditLog;
}

export function createRolesService(deps: RolesDeps) {
  return {
    async people(viewer: SignedInViewer, query: string) {
      if (!can(viewer, 'manage-roles')) throw new ForbiddenError();
      return deps.repository.listUsers(query.trim().slice(0, 254));
    },

    async changeRole(viewer: SignedInViewer, userId: string, form: unknown): Promise<FormResult> {
      if (!can(viewer, 'manage-roles')) throw new ForbiddenError();
      if (!isUuid(userId)) throw new NotFoundError();
      const valid = validateForm(roleFormSchema, form);
      if (!valid.ok) return valid;
      // Nobody removes their own rights by mistake; another administrator can.
      if (userId === viewer.id) return { ok: false, errors: { role: 'admin.people.errors.self' } };
      const person = await deps.repository.findUser(userId);
      if (!person) throw new NotFoundError();
      const role = valid.value.role;
      // Organisation admins are named by their organisation; an unchanged choice is kept.
      if (!(GRANTABLE_ROLES as readonly Role[]).includes(role) && person.role !== role)
        return { ok: false, errors: { role: 'admin.people.errors.organisationAdmin' } };
      const before = await deps.repository.setRole(userId, role);
      if (before !== role) {
        await deps.audit.record({
          type: 'role.changed',
          actorId: viewer.id,
          subject: person.email,
          details: { from: before ?? '', to: role },
        });
      }
      return { ok: true };
    },
  };
}

export type RolesService = ReturnType<typeof createRolesService>;
