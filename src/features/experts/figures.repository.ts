/** The SQL of the service's figures for the editors: what is open and waiting, how fast it is answered, each expert's load. */
import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { openStatuses as open } from './question.statuses.js';

/** The service's figures for the editors. */
export interface ServiceFigures {
  open: number;
  waiting: number;
  /** Medians in hours over the questions of the period, null when there were none. */
  medianFirstResponseHours: number | null;
  medianAnswerHours: number | null;
  answered: number;
  load: { expertId: string; name: string; open: number; answered: number }[];
}

/** The reads of the service's figures. */
export function createFiguresRepository(db: Db) {
  return {
    /** The service's figures; medians over the questions confirmed since `since`. */
    async figures(since: Date): Promise<ServiceFigures> {
      const [counts, load] = await Promise.all([
        db.execute<{
          open: number;
          waiting: number;
          answered: number;
          first: number | null;
          answer: number | null;
        }>(sql`
          SELECT count(*) FILTER (WHERE status = ANY(${open}))::int AS open,
                 count(*) FILTER (WHERE status = 'new')::int AS waiting,
                 count(*) FILTER (WHERE status = 'answered' AND confirmed_at >= ${since.toISOString()}::timestamptz)::int AS answered,
                 percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM first_response_at - confirmed_at))
                   FILTER (WHERE first_response_at IS NOT NULL AND confirmed_at >= ${since.toISOString()}::timestamptz) AS first,
                 percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM answered_at - confirmed_at))
                   FILTER (WHERE answered_at IS NOT NULL AND confirmed_at >= ${since.toISOString()}::timestamptz) AS answer
            FROM questions WHERE status <> 'unconfirmed'`),
        db.execute<{ expert_id: string; name: string; open: number; answered: number }>(sql`
          SELECT u.id AS expert_id, u.name,
                 count(q.id) FILTER (WHERE q.status = ANY(${open}))::int AS open,
                 count(q.id) FILTER (WHERE q.status = 'answered')::int AS answered
            FROM users u
            LEFT JOIN question_assignments a ON a.expert_id = u.id
            LEFT JOIN questions q ON q.id = a.question_id
           WHERE u.role = 'expert' OR a.expert_id IS NOT NULL
           GROUP BY u.id, u.name
           ORDER BY open DESC, u.name`),
      ]);
      const row = counts.rows[0];
      const hours = (seconds: number | null | undefined) =>
        seconds === null || seconds === undefined ? null : Number(seconds) / 3600;
      return {
        open: row?.open ?? 0,
        waiting: row?.waiting ?? 0,
        answered: row?.answered ?? 0,
        medianFirstResponseHours: hours(row?.first),
        medianAnswerHours: hours(row?.answer),
        load: load.rows.map((entry) => ({
          expertId: entry.expert_id,
          name: entry.name,
          open: entry.open,
          answered: entry.answered,
        })),
      };
    },
  };
}
