/** People: one's own profile, a person's page, the members' directory and introductions. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ANONYMOUS, can } from '../access/index.js';
import type { DirectoryFilter } from './people.repository.js';
import type { PeopleService } from './people.service.js';
import { SPOKEN_LANGUAGES } from '../vocabularies/index.js';
import { typedValues } from '../../ui/components/form.js';
import type { PageContext } from '../../ui/context.js';
import { MembersTeaserPage } from '../../ui/pages/message.page.js';
import { DirectoryPage, PersonPage } from './pages/people.page.js';
import { ProfileEditPage, personFormValues, type PersonFormValues } from './pages/profile.page.js';
import { sendPage } from '../../ui/render.js';
import { firstValue, type Query } from '../../platform/http/query.js';

type LocaleParams = { locale: string };
type FormRoute<P = object> = { Params: LocaleParams & P; Body: Record<string, unknown> };

const PRIVATE = { cache: 'no-store' } as const;

/** The directory filters of a query string; anything malformed is left out. */
function directoryFilter(query: Query): DirectoryFilter {
  const filter: DirectoryFilter = {};
  const expertise = (firstValue(query.expertise) ?? '').trim().slice(0, 80);
  if (expertise) filter.expertise = expertise;
  const [theme, country, language] = [query.theme, query.country, query.language].map(firstValue);
  if (/^[a-z0-9-]{1,80}$/.test(theme ?? '')) filter.theme = theme;
  if (/^[A-Z]{2}$/.test(country ?? '')) filter.country = country;
  if ((SPOKEN_LANGUAGES as readonly string[]).includes(language ?? '')) filter.language = language;
  return filter;
}

export function registerPeopleRoutes(
  site: FastifyInstance,
  people: PeopleService,
  themeKeys: () => Promise<readonly string[]>,
  countries: readonly string[],
  ctxOf: (request: FastifyRequest<{ Params: LocaleParams }>, reply: FastifyReply) => PageContext,
): void {
  const limited = (max: number, window = '1 minute') => ({
    preHandler: site.csrfProtection,
    config: { rateLimit: { max, timeWindow: window } },
  });

  const editPage = async (
    request: FastifyRequest<{ Params: LocaleParams }>,
    reply: FastifyReply,
    values: PersonFormValues,
    errors: Record<string, string>,
    saved = false,
  ) => {
    const ctx = ctxOf(request, reply);
    return sendPage(
      reply,
      <ProfileEditPage
        ctx={ctx}
        csrfToken={reply.generateCsrf()}
        values={values}
        errors={errors}
        themes={await themeKeys()}
        countries={countries}
        languages={SPOKEN_LANGUAGES}
        saved={saved}
        profileHref={ctx.href(`/network/people/${request.viewer?.id ?? ''}`)}
      />,
      { ...PRIVATE, status: Object.keys(errors).length > 0 ? 422 : 200 },
    );
  };

  site.get<{ Params: LocaleParams; Querystring: { saved?: string } }>(
    '/account/profile',
    async (request, reply) => {
      if (!request.viewer) return reply.redirect(ctxOf(request, reply).href('/sign-in'), 303);
      const profile = await people.ownProfile(request.viewer);
      return editPage(request, reply, personFormValues(profile), {}, request.query.saved === '1');
    },
  );

  site.post<FormRoute>('/account/profile', limited(30), async (request, reply) => {
    const ctx = ctxOf(request, reply);
    if (!request.viewer) return reply.redirect(ctx.href('/sign-in'), 303);
    const body = request.body ?? {};
    const result = await people.saveProfile(request.viewer, body);
    if (result.ok) return reply.redirect(ctx.href('/account/profile?saved=1'), 303);
    return editPage(request, reply, typedValues(body), result.errors);
  });

  site.get<{ Params: LocaleParams; Querystring: Query }>(
    '/network/people',
    async (request, reply) => {
      const ctx = ctxOf(request, reply);
      const viewer = request.viewer ?? ANONYMOUS;
      const filter = directoryFilter(request.query);
      const [all, matching] = await Promise.all([
        people.directory(viewer, {}),
        people.directory(viewer, filter),
      ]);
      if (!all || !matching) return sendPage(reply, <MembersTeaserPage ctx={ctx} />, PRIVATE);
      const seen = <T,>(values: (T | undefined)[]) => [
        ...new Set(values.filter((value): value is T => value !== undefined)),
      ];
      return sendPage(
        reply,
        <DirectoryPage
          ctx={ctx}
          people={matching}
          filter={filter}
          themes={seen(all.flatMap((person) => person.themes ?? []))}
          countries={seen(all.map((person) => person.country))}
          languages={seen(all.flatMap((person) => person.languages ?? []))}
        />,
        PRIVATE,
      );
    },
  );

  /** A person's page, with the introduction form when the viewer can use it. */
  const personPage = async (
    request: FastifyRequest<{ Params: LocaleParams & { id: string } }>,
    reply: FastifyReply,
    introduce: { message: string; error?: string; sent?: boolean } = { message: '' },
  ) => {
    const viewer = request.viewer;
    const profile = await people.profile(viewer ?? ANONYMOUS, request.params.id);
    const own = viewer?.id === profile.userId;
    const canIntroduce = viewer && !own && profile.listed && can(viewer, 'contact-practitioners');
    return sendPage(
      reply,
      <PersonPage
        ctx={ctxOf(request, reply)}
        profile={profile}
        own={own}
        introduce={canIntroduce ? { ...introduce, csrfToken: reply.generateCsrf() } : undefined}
      />,
      { ...PRIVATE, status: introduce.error ? 422 : 200 },
    );
  };

  site.get<{ Params: LocaleParams & { id: string }; Querystring: { sent?: string } }>(
    '/network/people/:id',
    async (request, reply) =>
      personPage(request, reply, { message: '', sent: request.query.sent === '1' }),
  );

  site.post<FormRoute<{ id: string }>>(
    '/network/people/:id/introduce',
    limited(10),
    async (request, reply) => {
      const ctx = ctxOf(request, reply);
      if (!request.viewer) return reply.redirect(ctx.href('/sign-in'), 303);
      const body = request.body ?? {};
      const result = await people.introduce(request.viewer, request.params.id, body);
      if (result.ok)
        return reply.redirect(ctx.href(`/network/people/${request.params.id}?sent=1`), 303);
      return personPage(request, reply, {
        message: typeof body.message === 'string' ? body.message : '',
        error: result.errors.message ?? 'account.errors.invalid',
      });
    },
  );
}
