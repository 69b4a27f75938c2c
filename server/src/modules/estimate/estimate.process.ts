import { Role } from '../staff/roles.js';
import { WorkOrderStatus as WO } from '../work-order/work-order.enums.js';
import { EstimateStatus as S } from './estimate.enums.js';

/** What moves an estimate from one status to another. */
export type EstimateMove = 'SEND' | 'DECIDE' | 'SUPERSEDE';

export interface EstimateTransitionRule {
  move: EstimateMove;
  from: readonly S[];
  /** The status it goes to (DECIDE: APPROVED when a line is approved, else DECLINED). */
  to: readonly S[];
}

/** The one table of estimate status moves; every other move is refused (ESTIMATE_NOT_<status>). Only a DRAFT is edited. */
export const ESTIMATE_TRANSITIONS: readonly EstimateTransitionRule[] = [
  { move: 'SEND', from: [S.DRAFT], to: [S.SENT] },
  { move: 'DECIDE', from: [S.SENT], to: [S.APPROVED, S.DECLINED] },
  { move: 'SUPERSEDE', from: [S.DRAFT, S.SENT], to: [S.SUPERSEDED] },
];

export function mayMove(move: EstimateMove, from: S): boolean {
  return ESTIMATE_TRANSITIONS.some((t) => t.move === move && t.from.includes(from));
}

/** Statuses of an estimate still open for a decision. */
export const OPEN: readonly S[] = [S.DRAFT, S.SENT];
/** Work-order statuses in which the main estimate is written, sent and approved. */
export const MAIN_ESTIMATE_ORDER_STATUSES: readonly WO[] = [WO.DRAFT, WO.AWAITING_APPROVAL];
/** R-EST-6: work-order statuses in which supplemental work may be added (the car is in the workshop). */
export const SUPPLEMENTAL_ORDER_STATUSES: readonly WO[] = [WO.QUEUED, WO.IN_PROGRESS, WO.ON_HOLD];

/** Who writes, sends and records approvals of estimates. */
export const ESTIMATE_WRITER_ROLES = [Role.SERVICE_ADVISOR, Role.SERVICE_MANAGER] as const;
/** Who adds supplemental work (the advisor, or the foreman who heard of it from the floor). */
export const SUPPLEMENTAL_ROLES = [Role.SERVICE_ADVISOR, Role.SERVICE_MANAGER, Role.FOREMAN] as const;
/** Who reads estimates. */
export const ESTIMATE_READER_ROLES = [Role.SERVICE_ADVISOR, Role.SERVICE_MANAGER, Role.FOREMAN, Role.WARRANTY_CLERK, Role.CASHIER, Role.CUSTOMER_SERVICE, Role.PARTS_CLERK] as const;
/** R-EST-5: who confirms warranty lines. */
export const WARRANTY_ROLES = [Role.WARRANTY_CLERK, Role.SERVICE_MANAGER] as const;
/** Who checks a vehicle's warranty eligibility. */
export const WARRANTY_ELIGIBILITY_ROLES = [Role.WARRANTY_CLERK, Role.SERVICE_ADVISOR, Role.SERVICE_MANAGER] as const;
/** R-EST-1: who records a diagnosis. */
export const DIAGNOSIS_ROLES = [Role.TECHNICIAN, Role.TEAM_LEADER, Role.FOREMAN, Role.SERVICE_ADVISOR, Role.SERVICE_MANAGER] as const;
