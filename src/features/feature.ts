/**
 * The contract of a feature folder: what it builds from the platform and from the features before
 * it (`needs`), and what it brings to the app: pages, other addresses, background jobs, kinds of
 * content and fixed pages for the sitemap. app.ts composes the list; nothing is hung on Fastify.
 */
import type { FastifyInstance } from 'fastify';
import type { ContentKind } from '../channels/kind.js';
import type { Mailbox } from '../platform/mail/inbound.js';
import type { Platform } from '../platform/platform.js';
import type { Site } from '../ui/site.js';

/** Background work, run by the job queue on the server process. */
export interface Job {
  name: string;
  /** When, as cron. */
  cron: string;
  run(): Promise<unknown>;
}

/**
 * A notice for one person about something that concerns them (a mention, an answer to their
 * question, a decision, a change of an event they registered for), shown on their notification
 * page; the feature that acts mails them itself.
 */
export interface Notice {
  /** Catalogue key of its words, and their values. */
  message: string;
  values: Record<string, string>;
  /** Where it leads (a site path without locale). */
  path: string;
  /** The entry it is about (kind and key): read again as the person, whose title it shows. */
  entry?: { kind: string; key: string };
}

/** Records a notice; never fails the action it tells of (a lost notice is logged). */
export type Notify = (userId: string, notice: Notice) => Promise<void>;

/** The person a "download my data" export is for. */
export interface DataSubject {
  id: string;
  email: string;
}

/** What a feature holds about a person: named sections of plain data, ready for JSON. */
export type PersonalData = (person: DataSubject) => Promise<Record<string, unknown>>;

export interface Feature<Needs, Api> {
  /** The product noun, as its folder is named. */
  name: string;
  /** Builds the feature's services; what it returns is what other features may be handed. */
  create(platform: Platform, needs: Needs): Api;
  /** Its pages, under /:locale. */
  routes?: (site: Site, api: Api) => void;
  /** Addresses outside the locale prefix, and request hooks for the whole app. */
  rootRoutes?: (app: FastifyInstance, api: Api) => void;
  jobs?: (api: Api) => readonly Job[];
  kinds?: (api: Api) => readonly ContentKind[];
  /** OpenAPI paths of the addresses under /api it serves itself (not through a kind). */
  apiPaths?: (api: Api, locales: readonly string[]) => Record<string, unknown>;
  /** Fixed public pages (paths without locale), for the sitemap. */
  paths?: readonly string[];
  /**
   * Everything the feature keeps about a person (what they wrote, asked, joined), for "download
   * my data". A feature that stores anything tied to a person or their address declares it here.
   */
  personalData?: (api: Api) => PersonalData;
  /** The addresses of mail it takes (replies to its messages), received by the inbound server. */
  mailbox?: (api: Api) => Mailbox;
}

/** Declares a feature; the identity only checks its shape and keeps its types. */
export function defineFeature<Needs, Api>(feature: Feature<Needs, Api>): Feature<Needs, Api> {
  return feature;
}
