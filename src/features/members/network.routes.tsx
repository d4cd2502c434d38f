/** The network's public pages: the members' directory with its filters and map, and a member. */
import { ANONYMOUS } from '../access/index.js';
import {
  ORGANISATION_KINDS,
  type OrganisationFilter,
  type OrganisationKind,
} from './members.repository.js';
import type { MembersRepository } from './members.repository.js';
import type { MembersService } from './members.service.js';
import { NetworkPage, OrganisationPage, type OrganisationActions } from './pages/network.page.js';
import { NotFoundError } from '../../platform/errors/errors.js';
import { sendPage } from '../../ui/render.js';
import type { LocaleParams, Site } from '../../ui/site.js';

/** The network filters of a query string; anything unknown is left out. */
function networkFilter(query: Record<string, string | undefined>): OrganisationFilter {
  const filter: OrganisationFilter = {};
  const kind = query.kind ?? '';
  if ((ORGANISATION_KINDS as readonly string[]).includes(kind))
    filter.kind = kind as OrganisationKind;
  if (/^[A-Z]{2}$/.test(query.country ?? '')) filter.country = query.country;
  if (/^[a-z0-9-]{1,80}$/.test(query.theme ?? '')) filter.theme = query.theme;
  const sdg = Number(query.sdg);
  if (Number.isInteger(sdg) && sdg >= 1 && sdg <= 17) filter.sdg = sdg;
  return filter;
}

export function registerNetworkRoutes(
  { app: site, ctxOf, pages }: Site,
  deps: { members: MembersRepository; membership: MembersService },
): void {
  site.get<{ Params: LocaleParams; Querystring: Record<string, string | undefined> }>(
    '/network',
    async (request, reply) => {
      const filter = networkFilter(request.query);
      const filtered = Object.keys(filter).length > 0;
      const [all, matching] = await Promise.all([
        deps.members.listOrganisations(ANONYMOUS),
        filtered ? deps.members.listOrganisations(ANONYMOUS, filter) : null,
      ]);
      const choices = {
        countries: [...new Set(all.flatMap((entry) => (entry.country ? [entry.country] : [])))],
        themes: [...new Set(all.flatMap((entry) => entry.themes))],
        sdgs: [...new Set(all.flatMap((entry) => entry.sdgs))].sort((a, b) => a - b),
      };
      return pages.sendShared(
        reply,
        <NetworkPage
          ctx={ctxOf(request, reply)}
          organisations={matching ?? all}
          filter={filter}
          choices={choices}
        />,
      );
    },
  );

  site.get<{ Params: LocaleParams & { slug: string }; Querystring: { asked?: string } }>(
    '/network/:slug',
    async (request, reply) => {
      const viewer = request.viewer;
      const organisation = await deps.members.findOrganisation(
        viewer ?? ANONYMOUS,
        request.params.slug,
      );
      if (!organisation) throw new NotFoundError();
      const ctx = ctxOf(request, reply);
      if (!viewer) {
        return pages.sendShared(reply, <OrganisationPage ctx={ctx} organisation={organisation} />);
      }
      const can = await deps.membership.actionsFor(viewer, organisation.id);
      const actions: OrganisationActions =
        can === 'manage'
          ? { kind: 'manage' }
          : can === 'ask' || can === 'asked'
            ? { kind: 'ask', csrfToken: reply.generateCsrf(), asked: can === 'asked' }
            : { kind: 'none' };
      return sendPage(
        reply,
        <OrganisationPage ctx={ctx} organisation={organisation} actions={actions} />,
        { cache: 'no-store' },
      );
    },
  );
}
