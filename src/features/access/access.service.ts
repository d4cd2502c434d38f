/** Use cases of the access module: the first administrator's one-time set-up link. */
import { hashToken, newLinkToken } from '../../platform/secrets.js';
import { GoneError } from '../../platform/errors/errors.js';
import type { AccessRepository } from './access.repository.js';
import type { AuditLog } from './audit.js';
import { setupFormSchema, validateForm, type SetupField } from './access.schemas.js';
import { hashPassword } from './password.js';

/** How long a set-up link stays valid. */
export const SETUP_LINK_LIFETIME_MS = 24 * 60 * 60 * 1000;

export interface AccessServiceDeps {
  repository: AccessRepository;
  /** Records the creation of administrators. */
  audit?: AuditLog;
  publicUrl: string;
  clock?: () => Date;
}

export type SetupResult =
  { ok: true; userId: string } | { ok: false; errors: Partial<Record<SetupField, string>> };

export function createAccessService(deps: AccessServiceDeps) {
  const now = deps.clock ?? (() => new Date());
  return {
    /** True while no administrator exists: the state of a new installation. */
    async needsFirstAdministrator(): Promise<boolean> {
      return (await deps.repository.countAdministrators()) === 0;
    },

    /** Creates a one-time link that creates an administrator; only its hash is stored. */
    async issueSetupLink(locale = 'en'): Promise<{ url: string; expiresAt: Date }> {
      const token = newLinkToken();
      const expiresAt = new Date(now().getTime() + SETUP_LINK_LIFETIME_MS);
      await deps.repository.insertSetupToken(hashToken(token), expiresAt);
      return { url: `${deps.publicUrl}/${locale}/setup/${token}`, expiresAt };
    },

    /** Throws GoneError when the link is unknown, used or expired. */
    async assertSetupLinkUsable(token: string): Promise<void> {
      const found = await deps.repository.findUsableSetupToken(hashToken(token), now());
      if (!found) throw new GoneError('setup.linkInvalid');
    },

    /** Validates the form and creates the administrator, using up the link. */
    async completeSetup(
      token: string,
      form: unknown,
      locale: string,
      ip: string | null = null,
    ): Promise<SetupResult> {
      await this.assertSetupLinkUsable(token);
      const valid = validateForm(setupFormSchema, form);
      if (!valid.ok) return { ok: false, errors: valid.errors };
      const { name, email, password } = valid.value;
      if (await deps.repository.findUserByEmail(email)) {
        return { ok: false, errors: { email: 'setup.errors.emailTaken' } };
      }
      const created = await deps.repository.redeemSetupToken(hashToken(token), now(), {
        name,
        email,
        role: 'administrator',
        locale,
        passwordHash: await hashPassword(password),
      });
      if (!created) throw new GoneError('setup.linkInvalid');
      await deps.audit?.record({ type: 'admin.created', actorId: created.id, subject: email, ip });
      return { ok: true, userId: created.id };
    },
  };
}

export type AccessService = ReturnType<typeof createAccessService>;
