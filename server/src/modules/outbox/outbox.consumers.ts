import type { EntityManager } from '@mikro-orm/postgresql';
import type { DomainEvent } from '../../events/domain-event.entity.js';
import type { Actor } from '../../shared/actor.js';
import { localShort } from '../../shared/zoned-time.js';
import { Store } from '../store/store.entity.js';
import { Vehicle } from '../vehicle/vehicle.entity.js';
import { WorkOrder } from '../work-order/work-order.entity.js';
import { WorkOrderEventKind } from '../work-order/work-order.enums.js';
import { DELAYABLE } from '../work-order/work-order.process.js';
import { MessagePurpose } from './outbox.enums.js';
import type { OutboxService } from './outbox.service.js';

/** A delay older than this is news no more (a consumer added to a running store starts at the log's beginning). */
const STALE_AFTER_MS = 24 * 3_600_000;

/**
 * R-WO-7: a delay reported on a work order (its DELAYED event, the one record of it) becomes a
 * SERVICE message to the customer with the reason and the remedy. Keyed by the event's sequence
 * number, so the consumer seeing the event again plans nothing more.
 */
export async function onWorkOrderDelayed(outbox: OutboxService, tx: EntityManager, actor: Actor, event: DomainEvent, now: Date): Promise<void> {
  if (event.kind !== WorkOrderEventKind.DELAYED || now.getTime() - event.at.getTime() > STALE_AFTER_MS) return;
  const wo = await tx.findOne(WorkOrder, { id: event.aggregateId });
  // The car is ready, delivered or cancelled: the delay is moot.
  if (!wo || !DELAYABLE.includes(wo.status)) return;
  const store = await tx.findOneOrFail(Store, wo.store.id);
  const vehicle = await tx.findOneOrFail(Vehicle, wo.vehicle.id);
  const promisedAt = typeof event.data.promisedAt === 'string' ? new Date(event.data.promisedAt) : wo.promisedAt;
  const result = await outbox.enqueue(tx, actor, {
    storeId: store.id,
    customerId: wo.customer.id,
    vehicleId: vehicle.id,
    template: 'WORK_ORDER_DELAY',
    variables: {
      plate: vehicle.plate,
      number: wo.number,
      reason: String(event.data.reason ?? ''),
      remedy: typeof event.data.remedy === 'string' ? event.data.remedy : null,
      promisedAt: promisedAt ? localShort(promisedAt, store.timezone) : null,
    },
    scheduledAt: event.at,
    purpose: MessagePurpose.SERVICE,
    idempotencyKey: `wo-delay:${event.seq}`,
  });
  if (!result.ok) throw new Error(`R-WO-7 delay message for work order ${wo.id}: ${result.errors[0].code}`);
}
