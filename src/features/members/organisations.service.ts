/** Life in the network: an organisation's profile, its people and requests to join, and its status. */
import { ROLES, can, type Role, type SignedInViewer } from '../access/index.js';
import { validateForm } from '../access/index.js';
import type { z } from 'zod';
import { ForbiddenError, NotFoundError } from '../../platform/errors/errors.js';
import { isUuid } from '../../platform/db/columns.js';
import {
  inviteFormSchema,
  joinDecisionSchema,
  joinFormSchema,
  profileFormSchema,
  statusFormSchema,
  classFormSchema,
} from './members.schemas.js';
import type {
  MembersResult as Result,
  MembersServiceDeps,
  MembershipTools,
} from './members.service.js';

/** The use cases of an organisation's page, its admins and the administrators. */
/** An administrator's form about one organisation: allowed, addressed, then valid or not. */
function administratorsForm<T>(
  viewer: SignedInViewer,
  organisationId: string,
  schema: z.ZodType<T>,
  form: unknown,
) {
  if (!can(viewer, 'manage-roles')) throw new ForbiddenError();
  if (!isUuid(organisationId)) throw new NotFoundError();
  return validateForm(schema, form);
}

export function createOrganisationsService(deps: MembersServiceDeps, tools: MembershipTools) {
  const { now, send, invite, managed, promote } = tools;
  return {
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
      await deps.notify?.(person.userId, {
        message: 'following.notice.joinDecision',
        values: { organisation: organisation.name, decision: accept ? 'accepted' : 'declined' },
        path: `/network/${slug}`,
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
      const valid = administratorsForm(viewer, organisationId, statusFormSchema, form);
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

    /** An administrator sets what an organisation is and how it belongs to the network. */
    async changeClass(
      viewer: SignedInViewer,
      organisationId: string,
      form: unknown,
    ): Promise<Result> {
      const valid = administratorsForm(viewer, organisationId, classFormSchema, form);
      if (!valid.ok) return valid;
      const changed = await deps.repository.changeClass({
        organisationId,
        ...valid.value,
        at: now(),
      });
      if (!changed) throw new NotFoundError();
      await deps.audit.record({
        type: 'membership.class-changed',
        actorId: viewer.id,
        subject: changed.name,
        details: { ...valid.value },
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
