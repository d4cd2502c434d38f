/**
 * Membership use cases: a public application, its review by administrators (approve, reject with
 * a reason, ask for more), a message at each step, and the invitation that makes the
 * organisation's first administrator.
 */
import { hashToken, newLinkToken } from '../../platform/secrets.js';
import type { Catalogue } from '../../platform/i18n/catalogue.js';
import { composeMail } from '../../platform/mail/compose.js';
import type { Mailer } from '../../platform/mail/mailer.js';
import {
  ROLES,
  can,
  hashPassword,
  type Role,
  type AccessRepository,
  type AuditLog,
  type RequestOrigin,
  type SignedInViewer,
} from '../access/index.js';
import { setupFormSchema, validateForm } from '../access/index.js';
import { ForbiddenError, NotFoundError } from '../../platform/errors/errors.js';
import { isUuid } from '../../platform/db/columns.js';
import type { MembersRepository } from './members.repository.js';
import {
  applicationFormSchema,
  decisionFormSchema,
  inviteFormSchema,
  joinDecisionSchema,
  joinFormSchema,
  profileFormSchema,
  statusFormSchema,
} from './members.schemas.js';

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
  clock?: () => Date;
}

type Result<T = object> = ({ ok: true } & T) | { ok: false; errors: Record<string, string> };

export function createMembersService(deps: MembersServiceDeps) {
  const now = deps.clock ?? (() => new Date());
  type MailKind =
    | 'received'
    | 'approved'
    | 'rejected'
    | 'moreInformation'
    | 'invited'
    | 'joinRequested'
    | 'joinAccepted'
    | 'joinDeclined';
  const send = async (
    to: string,
    locale: string,
    kind: MailKind,
    values: Record<string, string>,
    action?: { url: string; label: MailKind },
  ): Promise<void> => {
    const t = deps.catalogue.translator(deps.catalogue.isSupported(locale) ? locale : 'en');
    await deps.mailer.send(
      composeMail({
        to,
        locale: t.locale,
        subject: t.t(`membership.mail.${kind}.subject`, values),
        greeting: t.t('mail.greeting', { name: values.name ?? '' }),
        paragraphs: [t.t(`membership.mail.${kind}.body`, values)],
        action: action
          ? { label: t.t(`membership.mail.${action.label}.action`), url: action.url }
          : undefined,
        footer: t.t(
          kind === 'received' ||
            kind === 'approved' ||
            kind === 'rejected' ||
            kind === 'moreInformation'
            ? 'membership.mail.footer'
            : 'membership.mail.footerMember',
        ),
      }),
    );
  };

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

    /** What a signed-in person can do on an organisation's page. */
    async actionsFor(
      viewer: SignedInViewer,
      organisationId: string,
    ): Promise<'manage' | 'member' | 'asked' | 'ask'> {
      if (can(viewer, 'edit-organisation', { organisationId })) return 'manage';
      const relation = await deps.repository.relationOf(viewer.id, organisationId);
      return relation ?? 'ask';
    },

    /** Everything an organisation's admins manage: the profile, its people, requests to join. */
    async manage(viewer: SignedInViewer, slug: string) {
      const organisation = await managed(viewer, slug);
      const [people, requests, themes] = await Promise.all([
        deps.repository.peopleOf(organisation.id),
        deps.repository.pendingJoinRequests(organisation.id),
        deps.themeKeys(),
      ]);
      return { organisation, people, requests, themes };
    },

    async updateProfile(viewer: SignedInViewer, slug: string, form: unknown): Promise<Result> {
      const organisation = await managed(viewer, slug);
      const valid = validateForm(profileFormSchema(deps.catalogue.locales), form);
      if (!valid.ok) return valid;
      const profile = valid.value;
      const known = new Set(await deps.themeKeys());
      if (!profile.themes.every((theme) => known.has(theme)))
        return { ok: false, errors: { themes: 'membership.errors.themes' } };
      const sdgs = profile.sdgs.map(Number);
      if (!sdgs.every((sdg) => Number.isInteger(sdg) && sdg >= 1 && sdg <= 17))
        return { ok: false, errors: { sdgs: 'membership.errors.sdgs' } };
      const descriptions: Record<string, string> = {};
      for (const locale of deps.catalogue.locales) {
        const text = (profile as Record<string, unknown>)[`description_${locale}`];
        if (typeof text === 'string' && text) descriptions[locale] = text;
      }
      await deps.repository.updateProfile(
        organisation.id,
        {
          descriptions,
          country: profile.country || null,
          city: profile.city || null,
          latitude: profile.latitude,
          longitude: profile.longitude,
          website: profile.website || null,
          themes: profile.themes,
          sdgs: [...new Set(sdgs)].sort((a, b) => a - b),
          expertise: profile.expertise,
          contactName: profile.contactName || null,
          contactEmail: profile.contactEmail || null,
          contactPhone: profile.contactPhone || null,
        },
        now(),
      );
      await deps.audit.record({
        type: 'organisation.updated',
        actorId: viewer.id,
        subject: organisation.slug,
      });
      await deps.contentChanged?.();
      return { ok: true };
    },

    /** Sends a colleague an invitation to the organisation, in the inviter's language. */
    async inviteColleague(
      viewer: SignedInViewer,
      slug: string,
      form: unknown,
      locale: string,
    ): Promise<Result<{ email: string }>> {
      const organisation = await managed(viewer, slug);
      const valid = validateForm(inviteFormSchema, form);
      if (!valid.ok) return valid;
      const { email, role } = valid.value;
      const url = await invite({ organisationId: organisation.id, email, role, locale });
      await send(
        email,
        locale,
        'invited',
        { name: '', organisation: organisation.name, inviter: viewer.name },
        { url, label: 'invited' },
      );
      await deps.audit.record({
        type: 'invitation.sent',
        actorId: viewer.id,
        subject: email,
        details: { organisation: organisation.slug, role },
      });
      return { ok: true, email };
    },

    /** A signed-in person asks to join an active organisation; its admins are told by e-mail. */
    async askToJoin(
      viewer: SignedInViewer,
      slug: string,
      form: unknown,
    ): Promise<Result<{ created: boolean }>> {
      if (!can(viewer, 'ask-to-join')) throw new ForbiddenError();
      const organisation = await deps.repository.findOrganisation(viewer, slug);
      if (!organisation) throw new NotFoundError();
      const valid = validateForm(joinFormSchema, form);
      if (!valid.ok) return valid;
      const created = await deps.repository.createJoinRequest(
        organisation.id,
        viewer.id,
        valid.value.message,
      );
      if (created) {
        const admins = (await deps.repository.peopleOf(organisation.id)).filter(
          (person) => person.role === 'admin',
        );
        for (const admin of admins) {
          await send(
            admin.email,
            admin.locale,
            'joinRequested',
            { name: admin.name, person: viewer.name, organisation: organisation.name },
            {
              url: `${deps.publicUrl}/${admin.locale}/network/${slug}/manage`,
              label: 'joinRequested',
            },
          );
        }
        await deps.audit.record({
          type: 'membership.join-requested',
          actorId: viewer.id,
          subject: viewer.email,
          details: { organisation: slug },
        });
      }
      return { ok: true, created };
    },

    /** An organisation admin accepts or declines a request to join; the person is told. */
    async decideJoinRequest(
      viewer: SignedInViewer,
      slug: string,
      requestId: string,
      form: unknown,
    ): Promise<Result> {
      const organisation = await managed(viewer, slug);
      if (!isUuid(requestId)) throw new NotFoundError();
      const valid = validateForm(joinDecisionSchema, form);
      if (!valid.ok) return valid;
      const accept = valid.value.decision === 'accept';
      const person = await deps.repository.decideJoinRequest({
        id: requestId,
        organisationId: organisation.id,
        accept,
        actorId: viewer.id,
        at: now(),
      });
      if (!person) throw new NotFoundError();
      if (accept) await promote(person.userId, asRole(person.role), 'member');
      await send(person.email, person.locale, accept ? 'joinAccepted' : 'joinDeclined', {
        name: person.name,
        organisation: organisation.name,
      });
      await deps.audit.record({
        type: 'membership.join-decided',
        actorId: viewer.id,
        subject: person.email,
        details: { organisation: slug, decision: valid.value.decision },
      });
      return { ok: true };
    },

    /** Every organisation with its status, for administrators. */
    async allOrganisations(viewer: SignedInViewer) {
      if (!can(viewer, 'manage-roles')) throw new ForbiddenError();
      return deps.repository.allOrganisations();
    },

    /** An administrator marks an organisation active, lapsed or left; its people's access follows. */
    async changeStatus(
      viewer: SignedInViewer,
      organisationId: string,
      form: unknown,
    ): Promise<Result> {
      if (!can(viewer, 'manage-roles')) throw new ForbiddenError();
      if (!isUuid(organisationId)) throw new NotFoundError();
      const valid = validateForm(statusFormSchema, form);
      if (!valid.ok) return valid;
      const changed = await deps.repository.changeStatus({
        organisationId,
        toStatus: valid.value.status,
        actorId: viewer.id,
        reason: valid.value.reason || null,
        at: now(),
      });
      if (!changed) return { ok: false, errors: { status: 'membership.errors.statusSame' } };
      await deps.audit.record({
        type: 'membership.status-changed',
        actorId: viewer.id,
        subject: changed.name,
        details: { from: changed.fromStatus, to: valid.value.status },
      });
      await deps.contentChanged?.();
      return { ok: true };
    },

    /** The organisations a person belongs to, for their account page. */
    organisationsOf: (viewer: SignedInViewer) => deps.repository.organisationsOf(viewer.id),

    membershipHistory: (organisationId: string) =>
      deps.repository.membershipHistory(organisationId),
  };
}

const asRole = (value: string): Role =>
  (ROLES as readonly string[]).includes(value) ? (value as Role) : 'registered';

export type MembersService = ReturnType<typeof createMembersService>;
