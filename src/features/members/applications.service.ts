/** Joining the network: a public application, its review by administrators, and the invitation it brings. */
import { hashToken } from '../../platform/secrets.js';
import { can, hashPassword, type RequestOrigin, type SignedInViewer } from '../access/index.js';
import { PRIVACY_NOTICE, signUpFormSchema, validateForm } from '../access/index.js';
import { ForbiddenError } from '../../platform/errors/errors.js';
import { applicationFormSchema, decisionFormSchema } from './members.schemas.js';
import type {
  MembersResult as Result,
  MembersServiceDeps,
  MembershipTools,
} from './members.service.js';

/** The use cases of applications and invitations. */
export function createApplicationsService(deps: MembersServiceDeps, tools: MembershipTools) {
  const { now, send, invite, promote } = tools;
  return {
    /** A public application; the contact is told it arrived, and the administrators to review it. */
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
      for (const administrator of await deps.accessRepository.administratorAddresses()) {
        const language = deps.catalogue.isSupported(administrator.locale)
          ? administrator.locale
          : 'en';
        await send(
          administrator.email,
          language,
          'toReview',
          {
            name: administrator.name,
            organisation: application.name,
            membership: application.membership,
            contact: application.contactName,
          },
          {
            url: `${deps.publicUrl}/${language}/admin/applications`,
            label: 'toReview',
          },
        );
      }
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
        const url = await invite({
          organisationId: organisation.id,
          email: application.contactEmail,
          role: 'admin',
          locale: application.locale,
        });
        await send(application.contactEmail, application.locale, 'approved', values, {
          url,
          label: 'approved',
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

    /**
     * Creates the invited person's account and makes them a member (or admin) of the
     * organisation. They acknowledge the privacy notice as at sign-up, and it is recorded.
     */
    async acceptInvitation(
      token: string,
      form: unknown,
      origin: RequestOrigin,
    ): Promise<Result<{ role: 'admin' | 'member' }> | { ok: false; invalid: true }> {
      const invitation = await deps.repository.findUsableInvitation(hashToken(token), now());
      if (!invitation) return { ok: false, invalid: true };
      const valid = validateForm(signUpFormSchema, {
        ...(form as object),
        email: invitation.email,
      });
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
      await deps.accessRepository.recordConsent({
        userId,
        ...PRIVACY_NOTICE,
        locale: invitation.locale,
      });
      await deps.repository.addMember(invitation.organisationId, userId, role);
      await deps.audit.record({
        type: 'invitation.accepted',
        actorId: userId,
        subject: invitation.email,
        ip: origin.ip,
      });
      return { ok: true, role };
    },

    /** Someone who already has an account, signed in with the invited address, joins. */
    async joinByInvitation(
      viewer: SignedInViewer,
      token: string,
      origin: RequestOrigin,
    ): Promise<{ ok: true } | { ok: false; invalid: true } | { ok: false; otherAccount: true }> {
      const invitation = await deps.repository.findUsableInvitation(hashToken(token), now());
      if (!invitation) return { ok: false, invalid: true };
      if (invitation.email !== viewer.email.toLowerCase()) return { ok: false, otherAccount: true };
      if (!(await deps.repository.claimInvitation(hashToken(token), now())))
        return { ok: false, invalid: true };
      const role = invitation.role === 'admin' ? 'admin' : 'member';
      await deps.repository.addMember(invitation.organisationId, viewer.id, role);
      await promote(viewer.id, viewer.grantedRole, role);
      await deps.audit.record({
        type: 'invitation.accepted',
        actorId: viewer.id,
        subject: invitation.email,
        ip: origin.ip,
      });
      return { ok: true };
    },

    /** True when the invited address already has an account (it joins by signing in). */
    hasAccount: async (email: string) =>
      (await deps.accessRepository.findUserByEmail(email)) !== null,
  };
}
