import { rootLogger } from '../observability/logger.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Logger, run, runMigrations, type Runner, type Task } from 'graphile-worker';
import pg from 'pg';

export interface TaskHelpers {
  /** 1 on the first run; graphile-worker retries a thrown task with exponential backoff. */
  attempt: number;
  maxAttempts: number;
}
export type TaskHandler = (payload: Record<string, unknown>, helpers: TaskHelpers) => Promise<void>;

const quiet = new Logger(() => (level, message) => {
  if (level === 'error') rootLogger.error({ jobQueue: message }, 'job queue error');
});

/**
 * Scheduled and deferred work on PostgreSQL (graphile-worker): jobs are rows, enqueued in the
 * caller's transaction, taken with SKIP LOCKED by any server process, retried with backoff, and
 * kept across restarts. Every server process runs a worker.
 */
export class JobQueue {
  private runner: Runner | null = null;
  private pool: pg.Pool | null = null;

  constructor(private readonly connectionString: string) {}

  /** Installs or upgrades the queue's own schema (`graphile_worker`). */
  static async migrate(connectionString: string): Promise<void> {
    const pool = new pg.Pool({ connectionString, max: 1 });
    pool.on('error', () => {});
    pool.on('connect', (client) => client.on('error', () => {}));
    try {
      await runMigrations({ pgPool: pool, logger: quiet });
    } finally {
      await pool.end();
    }
  }

  async start(tasks: Record<string, TaskHandler>, opts: { concurrency?: number; pollInterval?: number; crontab?: string } = {}): Promise<void> {
    this.pool = new pg.Pool({ connectionString: this.connectionString, max: (opts.concurrency ?? 2) + 2 });
    // A dropped idle connection is replaced on next use; the worker logs its own failures.
    this.pool.on('error', () => {});
    this.pool.on('connect', (client) => client.on('error', () => {}));
    const taskList = Object.fromEntries(
      Object.entries(tasks).map(([name, handler]): [string, Task] => [
        name,
        (payload, helpers) => handler((payload ?? {}) as Record<string, unknown>, { attempt: helpers.job.attempts, maxAttempts: helpers.job.max_attempts }),
      ]),
    );
    this.runner = await run({ pgPool: this.pool, taskList, crontab: opts.crontab ?? '', concurrency: opts.concurrency ?? 2, noHandleSignals: true, pollInterval: opts.pollInterval ?? 2000, logger: quiet });
  }

  /**
   * Enqueues a job in the transaction of `em` (so it exists only if that commits). A `key` keeps one
   * pending job per key (a later call moves it); `runAt` defers it.
   */
  async schedule(em: EntityManager, task: string, payload: Record<string, unknown>, opts: { runAt?: Date; key?: string; maxAttempts?: number } = {}): Promise<void> {
    await em.execute(`select graphile_worker.add_job(?, ?::json, run_at := ?, max_attempts := ?, job_key := ?, job_key_mode := 'replace')`, [
      task,
      JSON.stringify(payload),
      opts.runAt ?? new Date(),
      opts.maxAttempts ?? 25,
      opts.key ?? null,
    ]);
  }

  /** Jobs waiting to run (for /metrics). */
  async depth(em: EntityManager): Promise<number> {
    const [row] = await em.execute<{ n: string }[]>(`select count(*) as n from graphile_worker.jobs where locked_at is null and attempts < max_attempts`);
    return Number(row.n);
  }

  async stop(): Promise<void> {
    await this.runner?.stop();
    this.runner = null;
    await this.pool?.end();
    this.pool = null;
  }
}
