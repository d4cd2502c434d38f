/**
 * Channels that carry the Knowledge Centre out of the site: Atom and RSS feeds per section and per
 * theme, and the sitemap with its language alternates. They are read as a visitor reads, whoever
 * asks: a feed or a sitemap is never personal, so it can never carry the members layer.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { Feed } from 'feed';
import { ANONYMOUS } from '../features/access/index.js';
import {
  ITEM_SECTIONS,
  KNOWLEDGE_SECTIONS,
  type ItemFilter,
  type ItemSection,
  type ItemsRepository,
} from '../features/knowledge/index.js';
import { NotFoundError } from '../platform/errors/errors.js';
import type { Catalogue } from '../platform/i18n/catalogue.js';
import type { MessageKey } from '../ui/messages.js';

const FEED_SIZE = 30;
/** Items per sitemap file: each is listed once per language, under the 50,000 addresses a file may hold. */
export const SITEMAP_ITEMS_PER_FILE = 5_000;
const STATIC_PATHS = [
  '/',
  '/about',
  '/about/how-we-work',
  '/about/who-we-are',
  '/network',
  '/knowledge',
  ...KNOWLEDGE_SECTIONS.map((section) => `/knowledge/${section}`),
  '/experts',
  '/events',
  '/privacy',
];

const xml = (text: string): string =>
  text.replace(
    /[<>&'"]/g,
    (char) =>
      ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[char] ?? char,
  );

export interface ChannelDeps {
  items: ItemsRepository;
  catalogue: Catalogue;
  publicUrl: string;
  themeKeys: () => Promise<readonly string[]>;
}

export function registerChannelRoutes(app: FastifyInstance, deps: ChannelDeps): void {
  const { publicUrl, catalogue } = deps;

  async function sendFeed(
    reply: FastifyReply,
    locale: string,
    format: string,
    filter: ItemFilter,
    title: string,
    path: string,
  ): Promise<FastifyReply> {
    if (!catalogue.isSupported(locale) || (format !== 'atom' && format !== 'rss'))
      throw new NotFoundError();
    const t = catalogue.translator(locale);
    const listing = await deps.items.listItems(ANONYMOUS, filter, locale, 1, FEED_SIZE);
    const page = `${publicUrl}/${locale}${path}`;
    const feed = new Feed({
      id: page,
      link: page,
      title: `${title} · ${t.t('common.site.name')}`,
      description: t.t('common.site.description'),
      language: locale,
      generator: false,
      updated: listing.items[0] ? new Date(`${listing.items[0].date}T00:00:00Z`) : new Date(0),
      feedLinks: { atom: `${page}/feed.atom`, rss: `${page}/feed.rss` },
      copyright: t.t('common.site.name'),
    });
    for (const item of listing.items) {
      const link = `${publicUrl}/${locale}/knowledge/${item.section}/${item.slug}`;
      feed.addItem({
        id: link,
        link,
        title: item.title,
        description: item.summary,
        date: new Date(`${item.date}T00:00:00Z`),
        category: item.themes.map((theme) => ({
          term: theme,
          name: t.t(`vocabularies.theme.${theme}` as MessageKey),
        })),
      });
    }
    return reply
      .type(
        format === 'atom'
          ? 'application/atom+xml; charset=utf-8'
          : 'application/rss+xml; charset=utf-8',
      )
      .header('cache-control', 'public, max-age=300')
      .send(format === 'atom' ? feed.atom1() : feed.rss2());
  }

  app.get<{ Params: { locale: string; section: string; format: string } }>(
    '/:locale/knowledge/:section/feed.:format',
    async (request, reply) => {
      const { locale, section, format } = request.params;
      if (!(ITEM_SECTIONS as readonly string[]).includes(section)) throw new NotFoundError();
      const t = catalogue.isSupported(locale) ? catalogue.translator(locale) : null;
      return sendFeed(
        reply,
        locale,
        format,
        { section: section as ItemSection },
        t?.t(`knowledge.section.${section}` as MessageKey) ?? section,
        `/knowledge/${section}`,
      );
    },
  );

  app.get<{ Params: { locale: string; theme: string; format: string } }>(
    '/:locale/knowledge/themes/:theme/feed.:format',
    async (request, reply) => {
      const { locale, theme, format } = request.params;
      if (!(await deps.themeKeys()).includes(theme)) throw new NotFoundError();
      const t = catalogue.isSupported(locale) ? catalogue.translator(locale) : null;
      return sendFeed(
        reply,
        locale,
        format,
        { theme },
        t?.t(`vocabularies.theme.${theme}` as MessageKey) ?? theme,
        `/knowledge/thematic-issues`,
      );
    },
  );

  /** One <url> per language of a path, each naming all its language versions. */
  const urlEntries = (path: string, lastModified?: Date): string => {
    const alternates = catalogue.locales
      .map(
        (locale) =>
          `<xhtml:link rel="alternate" hreflang="${locale}" href="${xml(`${publicUrl}/${locale}${path === '/' ? '/' : path}`)}"/>`,
      )
      .join('');
    return catalogue.locales
      .map(
        (locale) =>
          `<url><loc>${xml(`${publicUrl}/${locale}${path === '/' ? '/' : path}`)}</loc>${
            lastModified ? `<lastmod>${lastModified.toISOString()}</lastmod>` : ''
          }${alternates}</url>`,
      )
      .join('\n');
  };
  const urlSet = (entries: string): string =>
    `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${entries}\n</urlset>\n`;

  app.get('/sitemap.xml', async (_request, reply) => {
    const files = Math.ceil((await deps.items.countPublicItems()) / SITEMAP_ITEMS_PER_FILE);
    const entries = [
      '/sitemap-pages.xml',
      ...Array.from({ length: files }, (_, index) => `/sitemap-items-${index + 1}.xml`),
    ]
      .map((path) => `<sitemap><loc>${xml(`${publicUrl}${path}`)}</loc></sitemap>`)
      .join('\n');
    return reply
      .type('application/xml; charset=utf-8')
      .send(
        `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries}\n</sitemapindex>\n`,
      );
  });

  app.get('/sitemap-pages.xml', async (_request, reply) =>
    reply
      .type('application/xml; charset=utf-8')
      .send(urlSet(STATIC_PATHS.map((path) => urlEntries(path)).join('\n'))),
  );

  app.get<{ Params: { file: string } }>('/sitemap-items-:file.xml', async (request, reply) => {
    const file = Number(request.params.file);
    if (!Number.isInteger(file) || file < 1) throw new NotFoundError();
    const slice = await deps.items.publicItems(
      (file - 1) * SITEMAP_ITEMS_PER_FILE,
      SITEMAP_ITEMS_PER_FILE,
    );
    if (slice.length === 0) throw new NotFoundError();
    return reply
      .type('application/xml; charset=utf-8')
      .send(
        urlSet(
          slice
            .map((item) => urlEntries(`/knowledge/${item.section}/${item.slug}`, item.updatedAt))
            .join('\n'),
        ),
      );
  });
}
