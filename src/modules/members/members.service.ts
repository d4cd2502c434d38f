/**
 * Membership use cases: a public application, its review by administrators (approve, reject with
 * a reason, ask for more), a message at each step, and the invitation that makes the
 * organisation's first administrator.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Catalogue } from '../../platform/i18n/catalogue.js';
import { composeMail } from '../../platform/mail/compose.js';
import type { Mailer } from '../../platform/mail/mailer.js';
import {
  can,
  hashPassword,
  type AccessRepository,
  type AuditLog,
  type RequestOrigin,
  type SignedInViewer,
} from '../access/index.js';
import { setupFormSchema, validateForm } from '../access/index.js';
import { ForbiddenError } from '../../platform/errors/errors.js';
import type { MembersRepository } from './members.repository.js';
import { applicationFormSchema, decisionFormSchema } from './members.schemas.js';

export const INVITATION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

export interface MembersServiceDeps {
  repository: MembersRepository;
  accessRepository: AccessRepository;
  audit: AuditLog;
  mailer: Mailer;
  catalogue: Catalogue;
  publicUrl: string;
  /** Called after a change that public pages show (empties the render cache everywhere). */
  contentChanged?: () => Promise<void>;
  clock?: () => Date;
}

type Result<T = object> = ({ ok: true } & T) | { ok: false; errors: Record<string, string> };

const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export function createMembersService(deps: MembersServiceDeps) {
  const now = deps.clock ?? (() => new Date());
  const send = async (
    to: string,
    locale: string,
    kind: 'received' | 'approved' | 'rejected' | 'moreInformation',
    values: Record<string, string>,
    action?: { url: string },
  ): Promise<void> => {
    const t = deps.catalogue.translator(deps.catalogue.isSupported(locale) ? locale : 'en');
    await deps.mailer.send(
      composeMail({
        to,
        locale: t.locale,
        subject: t.t(`membership.mail.${kind}.subject`),
        greeting: t.t('mail.greeting', { name: values.name ?? '' }),
        paragraphs: [t.t(`membership.mail.${kind}.body`, values)],
        action: action
          ? { label: t.t('membership.mail.approved.action'), url: action.url }
          : undefined,
        footer: t.t('membership.mail.footer'),
      }),
    );
  };

  return {
    /** A public application; the contact is told it arrived. */
    async apply(
      form: unknown,
      locale: string,
      origin: RequestOrigin,
    ): Promise<Result<{ email: string }>> {
      const valid = validateForm(applicationFormSchema, form);
      if (!valid.ok) return valid;
      const application = valid.value;
      await deps.repository.createApplication({
        ...application,
        city: application.city || null,
        website: application.website || null,
        locale,
      });
      await deps.audit.record({
        type: 'membership.applied',
        subject: application.contactEmail,
        ip: origin.ip,
        details: { organisation: application.name },
      });
      await send(application.contactEmail, locale, 'received', {
        name: application.contactName,
        organisation: application.name,
      });
      return { ok: true, email: application.contactEmail };
    },

    async pending(viewer: SignedInViewer) {
      if (!can(viewer, 'review-applications')) throw new ForbiddenError();
      return deps.repository.pendingApplications();
    },

    /** Records an administrator's decision and tells the applicant; approval sends an invitation. */
    async decide(viewer: SignedInViewer, applicationId: string, form: unknown): Promise<Result> {
      if (!can(viewer, 'review-applications')) throw new ForbiddenError();
      const valid = validateForm(decisionFormSchema, form);
      if (!valid.ok) return valid;
      const { decision, reason } = valid.value;
      const decided = await deps.repository.decide({
        applicationId,
        decision,
        reason: reason || null,
        actorId: viewer.id,
        at: now(),
      });
      if (!decided) return { ok: false, errors: { decision: 'membership.errors.reasonRequired' } };
      const { application, organisation } = decided;
      if (decision !== 'more-information') await deps.contentChanged?.();
      const values = { name: application.contactName, organisation: organisation.name, reason };
      if (decision === 'approved') {
        const token = randomBytes(32).toString('base64url');
        await deps.repository.createInvitation({
          tokenHash: hashToken(token),
          organisationId: organisation.id,
          email: application.contactEmail,
          role: 'admin',
          locale: application.locale,
          expiresAt: new Date(now().getTime() + INVITATION_LIFETIME_MS),
        });
        await send(application.contactEmail, application.locale, 'approved', values, {
          url: `${deps.publicUrl}/${application.locale}/invitations/${token}`,
        });
      } else {
        await send(
          application.contactEmail,
          application.locale,
          decision === 'rejected' ? 'rejected' : 'moreInformation',
          values,
        );
      }
      await deps.audit.record({
        type: 'membership.decided',
        actorId: viewer.id,
        subject: application.contactEmail,
        details: { organisation: organisation.name, decision },
      });
      return { ok: true };
    },

    /** The invitation behind a link, or null when it cannot be used. */
    invitation: (token: string) => deps.repository.findUsableInvitation(hashToken(token), now()),

    /** Creates the invited person's account and makes them a member (or admin) of the organisation. */
    async acceptInvitation(
      token: string,
      form: unknown,
      origin: RequestOrigin,
    ): Promise<Result | { ok: false; invalid: true }> {
      const invitation = await deps.repository.findUsableInvitation(hashToken(token), now());
      if (!invitation) return { ok: false, invalid: true };
      const valid = validateForm(setupFormSchema, { ...(form as object), email: invitation.email });
      if (!valid.ok) return valid;
      if (await deps.accessRepository.findUserByEmail(invitation.email)) {
        return { ok: false, errors: { email: 'setup.errors.emailTaken' } };
      }
      if (!(await deps.repository.claimInvitation(hashToken(token), now())))
        return { ok: false, invalid: true };
      const role = invitation.role === 'admin' ? 'admin' : 'member';
      const userId = await deps.accessRepository.createVerifiedUser({
        name: valid.value.name,
        email: invitation.email,
        role: role === 'admin' ? 'organisation-admin' : 'practitioner',
        locale: invitation.locale,
        passwordHash: await hashPassword(valid.value.password),
      });
      await deps.repository.addMember(invitation.organisationId, userId, role);
      await deps.audit.record({
        type: 'invitation.accepted',
        actorId: userId,
        subject: invitation.email,
        ip: origin.ip,
      });
      return { ok: true };
    },
  };
}

export type MembersService = ReturnType<typeof createMembersService>;
