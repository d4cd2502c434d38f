/**
 * Monitoring: keeping up with the field. The News section (the network's news items and the
 * editors' trend notes), the outside sources editors watch, the job that reads them politely,
 * and the editors' queue that decides what of it readers see.
 */
import type { FormResult, SignedInViewer } from '../access/index.js';
import type { ThemeView } from '../vocabularies/index.js';
import { sql } from 'drizzle-orm';
import { defineFeature } from '../feature.js';
import { createEntriesRepository } from './entries.repository.js';
import { createNewsItems, type NewsSource } from './news.js';
import { registerNewsRoutes } from './news.routes.js';
import { createSourcesRepository } from './sources.repository.js';
import { themeSuggester } from './theme-suggestions.js';
import { trendKind } from './trend.kind.js';
import { createTrendsRepository } from './trends.repository.js';
import { registerWatchRoutes } from './watch.routes.js';
import { MONITORING_JOBS, createWatchService } from './watch.service.js';

export interface MonitoringNeeds {
  themeKeys(): Promise<readonly string[]>;
  listThemes(): Promise<readonly ThemeView[]>;
  countryCodes: readonly string[];
  /** Whether a Knowledge Centre item has this address already. */
  itemExists(slug: string): Promise<boolean>;
  /** The Knowledge Centre's news items, as the viewer reads them. */
  news: NewsSource['list'];
  /** The newest of them, without counting them (the News feed, the home page). */
  latestNews: NewsSource['latest'];
  /** Publishes a news item in the Knowledge Centre from an item form's values. */
  publishNews(
    viewer: SignedInViewer,
    locale: string,
    form: Record<string, string | readonly string[]>,
  ): Promise<FormResult<{ id: string; path: string }>>;
}

export const monitoringFeature = defineFeature({
  name: 'monitoring',
  paths: ['/news', '/news/trends'],
  create: (platform, needs: MonitoringNeeds) => {
    const { db } = platform.database;
    const trends = createTrendsRepository(db);
    const news = createNewsItems({ list: needs.news, latest: needs.latestNews });
    let suggester: Promise<(text: string) => string[]> | null = null;
    // The themes' names in every language, read once: suggestions match any of them.
    const suggest = async (text: string) => {
      suggester ??= needs.listThemes().then((themes) =>
        themeSuggester(
          themes.map((theme) => ({
            key: theme.key,
            family: theme.family,
            names: platform.catalogue.locales.map((locale) =>
              platform.catalogue.translator(locale).t(`vocabularies.theme.${theme.key}`),
            ),
          })),
        ),
      );
      try {
        return (await suggester)(text);
      } catch (error) {
        // Asked again next time: a passing failure does not stick.
        suggester = null;
        throw error;
      }
    };
    const watch = createWatchService({
      sources: createSourcesRepository(db),
      entries: createEntriesRepository(db),
      trends,
      suggestThemes: suggest,
      themeKeys: needs.themeKeys,
      itemExists: needs.itemExists,
      countryCodes: needs.countryCodes,
      locales: platform.catalogue.locales,
      publishNews: needs.publishNews,
      contentChanged: platform.contentChanged,
      clock: platform.clock,
      log: platform.log,
      allowPrivate: platform.allowPrivateLinkTargets,
      timeoutMs: platform.outboundTimeoutMs,
    });
    return { platform, needs, trends, news, watch };
  },
  routes: (site, api) => {
    registerNewsRoutes(
      site.app,
      {
        news: api.news,
        trends: api.trends,
        themeKeys: api.needs.themeKeys,
        countryCodes: api.needs.countryCodes,
        pages: site.pages,
      },
      site.ctxOf,
    );
    registerWatchRoutes(
      site.app,
      {
        watch: api.watch,
        themeKeys: api.needs.themeKeys,
        countryCodes: api.needs.countryCodes,
        locales: api.platform.catalogue.locales,
        clock: api.platform.clock,
      },
      site.ctxOf,
    );
  },
  jobs: (api) => [{ ...MONITORING_JOBS.poll, run: () => api.watch.pollDue() }],
  // An editor's decisions on watched entries and the trend notes they wrote.
  personalData: (api) => async (person) => {
    const { db } = api.platform.database;
    const decisions = await db.execute(sql`
      SELECT e.title, e.url, e.status, e.decided_at FROM watch_entries e
       WHERE e.decided_by = ${person.id} ORDER BY e.decided_at`);
    const notes = await db.execute(sql`
      SELECT id, title, note, url, theme, created_at FROM trend_notes
       WHERE created_by = ${person.id} ORDER BY created_at`);
    return { watchDecisions: decisions.rows, trendNotes: notes.rows };
  },
  kinds: (api) => [
    trendKind({
      db: api.platform.database.db,
      trends: api.trends,
      news: api.news,
      publicUrl: api.platform.publicUrl,
      themeKeys: api.needs.themeKeys,
    }),
  ],
});

export type MonitoringApi = ReturnType<typeof monitoringFeature.create>;
