/** The statuses of a question as the desk groups them: still to act on, or closed without an answer. */
import { sql } from 'drizzle-orm';

/** Statuses of questions the editors or experts still have to act on. */
export const OPEN_STATUSES = ['new', 'assigned', 'submitted'] as const;
/** Statuses of questions that left the queue without an answer. */
export const CLOSED_STATUSES = ['rejected', 'spam', 'merged'] as const;

/** The open statuses as an SQL array, for `status = ANY(…)`. */
export const openStatuses = sql.raw(
  `ARRAY[${OPEN_STATUSES.map((status) => `'${status}'`).join(',')}]::text[]`,
);
