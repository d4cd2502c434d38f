/**
 * Background jobs on a durable queue in the same PostgreSQL (pg-boss): they survive restarts, and
 * with several app instances each job runs once. Handlers are idempotent and carry ids only.
 */
import PgBoss from 'pg-boss';
import type pg from 'pg';
import type { Logger } from '../logging/logger.js';

export type JobHandler = () => Promise<void>;

export interface Jobs {
  /** Runs `handler` on a cron schedule (UTC), on one instance per occurrence. */
  every(name: string, cron: string, handler: JobHandler): Promise<void>;
  /** Queues one run of a registered job now (operators, tests). Resolves with the job id. */
  runNow(name: string): Promise<string | null>;
  /** Resolves when the job with this id has finished (completed or failed). */
  waitFor(name: string, id: string, timeoutMs?: number): Promise<'completed' | 'failed'>;
  stop(): Promise<void>;
}

// Held while this instance creates queues. pg-boss creates a queue's table in a transaction that
// locks its table of queues, so two instances creating queues at once (a first start of several)
// deadlock; with this lock they take turns.
const QUEUE_CREATION_LOCK = 0x68726371; // "hrcq", beside the migrations' "hrcn"

async function creatingQueues<T>(pool: pg.Pool, create: () => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [QUEUE_CREATION_LOCK]);
    try {
      return await create();
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [QUEUE_CREATION_LOCK]);
    }
  } finally {
    client.release();
  }
}

/** Starts the queue on the app's own pool (its schema "pgboss" is created on first start). */
export async function startJobs(options: { pool: pg.Pool; log: Logger }): Promise<Jobs> {
  const boss = new PgBoss({
    db: { executeSql: (text, values) => options.pool.query(text, values) },
    schema: 'pgboss',
  });
  boss.on('error', (error) => options.log.error({ err: error }, 'job queue error'));
  // Starting creates the queue of cron occurrences.
  await creatingQueues(options.pool, () => boss.start());
  const handlers = new Map<string, JobHandler>();
  /** This instance's worker of each queue, by the queue's name. */
  const workers = new Map<string, string>();

  return {
    async every(name, cron, handler) {
      handlers.set(name, handler);
      await creatingQueues(options.pool, () => boss.createQueue(name));
      const worker = await boss.work(name, async () => {
        const started = performance.now();
        try {
          await handler();
        } catch (error) {
          // Failed runs are retried by the queue; operators read why here.
          options.log.error({ err: error, job: name }, 'job failed');
          throw error;
        }
        options.log.info({ job: name, ms: Math.round(performance.now() - started) }, 'job done');
      });
      workers.set(name, worker);
      await boss.schedule(name, cron, {}, { tz: 'UTC' });
    },
    async runNow(name) {
      const id = await boss.send(name, {});
      // This instance's worker takes it at once, not at its next look at the queue (2 s on).
      const worker = workers.get(name);
      if (worker) boss.notifyWorker(worker);
      return id;
    },
    async waitFor(name, id, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const job = await boss.getJobById(name, id);
        if (job?.state === 'completed') return 'completed';
        if (job?.state === 'failed') return 'failed';
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      throw new Error(`job ${name} ${id} did not finish in ${timeoutMs} ms`);
    },
    stop: () => boss.stop({ graceful: true, wait: true, timeout: 10_000 }),
  };
}
