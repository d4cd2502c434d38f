/**
 * The addresses where a city's admins keep its profile: the page, one post per part of it, and
 * "send for review". Every route: validate → authorise (the service) → act → present; a form
 * with problems comes back as typed, with 422.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { firstValue } from '../../platform/http/query.js';
import { typedValues } from '../../ui/components/form.js';
import { sendPage } from '../../ui/render.js';
import {
  PRIVATE,
  formPost,
  signedInOrRedirect,
  type Ctx,
  type FormResult,
  type LocaleParams,
  type SignedInViewer,
} from '../access/index.js';
import type { CitiesService, PracticeCard } from './cities.service.js';
import type { ProfileEditing } from './profile-editing.service.js';
import {
  ProfileEditorPage,
  type ProfileFormState,
  type ProfileSection,
} from './pages/profile-editor.page.js';
import type { Viewer } from '../access/index.js';

type SlugParams = LocaleParams & { slug: string };
type Body = Record<string, unknown>;
type Route = { Params: SlugParams; Body: Body; Querystring: { done?: string } };

const NOTICES = ['saved', 'submitted'] as const;

export function registerProfileRoutes(
  site: FastifyInstance,
  deps: {
    editing: ProfileEditing;
    cities: CitiesService;
    /** The published good practices a city may name, as cards. */
    practices(viewer: Viewer, locale: string): Promise<readonly PracticeCard[]>;
  },
  ctxOf: Ctx,
): void {
  const { editing } = deps;
  const limited = formPost(site, 30);

  const page = async (
    request: FastifyRequest<{ Params: SlugParams; Querystring: { done?: string } }>,
    reply: FastifyReply,
    viewer: SignedInViewer,
    form: ProfileFormState | null,
  ) => {
    const ctx = ctxOf(request, reply);
    const city = await editing.kept(viewer, request.params.slug);
    const notice = NOTICES.find((value) => value === firstValue(request.query.done));
    return sendPage(
      reply,
      <ProfileEditorPage
        ctx={ctx}
        city={city}
        indicators={await deps.cities.indicators()}
        practices={await deps.practices(viewer, ctx.locale)}
        cities={(await deps.cities.list(viewer)).map((other) => ({
          slug: other.slug,
          name: other.name,
        }))}
        csrfToken={reply.generateCsrf()}
        form={form}
        notice={notice ? `cities.notice.${notice}` : undefined}
      />,
      { ...PRIVATE, status: form ? 422 : 200 },
    );
  };

  site.get<Route>('/network/:slug/profile', async (request, reply) => {
    const viewer = signedInOrRedirect(request, reply, ctxOf(request, reply));
    if (!viewer) return reply;
    return page(request, reply, viewer, null);
  });

  /** A part's form: on success back to the page, else the page with the form as typed. */
  const part = (
    path: string,
    section: ProfileSection,
    act: (viewer: SignedInViewer, slug: string, body: Body, locale: string) => Promise<FormResult>,
  ) =>
    site.post<Route>(`/network/:slug/profile/${path}`, limited, async (request, reply) => {
      const ctx = ctxOf(request, reply);
      const viewer = signedInOrRedirect(request, reply, ctx);
      if (!viewer) return reply;
      const body = request.body ?? {};
      const result = await act(viewer, request.params.slug, body, ctx.locale);
      if (result.ok)
        return reply.redirect(ctx.href(`/network/${request.params.slug}/profile?done=saved`), 303);
      return page(request, reply, viewer, {
        section,
        values: typedValues(body),
        errors: result.errors,
      });
    });

  const text = (body: Body, name: string) => (typeof body[name] === 'string' ? body[name] : '');
  part('stage', 'stage', (viewer, slug, body) => editing.stage(viewer, slug, body));
  part('commitments', 'commitment', (viewer, slug, body) =>
    editing.addCommitment(viewer, slug, body),
  );
  part('commitments/remove', 'commitment', (viewer, slug, body) =>
    editing.removeCommitment(viewer, slug, text(body, 'id')),
  );
  part('values', 'values', (viewer, slug, body, locale) =>
    editing.addValues(viewer, slug, body, locale),
  );
  part('values/remove', 'values', (viewer, slug, body) =>
    editing.removeValue(viewer, slug, text(body, 'indicator'), Number(text(body, 'year'))),
  );
  part('indicators', 'indicator', (viewer, slug, body, locale) =>
    editing.addIndicator(viewer, slug, body, locale),
  );
  part('practices', 'practices', (viewer, slug, body) => editing.practices(viewer, slug, body));
  part('transfers', 'transfer', (viewer, slug, body) => editing.addTransfer(viewer, slug, body));
  part('transfers/remove', 'transfer', (viewer, slug, body) =>
    editing.removeTransfer(viewer, slug, text(body, 'id')),
  );

  site.post<Route>('/network/:slug/profile/submit', limited, async (request, reply) => {
    const ctx = ctxOf(request, reply);
    const viewer = signedInOrRedirect(request, reply, ctx);
    if (!viewer) return reply;
    await editing.submit(viewer, request.params.slug);
    return reply.redirect(ctx.href(`/network/${request.params.slug}/profile?done=submitted`), 303);
  });
}
