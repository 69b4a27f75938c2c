import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { type Actor, systemActor } from '../shared/actor.js';
import type { Clock } from '../shared/clock.js';
import { DomainEvent } from './domain-event.entity.js';
import { DISPATCH_TASK } from './event-log.js';
import type { JobQueue } from './job-queue.js';

/**
 * A consumer that must see every event once in effect, whatever restarts in between: callback tasks
 * after delivery, reminders, KPI projections, webhooks. Its handler runs in a transaction that also
 * advances the consumer's cursor, so its database writes happen exactly once; anything it does
 * outside the database must be idempotent (delivery is at least once).
 */
export interface DurableConsumer {
  /** Stable name: the cursor rows are keyed by it. */
  name: string;
  /** Only events of these aggregate types are handed over (the cursor still passes the others). */
  aggregateTypes?: readonly string[];
  handle(event: DomainEvent, ctx: { tx: EntityManager; actor: Actor }): Promise<void>;
}

export interface DispatchOptions {
  /** Failures before an event is parked. */
  maxAttempts: number;
  /** First retry delay; doubles each attempt, capped at 10 minutes. */
  retryBaseMs: number;
  /** Events handled in one transaction (one cursor move). */
  batch: number;
}

type Step = 'advanced' | 'idle' | 'busy' | 'waiting' | 'failed';
/** A job hands over to a fresh one after this many batches, so one busy store cannot hold a worker forever. */
const MAX_BATCHES_PER_JOB = 20;

/**
 * Runs the durable consumers over one store's log, on the job queue: every append enqueues (or
 * keeps) one `events.dispatch` job per store in its transaction. Each consumer keeps one cursor row
 * per store, locked with SKIP LOCKED while an event is handled, so any number of processes can run
 * dispatch jobs and each event is handled once per consumer. A failing event is retried with backoff
 * and, after `maxAttempts`, parked (visible to managers) so it blocks nothing.
 */
export class DurableDispatcher {
  constructor(
    private readonly orm: MikroORM,
    private readonly consumers: readonly DurableConsumer[],
    private readonly queue: JobQueue,
    private readonly clock: Clock,
    private readonly opts: DispatchOptions,
  ) {}

  get names(): string[] {
    return this.consumers.map((c) => c.name);
  }

  /** The task the job queue runs for `events.dispatch`. */
  async dispatch(storeId: number): Promise<void> {
    let more = false;
    for (const consumer of this.consumers) {
      let batches = 0;
      for (;;) {
        const step = await this.step(consumer, storeId);
        if (step !== 'advanced') break;
        if (++batches >= MAX_BATCHES_PER_JOB) {
          more = true;
          break;
        }
      }
    }
    if (more) await this.schedule(storeId, new Date(), `${DISPATCH_TASK}:${storeId}:more`);
  }

  /** On start: one dispatch per store, for whatever was appended while no process ran. */
  async catchUp(): Promise<void> {
    if (!this.consumers.length) return;
    const em = this.orm.em.fork();
    const stores = await em.execute<{ id: number }[]>('select id from store');
    for (const { id } of stores) await this.schedule(id, new Date(), `${DISPATCH_TASK}:${id}:start`);
  }

  /** Events not yet handled, per consumer, over all stores (for /metrics) or in one store (for managers). */
  async lag(storeId?: number): Promise<Record<string, number>> {
    const em = this.orm.em.fork();
    const rows = await em.execute<{ consumer: string; lag: string }[]>(
      `select c.name as consumer, coalesce(sum(s.event_seq - coalesce(k.seq, 0)), 0) as lag
         from json_array_elements_text(?::json) as c(name) cross join store s
         left join event_consumer_cursor k on k.consumer = c.name and k.store_id = s.id
        ${storeId === undefined ? '' : 'where s.id = ?'}
        group by c.name`,
      [JSON.stringify(this.names), ...(storeId === undefined ? [] : [storeId])],
    );
    return Object.fromEntries(rows.map((r) => [r.consumer, Number(r.lag)]));
  }

  /**
   * Handles up to `size` events after the consumer's cursor in one transaction, and moves the cursor
   * past them in the same transaction. A handler that throws rolls the whole batch back; the batch
   * is then retried one event at a time, so the events before the failing one commit and the
   * failure is recorded against the right event.
   */
  private async step(consumer: DurableConsumer, storeId: number, size = this.opts.batch): Promise<Step> {
    const em = this.orm.em.fork();
    try {
      return await em.transactional(async (tx): Promise<Step> => {
        await tx.execute('insert into event_consumer_cursor (consumer, store_id, seq, attempts) values (?, ?, 0, 0) on conflict do nothing', [consumer.name, storeId]);
        const [cursor] = await tx.execute<{ seq: number; retry_at: Date | null }[]>(
          'select seq, retry_at from event_consumer_cursor where consumer = ? and store_id = ? for update skip locked',
          [consumer.name, storeId],
        );
        if (!cursor) return 'busy'; // another process is handling this consumer's next events
        if (cursor.retry_at && new Date(cursor.retry_at) > this.clock.now()) return 'waiting';
        const events = await tx.find(DomainEvent, { store: storeId, seq: { $gt: cursor.seq } }, { orderBy: { seq: 'asc' }, limit: size });
        if (!events.length) return 'idle';
        const actor = systemActor(storeId, `consumer:${consumer.name}`);
        for (const event of events) {
          if (consumer.aggregateTypes && !consumer.aggregateTypes.includes(event.aggregateType)) continue;
          await consumer.handle(event, { tx, actor });
          await tx.flush();
        }
        await tx.execute('update event_consumer_cursor set seq = ?, attempts = 0, last_error = null, retry_at = null where consumer = ? and store_id = ?', [
          events.at(-1)!.seq,
          consumer.name,
          storeId,
        ]);
        return 'advanced';
      });
    } catch (e) {
      if (size > 1) return this.step(consumer, storeId, 1);
      await this.recordFailure(consumer, storeId, e);
      return 'failed';
    }
  }

  private async recordFailure(consumer: DurableConsumer, storeId: number, error: unknown): Promise<void> {
    const message = (error instanceof Error ? `${error.name}: ${error.message}` : String(error)).slice(0, 2000);
    await this.orm.em.fork().transactional(async (tx) => {
      const [cursor] = await tx.execute<{ seq: number; attempts: number }[]>('select seq, attempts from event_consumer_cursor where consumer = ? and store_id = ? for update', [
        consumer.name,
        storeId,
      ]);
      if (!cursor) return;
      const attempts = cursor.attempts + 1;
      const now = this.clock.now();
      if (attempts >= this.opts.maxAttempts) {
        await tx.execute('insert into parked_event (consumer, store_id, seq, attempts, error, parked_at) values (?, ?, ?, ?, ?, ?)', [
          consumer.name,
          storeId,
          cursor.seq + 1,
          attempts,
          message,
          now,
        ]);
        await tx.execute('update event_consumer_cursor set seq = seq + 1, attempts = 0, last_error = null, retry_at = null where consumer = ? and store_id = ?', [consumer.name, storeId]);
        await this.schedule(storeId, now, `${DISPATCH_TASK}:${storeId}:${consumer.name}:after-park`, tx);
        return;
      }
      const retryAt = new Date(now.getTime() + Math.min(this.opts.retryBaseMs * 2 ** (attempts - 1), 600_000));
      await tx.execute('update event_consumer_cursor set attempts = ?, last_error = ?, retry_at = ? where consumer = ? and store_id = ?', [
        attempts,
        message,
        retryAt,
        consumer.name,
        storeId,
      ]);
      await this.schedule(storeId, retryAt, `${DISPATCH_TASK}:${storeId}:${consumer.name}:retry`, tx);
    });
  }

  private async schedule(storeId: number, runAt: Date, key: string, em: EntityManager = this.orm.em.fork()): Promise<void> {
    await this.queue.schedule(em, DISPATCH_TASK, { storeId }, { runAt, key });
  }

  /** Runs a consumer on one parked event again now; on success the event is marked handled. */
  async retryParked(em: EntityManager, parkedId: number, storeId: number): Promise<'RETRIED' | 'NOT_FOUND' | { error: string }> {
    const [parked] = await em.execute<{ consumer: string; seq: number }[]>('select consumer, seq from parked_event where id = ? and store_id = ? and resolved_at is null', [parkedId, storeId]);
    const consumer = parked && this.consumers.find((c) => c.name === parked.consumer);
    if (!parked || !consumer) return 'NOT_FOUND';
    try {
      await em.fork().transactional(async (tx) => {
        const locked = await tx.execute('select id from parked_event where id = ? and resolved_at is null for update', [parkedId]);
        if (!locked.length) throw new Error('already resolved');
        const event = await tx.findOneOrFail(DomainEvent, { store: storeId, seq: parked.seq });
        await consumer.handle(event, { tx, actor: systemActor(storeId, `consumer:${consumer.name}`) });
        await tx.flush();
        await tx.execute(`update parked_event set resolved_at = ?, resolution = 'RETRIED' where id = ?`, [this.clock.now(), parkedId]);
      });
      return 'RETRIED';
    } catch (e) {
      return { error: (e instanceof Error ? e.message : String(e)).slice(0, 500) };
    }
  }
}
