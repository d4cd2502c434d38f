/**
 * Atom and RSS feeds of every feed a kind declares (`<list address>/feed.atom|rss`). They are read
 * as a visitor reads, whoever asks: a feed is never personal, so it can never carry the members layer.
 */
import type { FastifyInstance } from 'fastify';
import { Feed } from 'feed';
import { ANONYMOUS } from '../features/access/index.js';
import { NotFoundError } from '../platform/errors/errors.js';
import type { Catalogue } from '../platform/i18n/catalogue.js';
import type { ContentKind, Params } from './kind.js';

const FEED_SIZE = 30;

/** Puts the params into a path with :names. */
export const fillPath = (path: string, params: Params): string =>
  path.replace(/:([a-z]+)/gi, (_, name: string) => params[name] ?? '');

export function registerFeedRoutes(
  app: FastifyInstance,
  deps: { kinds: readonly ContentKind[]; catalogue: Catalogue; publicUrl: string },
): void {
  const { publicUrl, catalogue } = deps;
  for (const source of deps.kinds.flatMap((kind) => kind.feeds)) {
    app.get<{ Params: Params & { locale: string; format: string } }>(
      `/:locale${source.path}/feed.:format`,
      async (request, reply) => {
        const { locale, format, ...params } = request.params;
        if (!catalogue.isSupported(locale) || (format !== 'atom' && format !== 'rss'))
          throw new NotFoundError();
        const t = catalogue.translator(locale);
        const title = await source.title(params, t);
        if (title === null) throw new NotFoundError();
        const entries = await source.read(ANONYMOUS, params, t, FEED_SIZE);
        const page = `${publicUrl}/${locale}${source.page?.(params) ?? fillPath(source.path, params)}`;
        const feed = new Feed({
          id: page,
          link: page,
          title: `${title} · ${t.t('common.site.name')}`,
          description: t.t('common.site.description'),
          language: locale,
          generator: false,
          updated: entries[0]?.date ?? new Date(0),
          feedLinks: { atom: `${page}/feed.atom`, rss: `${page}/feed.rss` },
          copyright: t.t('common.site.name'),
        });
        for (const entry of entries) {
          const link = `${publicUrl}/${locale}${entry.path}`;
          feed.addItem({
            id: link,
            link,
            title: entry.title,
            description: entry.summary,
            date: entry.date,
            category: entry.categories.map((category) => ({ ...category })),
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
      },
    );
  }
}
