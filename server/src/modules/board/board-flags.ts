import { registerEnumType } from 'type-graphql';
import { ValueClass } from '../customer/customer-type.js';
import { HoldReason, IN_WORKSHOP_STATUSES, JobPayer, WorkOrderSource, WorkOrderStatus as S } from '../work-order/work-order.enums.js';

export enum BoardFlag {
  WAITING_PARTS = 'WAITING_PARTS',
  WAITING_APPROVAL = 'WAITING_APPROVAL',
  REWORK = 'REWORK',
  STALE = 'STALE',
  OVERDUE = 'OVERDUE',
  VIP = 'VIP',
  WARRANTY = 'WARRANTY',
  CUSTOMER_WAITING = 'CUSTOMER_WAITING',
  APPOINTMENT = 'APPOINTMENT',
}
registerEnumType(BoardFlag, { name: 'BoardFlag' });

/** Statuses before the car is ready: a promise not kept by now is overdue. */
const NOT_YET_READY: readonly S[] = [S.DRAFT, S.AWAITING_APPROVAL, S.QUEUED, S.IN_PROGRESS, S.ON_HOLD, S.QUALITY_CHECK, S.WASHING];

export interface FlagFacts {
  status: S;
  holdReason?: HoldReason | null;
  reworkCount: number;
  updatedAt: Date;
  promisedAt?: Date | null;
  valueClass?: ValueClass | null;
  payers: readonly JobPayer[];
  customerWaiting: boolean;
  source: WorkOrderSource;
}

/** Pure: the flags of a card at `now` (R-WO-6 staleness after `staleAfterMinutes`). */
export function boardFlags(f: FlagFacts, now: Date, staleAfterMinutes: number): BoardFlag[] {
  const flags: BoardFlag[] = [];
  if (f.status === S.ON_HOLD && f.holdReason === HoldReason.WAITING_PARTS) flags.push(BoardFlag.WAITING_PARTS);
  if (f.status === S.AWAITING_APPROVAL || (f.status === S.ON_HOLD && f.holdReason === HoldReason.WAITING_APPROVAL)) flags.push(BoardFlag.WAITING_APPROVAL);
  if (f.reworkCount > 0 && NOT_YET_READY.includes(f.status)) flags.push(BoardFlag.REWORK);
  if (IN_WORKSHOP_STATUSES.includes(f.status) && now.getTime() - f.updatedAt.getTime() >= staleAfterMinutes * 60_000) flags.push(BoardFlag.STALE);
  if (f.promisedAt && NOT_YET_READY.includes(f.status) && now > f.promisedAt) flags.push(BoardFlag.OVERDUE);
  if (f.valueClass === ValueClass.A) flags.push(BoardFlag.VIP);
  if (f.payers.includes(JobPayer.WARRANTY)) flags.push(BoardFlag.WARRANTY);
  if (f.customerWaiting) flags.push(BoardFlag.CUSTOMER_WAITING);
  if (f.source === WorkOrderSource.APPOINTMENT) flags.push(BoardFlag.APPOINTMENT);
  return flags;
}

export const minutesBetween = (from: Date, to: Date) => Math.max(0, Math.floor((to.getTime() - from.getTime()) / 60_000));
