/**
 * Membership use cases: a public application, its review by administrators (approve, reject with
 * a reason, ask for more), a message at each step, and the invitation that makes the
 * organisation's first administrator.
 */
import { hashToken, newLinkToken } from '../../platform/secrets.js';
import type { Catalogue } from '../../platform/i18n/catalogue.js';
import type { Mailer } from '../../platform/mail/mailer.js';
import {
  can,
  type Role,
  type AccessRepository,
  type AuditLog,
  type SignedInViewer,
} from '../access/index.js';
import { ForbiddenError, NotFoundError } from '../../platform/errors/errors.js';
import type { MembersRepository } from './members.repository.js';
import { createMembershipMail } from './members.mail.js';
import { createApplicationsService } from './applications.service.js';
import { createOrganisationsService } from './organisations.service.js';
import type { Notify } from '../feature.js';

export const INVITATION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

export interface MembersServiceDeps {
  repository: MembersRepository;
  accessRepository: AccessRepository;
  audit: AuditLog;
  mailer: Mailer;
  catalogue: Catalogue;
  publicUrl: string;
  /** Keys of the themes an organisation can choose from. */
  themeKeys: () => Promise<readonly string[]>;
  /** Called after a change that public pages show (empties the render cache everywhere). */
  contentChanged?: () => Promise<void>;
  /** Tells a person on their notification page: a decision on their request (following). */
  notify?: Notify;
  clock?: () => Date;
}

/** A use case's outcome: done, or the form's problems. */
export type MembersResult<T = object> =
  ({ ok: true } & T) | { ok: false; errors: Record<string, string> };

/** What the membership use cases share: the clock, the e-mails, invitations, and the access membership brings. */
function createMembershipTools(deps: MembersServiceDeps) {
  const now = deps.clock ?? (() => new Date());
  const send = createMembershipMail(deps);

  /** A fresh invitation link: only its hash is stored. */
  const invite = async (invitation: {
    organisationId: string;
    email: string;
    role: 'admin' | 'member';
    locale: string;
  }): Promise<string> => {
    const token = newLinkToken();
    await deps.repository.createInvitation({
      ...invitation,
      tokenHash: hashToken(token),
      expiresAt: new Date(now().getTime() + INVITATION_LIFETIME_MS),
    });
    return `${deps.publicUrl}/${invitation.locale}/invitations/${token}`;
  };

  /** The organisation behind a slug, if the viewer may manage it. */
  const managed = async (viewer: SignedInViewer, slug: string) => {
    const id = await deps.repository.findOrganisationIdBySlug(slug);
    if (!id) throw new NotFoundError();
    if (!can(viewer, 'edit-organisation', { organisationId: id })) throw new ForbiddenError();
    const organisation = await deps.repository.organisationForEditing(id);
    if (!organisation) throw new NotFoundError();
    return organisation;
  };

  /** Joining an organisation gives a registered person the practitioner's access. */
  const promote = async (userId: string, role: Role, organisationRole: 'admin' | 'member') => {
    const wanted: Role = organisationRole === 'admin' ? 'organisation-admin' : 'practitioner';
    if (role === 'registered' || (role === 'practitioner' && wanted === 'organisation-admin')) {
      await deps.accessRepository.setRole(userId, wanted);
    }
  };
  return { now, send, invite, managed, promote };
}

export type MembershipTools = ReturnType<typeof createMembershipTools>;

export function createMembersService(deps: MembersServiceDeps) {
  const tools = createMembershipTools(deps);
  return {
    ...createApplicationsService(deps, tools),
    ...createOrganisationsService(deps, tools),
  };
}

export type MembersService = ReturnType<typeof createMembersService>;
