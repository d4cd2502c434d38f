/**
 * Composes features in order: each is built from the platform and what it needs of those before
 * it; then their kinds, routes and jobs are collected. The kinds are known only once every feature
 * is added, so features that need them (search, channels) receive a getter.
 */
import type { FastifyInstance } from 'fastify';
import type { ContentKind } from '../channels/kind.js';
import type { Mailbox } from '../platform/mail/inbound.js';
import type { Platform } from '../platform/platform.js';
import type { Site } from '../ui/site.js';
import type { DataSubject, Feature, Job } from './feature.js';

interface Composed {
  name: string;
  kinds(): readonly ContentKind[];
  jobs(): readonly Job[];
  routes(site: Site): void;
  rootRoutes(app: FastifyInstance): void;
  paths: readonly string[];
  apiPaths(locales: readonly string[]): Record<string, unknown>;
  personalData(person: DataSubject): Promise<Record<string, unknown>>;
  mailbox: Mailbox | null;
}

export interface Composition {
  /** Builds a feature and keeps it in the list; returns what it offers the features after it. */
  add<Needs, Api>(feature: Feature<Needs, Api>, needs: Needs): Api;
  /** Every kind of every feature, plus `extra`; only once the list is complete. */
  kinds(): readonly ContentKind[];
  paths(): readonly string[];
  apiPaths(): Record<string, unknown>;
  jobs(): readonly Job[];
  /** What every feature holds about a person, its sections merged in the list's order. */
  personalData(person: DataSubject): Promise<Record<string, unknown>>;
  /** The features' mailboxes as one: a message goes to the first that accepts its recipient. */
  mailbox(): Mailbox;
  /** Each feature's addresses outside the locale prefix, in the list's order. */
  registerRootRoutes(app: FastifyInstance): void;
  /** Each feature's pages, in the list's order. */
  siteRegistrations(): readonly ((site: Site) => void)[];
}

export function createComposition(
  platform: Platform,
  extraKinds: readonly ContentKind[] = [],
): Composition {
  const composed: Composed[] = [];
  let kinds: readonly ContentKind[] | null = null;
  return {
    add(feature, needs) {
      if (kinds) throw new Error(`feature ${feature.name} added after the kinds were read`);
      const api = feature.create(platform, needs);
      composed.push({
        name: feature.name,
        kinds: () => feature.kinds?.(api) ?? [],
        jobs: () => feature.jobs?.(api) ?? [],
        routes: (site) => feature.routes?.(site, api),
        rootRoutes: (app) => feature.rootRoutes?.(app, api),
        paths: feature.paths ?? [],
        apiPaths: (locales) => feature.apiPaths?.(api, locales) ?? {},
        personalData: async (person) => (await feature.personalData?.(api)(person)) ?? {},
        mailbox: feature.mailbox?.(api) ?? null,
      });
      return api;
    },
    kinds() {
      kinds ??= [...composed.flatMap((entry) => entry.kinds()), ...extraKinds];
      const names = kinds.map((kind) => kind.plural);
      const twice = names.find((name, index) => names.indexOf(name) !== index);
      if (twice) throw new Error(`two kinds are called ${twice}`);
      return kinds;
    },
    paths: () => composed.flatMap((entry) => entry.paths),
    apiPaths: () =>
      Object.assign({}, ...composed.map((entry) => entry.apiPaths(platform.catalogue.locales))),
    jobs: () => composed.flatMap((entry) => entry.jobs()),
    async personalData(person) {
      const sections = await Promise.all(composed.map((entry) => entry.personalData(person)));
      const merged: Record<string, unknown> = {};
      for (const [index, section] of sections.entries())
        for (const [name, value] of Object.entries(section)) {
          if (name in merged)
            throw new Error(
              `two features export personal data as ${name} (${composed[index]?.name})`,
            );
          merged[name] = value;
        }
      return merged;
    },
    mailbox() {
      const boxes = composed.flatMap((entry) => (entry.mailbox ? [entry.mailbox] : []));
      return {
        accepts: (address) => boxes.some((box) => box.accepts(address)),
        async receive(mail) {
          for (const box of boxes) {
            const mine = mail.to.filter((address) => box.accepts(address));
            if (mine.length > 0) await box.receive({ ...mail, to: mine });
          }
        },
      };
    },
    registerRootRoutes(app) {
      for (const entry of composed) entry.rootRoutes(app);
    },
    siteRegistrations: () => composed.map((entry) => (site: Site) => entry.routes(site)),
  };
}
