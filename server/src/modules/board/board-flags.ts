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
registerEnumType(BoardFlag, {
  name: 'BoardFlag',
  description: 'A mark on a wall card.',
  valuesConfig: {
    WAITING_PARTS: { description: 'On hold for parts, or a job waits for a purchase request raised for it (R-WO-5).' },
    WAITING_APPROVAL: { description: 'Waiting for the customer’s approval: of the estimate, or of supplemental work (R-EST-6).' },
    REWORK: { description: 'Failed a quality check at least once (R-QC-2).' },
    STALE: { description: 'No recorded change for the store’s staleAfterMinutes while in the workshop (R-WO-6).' },
    OVERDUE: { description: 'The promised time has passed and the car is not ready.' },
    VIP: { description: 'An A-class customer.' },
    WARRANTY: { description: 'At least one job is paid by warranty.' },
    CUSTOMER_WAITING: { description: 'The customer waits in the store.' },
    APPOINTMENT: { description: 'Came in by appointment.' },
  },
});

/** Statuses before the car is ready: a promise not kept by now is overdue. */
const NOT_YET_READY: readonly S[] = [S.DRAFT, S.AWAITING_APPROVAL, S.QUEUED, S.IN_PROGRESS, S.ON_HOLD, S.QUALITY_CHECK, S.WASHING];

export interface FlagFacts {
  status: S;
  holdReason?: HoldReason | null;
  reworkCount: number;
  updatedAt: Date;
  /** R-WO-6: the latest progress note; STALE counts from the later of it and the last recorded change. */
  lastProgressAt?: Date | null;
  promisedAt?: Date | null;
  valueClass?: ValueClass | null;
  payers: readonly JobPayer[];
  customerWaiting: boolean;
  source: WorkOrderSource;
  /** R-EST-6: supplemental jobs wait for the customer's approval. */
  jobsWaitingApproval?: boolean;
  /** R-WO-5: a job waits for an open purchase request raised for it. */
  jobsWaitingParts?: boolean;
}

/**
 * When the card turns STALE (R-WO-6: no progress note and no recorded change for `staleAfterMinutes`);
 * null when it cannot (not in the workshop). Counts from the later of the last change and the last
 * progress report (a report is a change too, but the rule is about progress, so it is named here).
 */
export function staleAt(f: Pick<FlagFacts, 'status' | 'updatedAt' | 'lastProgressAt'>, staleAfterMinutes: number): Date | null {
  if (!IN_WORKSHOP_STATUSES.includes(f.status)) return null;
  const from = Math.max(f.updatedAt.getTime(), f.lastProgressAt?.getTime() ?? 0);
  return new Date(from + staleAfterMinutes * 60_000);
}

/** When the card turns OVERDUE (the promise passes before the car is ready); null when it cannot. */
export function overdueAt(f: Pick<FlagFacts, 'status' | 'promisedAt'>): Date | null {
  return f.promisedAt && NOT_YET_READY.includes(f.status) ? f.promisedAt : null;
}

/** Pure: the flags of a card at `now`: STALE from `staleAt` on, OVERDUE once `overdueAt` has passed. */
export function boardFlags(f: FlagFacts, now: Date, staleAfterMinutes: number): BoardFlag[] {
  const stale = staleAt(f, staleAfterMinutes);
  const overdue = overdueAt(f);
  const flags: BoardFlag[] = [];
  if ((f.status === S.ON_HOLD && f.holdReason === HoldReason.WAITING_PARTS) || (f.jobsWaitingParts && NOT_YET_READY.includes(f.status))) flags.push(BoardFlag.WAITING_PARTS);
  if (f.status === S.AWAITING_APPROVAL || (f.status === S.ON_HOLD && f.holdReason === HoldReason.WAITING_APPROVAL) || f.jobsWaitingApproval) flags.push(BoardFlag.WAITING_APPROVAL);
  if (f.reworkCount > 0 && NOT_YET_READY.includes(f.status)) flags.push(BoardFlag.REWORK);
  if (stale && now >= stale) flags.push(BoardFlag.STALE);
  if (overdue && now > overdue) flags.push(BoardFlag.OVERDUE);
  if (f.valueClass === ValueClass.A) flags.push(BoardFlag.VIP);
  if (f.payers.includes(JobPayer.WARRANTY)) flags.push(BoardFlag.WARRANTY);
  if (f.customerWaiting) flags.push(BoardFlag.CUSTOMER_WAITING);
  if (f.source === WorkOrderSource.APPOINTMENT) flags.push(BoardFlag.APPOINTMENT);
  return flags;
}

export const minutesBetween = (from: Date, to: Date) => Math.max(0, Math.floor((to.getTime() - from.getTime()) / 60_000));
