import type { EntityManager } from '@mikro-orm/postgresql';
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
