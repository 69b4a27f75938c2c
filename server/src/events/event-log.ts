import type { EntityManager } from '@mikro-orm/postgresql';
import { type Actor, actorRef } from '../shared/actor.js';
import type { Clock } from '../shared/clock.js';
import { ok, refuse, type Refusal, type Result } from '../shared/result.js';

/** NOTIFY channel: payload `<storeId>:<last seq>`, sent (by PostgreSQL) only when the transaction commits. */
export const EVENTS_CHANNEL = 'workbay_events';
/** The job-queue task that runs the durable consumers of one store's log. */
export const DISPATCH_TASK = 'events.dispatch';

/** The last sequence number of a store's log (0 for an unknown store). */
export async function logHead(em: EntityManager, storeId: number): Promise<number> {
  const rows = await em.execute<{ event_seq: string }[]>('select event_seq from store where id = ?', [storeId]);
  return rows.length ? Number(rows[0].event_seq) : 0;
}

/** What happened, as a change reports it; recorded against the changed aggregate unless another is named. */
export interface Fact {
  kind: string;
  data?: Record<string, unknown>;
  aggregate?: { type: string; id: number };
}

/** Anything the log records events for: an id, a store, and a version for optimistic locking. */
export interface Aggregate {
  id: number;
  version: number;
  store: { id: number };
}

export interface ChangeSpec<A extends Aggregate> {
  /** Aggregate type as recorded in the log, e.g. `WorkOrder`. */
  type: string;
  storeId: number;
  /** Loads the aggregate fresh (after the store lock is held). */
  load(tx: EntityManager): Promise<A | null>;
  notFound: Refusal;
  expectedVersion?: number | null;
  versionField?: string[];
  /** Checks the rules against the fresh aggregate and changes it: refusals (nothing is written) or what happened. */
  apply(tx: EntityManager, aggregate: A, at: Date): Promise<Refusal[] | Fact | Fact[]>;
}

export interface CreateSpec<A extends Aggregate> {
  type: string;
  storeId: number;
  /** Creates the aggregate (persisted, not yet flushed) under the store lock, or refuses. */
  build(tx: EntityManager, at: Date): Promise<Refusal[] | { aggregate: A; facts: Fact[] }>;
}

/**
 * The one way to change an aggregate and record what happened (R-WO-2): take the store's event lock,
 * load fresh, check the version, apply the rules, write, append the events — one transaction. The
 * store lock serialises a store's changes, so sequence numbers commit in order and without gaps and
 * every check sees the latest state. Nothing else writes the log.
 */
export class EventLog {
  constructor(readonly clock: Clock) {}

  async change<A extends Aggregate>(em: EntityManager, actor: Actor, spec: ChangeSpec<A>): Promise<Result<A>> {
    return this.inTransaction(em, spec.storeId, async (tx, at) => {
      const aggregate = await spec.load(tx);
      if (!aggregate) return [spec.notFound];
      if (spec.expectedVersion != null && spec.expectedVersion !== aggregate.version) {
        return [{ code: 'STALE_VERSION', field: spec.versionField ?? ['input', 'expectedVersion'], params: { current: aggregate.version } }];
      }
      const outcome = await spec.apply(tx, aggregate, at);
      const list = Array.isArray(outcome) ? outcome : [outcome];
      if (list.length && isRefusal(list[0])) return list as Refusal[];
      const facts = list as Fact[];
      aggregate.version += 1;
      if ('updatedAt' in aggregate) (aggregate as { updatedAt: Date }).updatedAt = at;
      await tx.flush();
      await this.append(tx, spec.storeId, actor, at, facts.map((f) => this.draft(spec.type, aggregate, f)));
      return aggregate;
    });
  }

  async create<A extends Aggregate>(em: EntityManager, actor: Actor, spec: CreateSpec<A>): Promise<Result<A>> {
    return this.inTransaction(em, spec.storeId, async (tx, at) => {
      const built = await spec.build(tx, at);
      if (Array.isArray(built)) return built;
      await tx.flush();
      await this.append(tx, spec.storeId, actor, at, built.facts.map((f) => this.draft(spec.type, built.aggregate, f)));
      return built.aggregate;
    });
  }

  private draft(type: string, aggregate: Aggregate, fact: Fact) {
    const own = !fact.aggregate || (fact.aggregate.type === type && fact.aggregate.id === aggregate.id);
    return {
      type: fact.aggregate?.type ?? type,
      id: fact.aggregate?.id ?? aggregate.id,
      kind: fact.kind,
      data: own ? { ...fact.data, version: aggregate.version } : (fact.data ?? {}),
    };
  }

  private async inTransaction<A>(em: EntityManager, storeId: number, work: (tx: EntityManager, at: Date) => Promise<Refusal[] | A>): Promise<Result<A>> {
    try {
      return await em.transactional(async (tx) => {
        const locked = await tx.execute('select id from store where id = ? for update', [storeId]);
        if (!locked.length) throw new Error(`store ${storeId} not found`);
        const outcome = await work(tx, this.clock.now());
        if (Array.isArray(outcome)) throw new RolledBack(outcome);
        return ok(outcome);
      });
    } catch (e) {
      if (e instanceof RolledBack) return refuse(...e.refusals);
      throw e;
    }
  }

  /** Appends under the store lock held by the caller; the NOTIFY and the dispatch job commit with it. */
  private async append(tx: EntityManager, storeId: number, actor: Actor, at: Date, events: { type: string; id: number; kind: string; data: Record<string, unknown> }[]) {
    if (!events.length) throw new Error('a change must record at least one event');
    const who = actorRef(actor);
    // One statement per event: take the next sequence number and insert. The last one also sends the
    // NOTIFY and, for the durable consumers, keeps one dispatch job per store queued (both commit with
    // the transaction or not at all).
    for (const [i, e] of events.entries()) {
      const last = i === events.length - 1;
      await tx.execute(
        `with next as (update store set event_seq = event_seq + 1 where id = ? returning event_seq),
              ins as (insert into domain_event (store_id, seq, aggregate_type, aggregate_id, kind, data, actor_kind, actor_id, at)
                      select ?, event_seq, ?, ?, ?, ?::jsonb, ?, ?, ? from next returning seq)
         select ${last ? `pg_notify(?, ? || ':' || seq)` : 'seq'}${last ? `, graphile_worker.add_job(?, json_build_object('storeId', ?::int), job_key := ?, job_key_mode := 'preserve_run_at')` : ''} from ins`,
        [
          storeId,
          storeId,
          e.type,
          e.id,
          e.kind,
          JSON.stringify(e.data),
          who.kind,
          who.id,
          at,
          ...(last ? [EVENTS_CHANNEL, String(storeId)] : []),
          ...(last ? [DISPATCH_TASK, storeId, `${DISPATCH_TASK}:${storeId}`] : []),
        ],
      );
    }
  }
}

function isRefusal(x: unknown): x is Refusal {
  return typeof x === 'object' && x !== null && 'code' in x && !('kind' in x);
}

/** Rolls the transaction back and carries the refusals out of it. */
class RolledBack extends Error {
  constructor(readonly refusals: Refusal[]) {
    super('refused');
  }
}
