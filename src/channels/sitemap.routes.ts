/**
 * The sitemap index, the features' fixed pages (/sitemap-pages.xml) and one numbered file set per
 * kind with a sitemap (/sitemap-<plural>-<n>.xml), each address in every language with its
 * hreflang alternates. Read as a visitor, whoever asks.
 */
import type { FastifyInstance } from 'fastify';
import { ANONYMOUS } from '../features/access/index.js';
import { NotFoundError } from '../platform/errors/errors.js';
import type { Catalogue } from '../platform/i18n/catalogue.js';
import type { ContentKind } from './kind.js';
import { xml } from './xml.js';

/** Entries per sitemap file: each is listed once per language, under the 50,000 addresses a file may hold. */
export const SITEMAP_ENTRIES_PER_FILE = 5_000;

const XML_TYPE = 'application/xml; charset=utf-8';

export function registerSitemapRoutes(
  app: FastifyInstance,
  deps: {
    kinds: readonly ContentKind[];
    /** Fixed public pages, without locale. */
    paths: readonly string[];
    catalogue: Catalogue;
    publicUrl: string;
  },
): void {
  const { publicUrl, catalogue } = deps;
  const address = (locale: string, path: string) =>
    xml(`${publicUrl}/${locale}${path === '/' ? '/' : path}`);
  /** One <url> per language of a path, each naming all its language versions. */
  const urlEntries = (path: string, lastModified?: Date): string => {
    const alternates = catalogue.locales
      .map(
        (locale) =>
          `<xhtml:link rel="alternate" hreflang="${locale}" href="${address(locale, path)}"/>`,
      )
      .join('');
    return catalogue.locales
      .map(
        (locale) =>
          `<url><loc>${address(locale, path)}</loc>${
            lastModified ? `<lastmod>${lastModified.toISOString()}</lastmod>` : ''
          }${alternates}</url>`,
      )
      .join('\n');
  };
  const urlSet = (entries: string): string =>
    `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${entries}\n</urlset>\n`;
  const mapped = deps.kinds.flatMap((kind) =>
    kind.sitemap ? [{ kind, sitemap: kind.sitemap }] : [],
  );

  app.get('/sitemap.xml', async (_request, reply) => {
    const files = await Promise.all(
      mapped.map(async ({ kind, sitemap }) => {
        const count = Math.ceil((await sitemap.count(ANONYMOUS)) / SITEMAP_ENTRIES_PER_FILE);
        return Array.from(
          { length: count },
          (_, index) => `/sitemap-${kind.plural}-${index + 1}.xml`,
        );
      }),
    );
    const entries = ['/sitemap-pages.xml', ...files.flat()]
      .map((path) => `<sitemap><loc>${xml(`${publicUrl}${path}`)}</loc></sitemap>`)
      .join('\n');
    return reply
      .type(XML_TYPE)
      .send(
        `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries}\n</sitemapindex>\n`,
      );
  });

  app.get('/sitemap-pages.xml', async (_request, reply) =>
    reply.type(XML_TYPE).send(urlSet(deps.paths.map((path) => urlEntries(path)).join('\n'))),
  );

  for (const { kind, sitemap } of mapped) {
    app.get<{ Params: { file: string } }>(
      `/sitemap-${kind.plural}-:file.xml`,
      async (request, reply) => {
        // A file number no index lists (0, -1, 1e20, which no offset can hold) is simply absent.
        if (!/^[1-9][0-9]{0,5}$/.test(request.params.file)) throw new NotFoundError();
        const file = Number(request.params.file);
        const slice = await sitemap.read(
          ANONYMOUS,
          (file - 1) * SITEMAP_ENTRIES_PER_FILE,
          SITEMAP_ENTRIES_PER_FILE,
        );
        if (slice.length === 0) throw new NotFoundError();
        return reply
          .type(XML_TYPE)
          .send(urlSet(slice.map((entry) => urlEntries(entry.path, entry.updatedAt)).join('\n')));
      },
    );
  }
}
