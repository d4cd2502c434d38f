/**
 * Atom and RSS feeds of every feed a kind declares (`<list address>/feed.atom|rss`), and the site's
 * "what's new" feed (`/<locale>/feed.atom|rss`): the newest entries of every feed without
 * parameters (the whole Knowledge Centre, the experts' answers…), merged by date. They are read as
 * a visitor reads, whoever asks: a feed is never personal, so it can never carry the members layer.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { Feed } from 'feed';
import { ANONYMOUS } from '../features/access/index.js';
import { NotFoundError } from '../platform/errors/errors.js';
import type { Catalogue, Translator } from '../platform/i18n/catalogue.js';
import { wholeFeeds, type ContentKind, type FeedEntry, type Params } from './kind.js';

const FEED_SIZE = 30;

/** Puts the params into a path with :names. */
export const fillPath = (path: string, params: Params): string =>
  path.replace(/:([a-z]+)/gi, (_, name: string) => params[name] ?? '');

interface FeedDocument {
  /** Address of the page the feed follows, absolute. */
  page: string;
  title: string;
  entries: readonly FeedEntry[];
}

function render(
  document: FeedDocument,
  locale: string,
  t: Translator,
  publicUrl: string,
  format: 'atom' | 'rss',
): string {
  const { page, entries } = document;
  const feedBase = page.endsWith('/') ? page.slice(0, -1) : page;
  const feed = new Feed({
    id: page,
    link: page,
    title: `${document.title} · ${t.t('common.site.name')}`,
    description: t.t('common.site.description'),
    language: locale,
    generator: false,
    updated: entries[0]?.date ?? new Date(0),
    feedLinks: { atom: `${feedBase}/feed.atom`, rss: `${feedBase}/feed.rss` },
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
  return format === 'atom' ? feed.atom1() : feed.rss2();
}

export function registerFeedRoutes(
  app: FastifyInstance,
  deps: { kinds: readonly ContentKind[]; catalogue: Catalogue; publicUrl: string },
): void {
  const { publicUrl, catalogue } = deps;
  const sources = deps.kinds.flatMap((kind) => kind.feeds);
  /** The locale and format of a feed's address, or a 404. */
  const parse = (locale: string, format: string): 'atom' | 'rss' => {
    if (!catalogue.isSupported(locale) || (format !== 'atom' && format !== 'rss'))
      throw new NotFoundError();
    return format;
  };
  const send = (reply: FastifyReply, format: 'atom' | 'rss', body: string) =>
    reply
      .type(
        format === 'atom'
          ? 'application/atom+xml; charset=utf-8'
          : 'application/rss+xml; charset=utf-8',
      )
      .header('cache-control', 'public, max-age=300')
      .send(body);

  const whole = wholeFeeds(deps.kinds);
  app.get<{ Params: { locale: string; format: string } }>(
    '/:locale/feed.:format',
    async (request, reply) => {
      const { locale } = request.params;
      const format = parse(locale, request.params.format);
      const t = catalogue.translator(locale);
      const lists = await Promise.all(
        whole.map((source) => source.read(ANONYMOUS, {}, t, FEED_SIZE)),
      );
      // One entry once, though two lists hold it (a news item is in the Knowledge Centre's and
      // the News section's).
      const seen = new Set<string>();
      const entries = lists
        .flat()
        .sort((a, b) => b.date.getTime() - a.date.getTime())
        .filter((entry) => !seen.has(entry.path) && seen.add(entry.path))
        .slice(0, FEED_SIZE);
      const document = {
        page: `${publicUrl}/${locale}/`,
        title: t.t('common.feed.title'),
        entries,
      };
      return send(reply, format, render(document, locale, t, publicUrl, format));
    },
  );

  for (const source of sources) {
    app.get<{ Params: Params & { locale: string; format: string } }>(
      `/:locale${source.path}/feed.:format`,
      async (request, reply) => {
        const { locale, format: asked, ...params } = request.params;
        const format = parse(locale, asked);
        const t = catalogue.translator(locale);
        const title = await source.title(params, t);
        if (title === null) throw new NotFoundError();
        const entries = await source.read(ANONYMOUS, params, t, FEED_SIZE);
        const page = `${publicUrl}/${locale}${source.page?.(params) ?? fillPath(source.path, params)}`;
        return send(reply, format, render({ page, title, entries }, locale, t, publicUrl, format));
      },
    );
  }
}
