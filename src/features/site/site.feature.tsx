/** The site's front door: the home page, the language redirect, robots.txt, and sections to come. */
import { defineFeature } from '../feature.js';
import { HomePage } from './pages/home.page.js';
import { EventsPage } from './pages/sections.page.js';
import { REFERENCE_LOCALE } from '../../platform/i18n/catalogue.js';
import { negotiateLocale } from '../../platform/i18n/negotiate.js';
import type { LocaleParams } from '../../ui/site.js';

export const siteFeature = defineFeature({
  name: 'site',
  paths: ['/', '/events'],
  create: (platform) => ({ platform }),
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
  routes: ({ app: site, ctxOf, pages }) => {
    site.get<{ Params: LocaleParams }>('/', async (request, reply) =>
      pages.sendShared(reply, <HomePage ctx={ctxOf(request, reply)} />),
    );
    site.get<{ Params: LocaleParams }>('/events', async (request, reply) =>
      pages.sendShared(reply, <EventsPage ctx={ctxOf(request, reply)} />),
    );
  },
});
