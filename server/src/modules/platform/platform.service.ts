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
    const rows = await em.execute<{ name: string; lag: string; parked: string }[]>(
      `select c.name,
              (select event_seq from store where id = ?) - coalesce((select seq from event_consumer_cursor k where k.consumer = c.name and k.store_id = ?), 0) as lag,
              (select count(*) from parked_event p where p.consumer = c.name and p.store_id = ? and p.resolved_at is null) as parked
         from json_array_elements_text(?::json) as c(name)`,
      [actor.storeId, actor.storeId, actor.storeId, JSON.stringify(this.dispatcher.names)],
    );
    return rows.map((r) => ({ name: r.name, lag: Number(r.lag), parked: Number(r.parked) }));
  }

  async retryParked(em: EntityManager, actor: StaffActor, id: number): Promise<Result<ParkedRow>> {
    const outcome = await this.dispatcher.retryParked(em, id, actor.storeId);
    if (outcome === 'NOT_FOUND') return refuse(notFound('ParkedEvent'));
    if (outcome !== 'RETRIED') return refuse(refusal('RETRY_FAILED', ['input', 'id'], { error: outcome.error }));
    const [row] = (await this.parkedEvents(em.fork({ clear: true }), actor, true)).filter((r) => r.id === id);
    return ok(row);
  }
}
