/**
 * The useful-links directory's link checker: a background job that asks every address where it
 * leads (a few at a time, with a time limit, never inside the network), records what it found, and
 * gives editors the state of each link and the list of broken ones.
 */
import { and, asc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { mapWithConcurrency, probeUrl, type ProbeOutcome } from '../../platform/http/outbound.js';
import { can, type SignedInViewer } from '../access/index.js';
import { ForbiddenError } from '../../platform/errors/errors.js';
import { linkGroups, links } from './knowledge.schema.js';

export const LINK_STATES = ['ok', 'redirected', 'broken', 'unreachable', 'blocked'] as const;
export type LinkState = (typeof LINK_STATES)[number];

export const LINK_JOBS = {
  checkLinks: { name: 'knowledge.check-links', cron: '23 3 * * *' },
} as const;

export interface LinkReportRow {
  id: string;
  title: string;
  url: string;
  group: string;
  state: LinkState | null;
  httpStatus: number | null;
  finalUrl: string | null;
  message: string | null;
  checkedAt: Date | null;
}

/** What a probe's outcome means for a link. */
export function linkState(outcome: ProbeOutcome): LinkState {
  if (outcome.kind === 'failed')
    return outcome.reason === 'blocked'
      ? 'blocked'
      : outcome.reason === 'timeout' || outcome.reason === 'network'
        ? 'unreachable'
        : 'broken';
  if (outcome.status >= 200 && outcome.status < 300)
    return outcome.redirects > 0 ? 'redirected' : 'ok';
  return 'broken';
}

export function createLinkChecker(deps: {
  db: Db;
  /** For tests: let the checker reach addresses on this machine. */
  allowPrivate?: boolean;
  concurrency?: number;
  timeoutMs?: number;
  clock?: () => Date;
}) {
  const { db } = deps;
  const now = deps.clock ?? (() => new Date());
  return {
    /** Job: checks every link that has an address. Returns how many, and how many failed. */
    async checkAll(): Promise<{ checked: number; failing: number }> {
      const targets = await db
        .select({ id: links.id, url: links.url })
        .from(links)
        .where(isNotNull(links.url));
      const states = await mapWithConcurrency(targets, deps.concurrency ?? 4, async (target) => {
        const outcome = await probeUrl(target.url ?? '', {
          allowPrivate: deps.allowPrivate ?? false,
          timeoutMs: deps.timeoutMs ?? 10_000,
        });
        const state = linkState(outcome);
        await db
          .update(links)
          .set({
            checkState: state,
            checkHttpStatus: outcome.kind === 'response' ? outcome.status : null,
            checkFinalUrl:
              outcome.kind === 'response' && outcome.redirects > 0 ? outcome.finalUrl : null,
            checkMessage: outcome.kind === 'failed' ? outcome.message.slice(0, 500) : null,
            checkedAt: now(),
          })
          .where(eq(links.id, target.id));
        return state;
      });
      return {
        checked: states.length,
        failing: states.filter((state) => state !== 'ok' && state !== 'redirected').length,
      };
    },

    /** Every link with its last check, or only those that fail; for editors. */
    async report(viewer: SignedInViewer, failingOnly: boolean): Promise<LinkReportRow[]> {
      if (!can(viewer, 'publish-knowledge')) throw new ForbiddenError();
      const rows = await db
        .select({
          id: links.id,
          title: links.title,
          url: links.url,
          group: linkGroups.title,
          state: links.checkState,
          httpStatus: links.checkHttpStatus,
          finalUrl: links.checkFinalUrl,
          message: links.checkMessage,
          checkedAt: links.checkedAt,
        })
        .from(links)
        .innerJoin(linkGroups, eq(linkGroups.id, links.groupId))
        .where(
          and(
            isNotNull(links.url),
            failingOnly
              ? inArray(links.checkState, ['broken', 'unreachable', 'blocked'])
              : sql`true`,
          ),
        )
        .orderBy(asc(linkGroups.position), asc(links.position));
      return rows.map((row) => ({
        ...row,
        url: row.url ?? '',
        state: row.state as LinkState | null,
      }));
    },
  };
}

export type LinkChecker = ReturnType<typeof createLinkChecker>;
