import { Field, Int, ObjectType } from 'type-graphql';
import type { DomainEvent } from '../../events/domain-event.entity.js';
import type { ActorKind } from '../../shared/actor.js';
import { HoldReason, WorkOrderEventKind, WorkOrderStatus } from './work-order.enums.js';

export const WORK_ORDER = 'WorkOrder';

/** The facts a work-order event carries in the log's `data`. */
export interface WorkOrderEventData {
  from?: WorkOrderStatus | null;
  to: WorkOrderStatus;
  reason?: string | null;
  holdReason?: HoldReason | null;
  version: number;
  [more: string]: unknown;
}

/**
 * R-WO-2: one entry of a work order's timeline, read from the domain event log. `seq` is the
 * store's gap-free sequence number (the board cursor).
 */
@ObjectType({ description: "One entry of a work order's timeline (R-WO-2). Never edited." })
export class WorkOrderEvent {
  storeId!: number;
  seq!: number;
  workOrderId!: number;
  actorKind!: ActorKind;
  actorId!: number | null;
  data!: Record<string, unknown>;

  @Field(() => WorkOrderEventKind)
  kind!: WorkOrderEventKind;

  @Field(() => WorkOrderStatus, { name: 'from', nullable: true })
  fromStatus!: WorkOrderStatus | null;

  @Field(() => WorkOrderStatus, { name: 'to' })
  toStatus!: WorkOrderStatus;

  @Field(() => HoldReason, { nullable: true })
  holdReason!: HoldReason | null;

  @Field(() => String, { nullable: true })
  reason!: string | null;

  @Field(() => Int, { description: 'Work-order version after this event.' })
  version!: number;

  @Field(() => Date)
  at!: Date;

  static fromLog(row: DomainEvent): WorkOrderEvent {
    const data = row.data as WorkOrderEventData;
    return Object.assign(new WorkOrderEvent(), {
      storeId: row.store.id,
      seq: row.seq,
      workOrderId: row.aggregateId,
      actorKind: row.actorKind,
      actorId: row.actorId ?? null,
      data: row.data,
      kind: row.kind as WorkOrderEventKind,
      fromStatus: data.from ?? null,
      toStatus: data.to,
      holdReason: data.holdReason ?? null,
      reason: data.reason ?? null,
      version: data.version,
      at: row.at,
    });
  }
}
