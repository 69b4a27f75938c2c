import { type EntityManager, UniqueConstraintViolationException } from '@mikro-orm/postgresql';
import { AuditLog } from './audit-log.entity.js';

export function audit(em: EntityManager, entry: { storeId: number; actorId: number | null; action: string; entity: string; entityId: number; data?: Record<string, unknown> }) {
  em.create(AuditLog, {
    store: entry.storeId,
    actor: entry.actorId,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId,
    data: entry.data ?? null,
    at: new Date(),
  });
}

/**
 * Inserts what `build` creates and its audit row in one transaction. Returns null when a unique index
 * refuses the insert (a concurrent duplicate that passed the service's own check).
 */
export async function createAudited<T extends { id: number }>(
  em: EntityManager,
  actor: { storeId: number; staffId: number },
  what: { action: string; entity: string },
  build: (tx: EntityManager) => T,
  afterInsert?: (tx: EntityManager, created: T) => Promise<void>,
): Promise<T | null> {
  try {
    return await em.transactional(async (tx) => {
      const created = build(tx);
      await tx.flush();
      await afterInsert?.(tx, created);
      audit(tx, { storeId: actor.storeId, actorId: actor.staffId, action: what.action, entity: what.entity, entityId: created.id });
      return created;
    });
  } catch (e) {
    if (e instanceof UniqueConstraintViolationException) return null;
    throw e;
  }
}
