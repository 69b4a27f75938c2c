import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Bay } from '../store/bay.entity.js';
import { Store } from '../store/store.entity.js';
import { WorkOrder } from '../work-order/work-order.entity.js';
import { QualityLevel, WorkOrderStatus } from '../work-order/work-order.enums.js';
import { BoardFlag } from './board-flags.js';

@ObjectType({ description: 'A work order as the wall display shows it.' })
export class BoardCard {
  @Field(() => WorkOrder, { description: 'The work order.' })
  workOrder!: WorkOrder;

  @Field(() => [BoardFlag], { description: 'Flags as of generatedAt; the time-based ones turn on at staleAt and overdueAt.' })
  flags!: BoardFlag[];

  @Field(() => Int, { description: 'Minutes since the order entered its current status.' })
  minutesInStatus!: number;

  @Field(() => Int, { description: 'Minutes since the last recorded change (R-WO-6: STALE at 30).' })
  minutesSinceUpdate!: number;

  @Field(() => Float, { description: 'Sum of the jobs\' standard hours, to compare with time spent.' })
  standardHours!: number;

  @Field(() => Float, { description: 'R-WO-4: hours clocked on the jobs as of the card’s time (every technician, open clockings included, 2 decimals), next to standardHours. It grows by clockedOn hours per hour until the next event.' })
  clockedHours!: number;

  @Field(() => Int, { description: 'R-WO-4: clockings open on the jobs now (technicians at work on the car).' })
  clockedOn!: number;

  @Field(() => QualityLevel, { nullable: true, description: 'R-QC-1: in QUALITY_CHECK, the highest level passed in the current round (SELF, MUTUAL, FINAL); null before the self-check and outside quality check.' })
  qualityLevel!: QualityLevel | null;

  @Field(() => Int, { nullable: true, description: 'R-WO-6: the percentage of the latest progress note (0–100); null before the first.' })
  progressPercent!: number | null;

  @Field(() => String, { nullable: true, description: 'R-WO-6: the latest progress note; null before the first.' })
  progressNote!: string | null;

  @Field(() => Date, { nullable: true, description: 'R-WO-6: when progress was last reported; staleAt counts from it too.' })
  lastProgressAt!: Date | null;

  @Field(() => Date, { description: 'When the order entered its current status.' })
  statusSince!: Date;

  @Field(() => Date, { description: 'When the order last changed.' })
  updatedAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When the card turns STALE (no recorded change for the store’s staleAfterMinutes): STALE while now ≥ staleAt. Null when it cannot (not in the workshop).' })
  staleAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the card turns OVERDUE (the promised time, while the car is not ready): OVERDUE while now > overdueAt. Null when it cannot.' })
  overdueAt!: Date | null;
}

@ObjectType({ description: "Today's promised deliveries (store time zone) and how many of them are done (READY or DELIVERED)." })
export class BoardDeliveries {
  @Field(() => Int, { description: 'Orders promised for today (store time zone).' })
  dueToday!: number;

  @Field(() => Int, { description: 'Of those, how many are READY or DELIVERED.' })
  doneToday!: number;
}

@ObjectType({ description: 'The workshop floor as the wall shows it, at one cursor.' })
export class Board {
  @Field(() => String, { description: 'Cursor of the newest event included; pass it as `after` to boardEvents.' })
  cursor!: string;

  @Field(() => Date, { description: 'Server time of the snapshot (the wall corrects its clock by it).' })
  generatedAt!: Date;

  @Field(() => Store, { description: 'The store.' })
  store!: Store;

  @Field(() => Int, { description: 'R-WO-6 staleness threshold of this store, in minutes.' })
  staleAfterMinutes!: number;

  @Field(() => [Bay], { description: 'The bays, in floor order.' })
  bays!: Bay[];

  @Field(() => [BoardCard], { description: 'Every order on the floor (DRAFT to READY).' })
  cards!: BoardCard[];

  @Field(() => BoardDeliveries, { description: 'Today’s promised deliveries.' })
  deliveries!: BoardDeliveries;
}

export enum BoardEventKind {
  UPSERT = 'UPSERT',
  REMOVE = 'REMOVE',
  RESET = 'RESET',
}
registerEnumType(BoardEventKind, {
  name: 'BoardEventKind',
  description: 'What a board event asks the wall to do.',
  valuesConfig: {
    UPSERT: { description: 'Put this card on the wall (or replace an older version of it).' },
    REMOVE: { description: 'Take the order off the wall (delivered or cancelled).' },
    RESET: { description: 'Too far behind or unknown cursor: reload the board snapshot.' },
  },
});

@ObjectType({ description: 'One change of the board: a card to put up or take down, or a RESET.' })
export class BoardEvent {
  @Field(() => String, { description: 'Position of this event in the store’s log; resume with `after: cursor`.' })
  cursor!: string;

  @Field(() => BoardEventKind, { description: 'What the wall should do with it.' })
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
