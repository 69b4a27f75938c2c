import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Bay } from '../store/bay.entity.js';
import { Store } from '../store/store.entity.js';
import { WorkOrder } from '../work-order/work-order.entity.js';
import { WorkOrderStatus } from '../work-order/work-order.enums.js';
import { BoardFlag } from './board-flags.js';

@ObjectType({ description: 'A work order as the wall display shows it.' })
export class BoardCard {
  @Field(() => WorkOrder)
  workOrder!: WorkOrder;

  @Field(() => [BoardFlag])
  flags!: BoardFlag[];

  @Field(() => Int)
  minutesInStatus!: number;

  @Field(() => Int, { description: 'Minutes since the last recorded change (R-WO-6: STALE at 30).' })
  minutesSinceUpdate!: number;

  @Field(() => Float, { description: 'Sum of the jobs\' standard hours, to compare with time spent.' })
  standardHours!: number;

  @Field(() => Date)
  statusSince!: Date;

  @Field(() => Date)
  updatedAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When the card turns STALE (no recorded change for the store’s staleAfterMinutes): STALE while now ≥ staleAt. Null when it cannot (not in the workshop).' })
  staleAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the card turns OVERDUE (the promised time, while the car is not ready): OVERDUE while now > overdueAt. Null when it cannot.' })
  overdueAt!: Date | null;
}

@ObjectType({ description: "Today's promised deliveries (store time zone) and how many of them are done (READY or DELIVERED)." })
export class BoardDeliveries {
  @Field(() => Int)
  dueToday!: number;

  @Field(() => Int)
  doneToday!: number;
}

@ObjectType()
export class Board {
  @Field(() => String, { description: 'Cursor of the newest event included; pass it as `after` to boardEvents.' })
  cursor!: string;

  @Field(() => Date)
  generatedAt!: Date;

  @Field(() => Store)
  store!: Store;

  @Field(() => Int, { description: 'R-WO-6 staleness threshold of this store, in minutes.' })
  staleAfterMinutes!: number;

  @Field(() => [Bay])
  bays!: Bay[];

  @Field(() => [BoardCard])
  cards!: BoardCard[];

  @Field(() => BoardDeliveries)
  deliveries!: BoardDeliveries;
}

export enum BoardEventKind {
  UPSERT = 'UPSERT',
  REMOVE = 'REMOVE',
  RESET = 'RESET',
}
registerEnumType(BoardEventKind, { name: 'BoardEventKind' });

@ObjectType()
export class BoardEvent {
  @Field(() => String)
  cursor!: string;

  @Field(() => BoardEventKind)
  kind!: BoardEventKind;

  @Field(() => ID, { nullable: true, description: 'Null for RESET.' })
  workOrderId?: string | null;

  @Field(() => BoardCard, { nullable: true, description: 'The card as it is now; null for REMOVE and RESET.' })
  card?: BoardCard | null;

  @Field(() => WorkOrderStatus, { nullable: true, description: 'The order\'s status now (e.g. DELIVERED or CANCELLED for REMOVE); null for RESET.' })
  status?: WorkOrderStatus | null;

  @Field(() => BoardDeliveries, { nullable: true, description: "Today's delivery counts after this event; null for RESET." })
  deliveries?: BoardDeliveries | null;
}
