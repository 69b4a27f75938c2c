import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { DomainEvent } from './domain-event.entity.js';

const loaders = new WeakMap<EntityManager, Map<string, DataLoader<number, DomainEvent[]>>>();

/**
 * The events of one aggregate, oldest first. Calls made while resolving one response (one forked
 * EntityManager) are batched into one statement per aggregate type.
 */
export function eventsOf(em: EntityManager, aggregateType: string, aggregateId: number): Promise<DomainEvent[]> {
  let byType = loaders.get(em);
  if (!byType) loaders.set(em, (byType = new Map()));
  let loader = byType.get(aggregateType);
  if (!loader) {
    loader = new DataLoader<number, DomainEvent[]>(async (ids) => {
      const rows = await em.find(DomainEvent, { aggregateType, aggregateId: { $in: [...ids] } }, { orderBy: { seq: 'asc' } });
      return ids.map((id) => rows.filter((r) => r.aggregateId === id));
    });
    byType.set(aggregateType, loader);
  }
  return loader.load(aggregateId);
}
