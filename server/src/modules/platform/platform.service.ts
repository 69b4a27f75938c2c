import type { EntityManager } from '@mikro-orm/postgresql';
import { ParkedEvent } from '../../events/consumer-cursor.entity.js';
import { DomainEvent } from '../../events/domain-event.entity.js';
import type { DurableDispatcher } from '../../events/durable-consumers.js';
import type { StaffActor } from '../../shared/actor.js';
import { notFound, ok, refuse, refusal, type Result } from '../../shared/result.js';
import { registerMessages } from '../../i18n/messages.js';

registerMessages({
  RETRY_FAILED: { zh: '重试仍然失败：{error}', en: 'The retry failed again: {error}' },
});

export interface ParkedRow {
  id: number;
  consumer: string;
  seq: number;
  aggregateType: string;
  kind: string;
  attempts: number;
  error: string;
  parkedAt: Date;
  resolvedAt: Date | null;
}

/** What managers see of the event consumers: how far behind they are and what was parked. */
export class PlatformService {
  constructor(private readonly dispatcher: DurableDispatcher) {}

  async parkedEvents(em: EntityManager, actor: StaffActor, includeResolved: boolean): Promise<ParkedRow[]> {
    const parked = await em.find(ParkedEvent, { storeId: actor.storeId, ...(includeResolved ? {} : { resolvedAt: null }) }, { orderBy: { id: 'desc' }, limit: 200 });
    const events = parked.length ? await em.find(DomainEvent, { store: actor.storeId, seq: { $in: parked.map((p) => p.seq) } }, { fields: ['seq', 'aggregateType', 'kind'] }) : [];
    return parked.map((p) => {
      const event = events.find((e) => e.seq === p.seq);
      return { ...p, aggregateType: event?.aggregateType ?? '', kind: event?.kind ?? '', resolvedAt: p.resolvedAt ?? null };
    });
  }

  async consumers(em: EntityManager, actor: StaffActor): Promise<{ name: string; lag: number; parked: number }[]> {
    const [lag, parked] = await Promise.all([
      this.dispatcher.lag(actor.storeId),
      em.execute<{ consumer: string; n: string }[]>('select consumer, count(*) as n from parked_event where store_id = ? and resolved_at is null group by consumer', [actor.storeId]),
    ]);
    return this.dispatcher.names.map((name) => ({ name, lag: lag[name] ?? 0, parked: Number(parked.find((p) => p.consumer === name)?.n ?? 0) }));
  }

  async retryParked(em: EntityManager, actor: StaffActor, id: number): Promise<Result<ParkedRow>> {
    const outcome = await this.dispatcher.retryParked(em, id, actor.storeId);
    if (outcome === 'NOT_FOUND') return refuse(notFound('ParkedEvent'));
    if (outcome !== 'RETRIED') return refuse(refusal('RETRY_FAILED', ['input', 'id'], { error: outcome.error }));
    const [row] = (await this.parkedEvents(em.fork({ clear: true }), actor, true)).filter((r) => r.id === id);
    return ok(row);
  }
}
