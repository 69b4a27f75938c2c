import type { EntityManager } from '@mikro-orm/postgresql';
import { WorkOrderEvent } from './work-order-event.entity.js';
import type { WorkOrder } from './work-order.entity.js';
import { type HoldReason, WorkOrderEventKind, type WorkOrderStatus } from './work-order.enums.js';

export const BOARD_CHANNEL = 'workbay_board';

/**
 * Takes the store's event lock and returns the next event sequence number. Call it first in every
 * transaction that changes a work order: the row lock serialises those transactions per store, so
 * sequence numbers commit in order without gaps and checks made after it see the latest state.
 */
export async function lockStoreForEvent(tx: EntityManager, storeId: number): Promise<number> {
  const rows = await tx.execute<{ event_seq: string }[]>('update store set event_seq = event_seq + 1 where id = ? returning event_seq', [storeId]);
  if (!rows.length) throw new Error(`store ${storeId} not found`);
  return Number(rows[0].event_seq);
}

export interface EventFacts {
  kind: WorkOrderEventKind;
  from?: WorkOrderStatus | null;
  reason?: string | null;
  holdReason?: HoldReason | null;
  actorId: number | null;
  data?: Record<string, unknown>;
  at?: Date;
}

/**
 * R-WO-2: records the change as the order's next event (same transaction) and bumps its version.
 * PostgreSQL delivers the NOTIFY only if and when the transaction commits.
 */
export async function recordEvent(tx: EntityManager, workOrder: WorkOrder, seq: number, facts: EventFacts): Promise<WorkOrderEvent> {
  const at = facts.at ?? new Date();
  if (facts.kind !== WorkOrderEventKind.CREATED) workOrder.version += 1;
  workOrder.updatedAt = at;
  const event = tx.create(WorkOrderEvent, {
    store: workOrder.store,
    seq,
    workOrder,
    kind: facts.kind,
    fromStatus: facts.from ?? null,
    toStatus: workOrder.status,
    holdReason: facts.holdReason ?? null,
    reason: facts.reason ?? null,
    actor: facts.actorId,
    version: workOrder.version,
    data: facts.data ?? null,
    at,
  });
  await tx.flush();
  await tx.execute('select pg_notify(?, ?)', [BOARD_CHANNEL, `${workOrder.store.id}:${seq}`]);
  return event;
}
