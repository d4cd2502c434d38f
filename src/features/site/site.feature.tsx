/**
 * The site's front door: the home page (what is new in every kind's feed, read as the viewer), the
 * language redirect, robots.txt, and sections to come.
 */
import { wholeFeeds, type ContentKind, type FeedSource } from '../../channels/kind.js';
import { ANONYMOUS, type Viewer } from '../access/index.js';
import type { Translator } from '../../platform/i18n/catalogue.js';
import { defineFeature } from '../feature.js';
import { HomePage, type HomeList } from './pages/home.page.js';
import { REFERENCE_LOCALE } from '../../platform/i18n/catalogue.js';
import { negotiateLocale } from '../../platform/i18n/negotiate.js';
import type { LocaleParams } from '../../ui/site.js';

/** How many of each list's newest entries the home page shows. */
const HOME_ENTRIES = 4;
/** The lists first on the home page, when they exist; any other kind's follows. */
const HOME_ORDER = ['/knowledge', '/events', '/experts/answers', '/network'];

/** The newest entries of every feed without parameters, as the viewer may read them. */
async function homeLists(
  sources: readonly FeedSource[],
  viewer: Viewer,
  t: Translator,
): Promise<HomeList[]> {
  const rank = (path: string) =>
    HOME_ORDER.includes(path) ? HOME_ORDER.indexOf(path) : HOME_ORDER.length;
  const lists = await Promise.all(
    [...sources]
      .sort((a, b) => rank(a.path) - rank(b.path))
      .map(async (source) => ({
        title: (await source.title({}, t)) ?? '',
        path: source.page?.({}) ?? source.path,
        entries: await source.read(viewer, {}, t, HOME_ENTRIES),
      })),
  );
  return lists.filter((list) => list.entries.length > 0);
}

export const siteFeature = defineFeature({
  name: 'site',
  paths: ['/'],
  create: (platform, needs: { kinds: () => readonly ContentKind[] }) => ({
    platform,
    kinds: needs.kinds,
  }),
  rootRoutes: (app, { platform }) => {
    app.get('/', async (request, reply) => {
      const locale = negotiateLocale(
        request.headers['accept-language'],
        platform.catalogue.locales,
        REFERENCE_LOCALE,
      );
      return reply.header('vary', 'Accept-Language').redirect(`/${locale}/`, 302);
    });
    app.get('/robots.txt', async (_request, reply) =>
      reply
        .type('text/plain; charset=utf-8')
        .send(
          `User-agent: *\nDisallow: /*/setup/\nDisallow: /*/editor\nSitemap: ${platform.publicUrl}/sitemap.xml\n`,
        ),
    );
  },
  routes: ({ app: site, ctxOf, pages }, { platform, kinds }) => {
    // Every kind is registered by now: the home page shows each feed without parameters.
    const sources = wholeFeeds(kinds());
    site.get<{ Params: LocaleParams }>('/', async (request, reply) => {
      const ctx = ctxOf(request, reply);
      const t = platform.catalogue.translator(ctx.locale);
      const lists = await homeLists(sources, request.viewer ?? ANONYMOUS, t);
      return pages.sendShared(reply, <HomePage ctx={ctx} lists={lists} />);
    });
  },
});
