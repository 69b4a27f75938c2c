import { MANAGER_ROLES, Role } from '../staff/roles.js';
import { WorkOrderStatus as S } from './work-order.enums.js';

/** What a move needs besides a permitted role. */
export type Requirement =
  | 'ASSIGNMENT' // a bay and at least one technician (R-WO-3)
  | 'HOLD_REASON' // ON_HOLD needs a hold reason (R-WO-1)
  | 'REASON'; // free-text reason recorded on the event

export interface TransitionRule {
  from: readonly S[];
  to: S;
  /** Roles allowed besides the managers (ADMIN, SERVICE_MANAGER), who may make every move. */
  roles: readonly Role[];
  requires: readonly Requirement[];
  /** Only a technician assigned to the order may make this move as a technician. */
  assignedTechnicianOnly?: boolean;
}

const ADVISOR = [Role.SERVICE_ADVISOR];
const FLOOR = [Role.FOREMAN, Role.TEAM_LEADER, Role.TECHNICIAN];
const HOLDERS = [Role.FOREMAN, Role.TEAM_LEADER, Role.TECHNICIAN, Role.SERVICE_ADVISOR, Role.PARTS_CLERK];

/**
 * R-WO-1: the one table of work-order status moves. Every move not listed is refused with ILLEGAL_TRANSITION.
 * Cancelling is special: before work started an advisor may cancel; afterwards only a manager, with a reason.
 */
export const TRANSITIONS: readonly TransitionRule[] = [
  { from: [S.DRAFT], to: S.AWAITING_APPROVAL, roles: ADVISOR, requires: [] },
  { from: [S.AWAITING_APPROVAL], to: S.QUEUED, roles: ADVISOR, requires: [] },
  { from: [S.QUEUED], to: S.IN_PROGRESS, roles: FLOOR, requires: ['ASSIGNMENT'], assignedTechnicianOnly: true },
  { from: [S.QUEUED, S.IN_PROGRESS], to: S.ON_HOLD, roles: HOLDERS, requires: ['HOLD_REASON'], assignedTechnicianOnly: true },
  { from: [S.ON_HOLD], to: S.QUEUED, roles: HOLDERS, requires: [], assignedTechnicianOnly: true },
  { from: [S.ON_HOLD], to: S.IN_PROGRESS, roles: FLOOR, requires: ['ASSIGNMENT'], assignedTechnicianOnly: true },
  { from: [S.IN_PROGRESS], to: S.QUALITY_CHECK, roles: FLOOR, requires: [], assignedTechnicianOnly: true },
  // R-QC-2: a failed check sends the car back as rework, with the cause.
  { from: [S.QUALITY_CHECK], to: S.IN_PROGRESS, roles: [Role.QC_INSPECTOR, Role.TEAM_LEADER, Role.FOREMAN], requires: ['REASON'] },
  { from: [S.QUALITY_CHECK], to: S.WASHING, roles: [Role.QC_INSPECTOR], requires: [] },
  { from: [S.QUALITY_CHECK], to: S.READY, roles: [Role.QC_INSPECTOR], requires: [] },
  { from: [S.WASHING], to: S.READY, roles: [Role.FOREMAN, Role.SERVICE_ADVISOR, Role.QC_INSPECTOR], requires: [] },
  { from: [S.READY], to: S.DELIVERED, roles: ADVISOR, requires: [] },
];

const CANCELLABLE: readonly S[] = [S.DRAFT, S.AWAITING_APPROVAL, S.QUEUED, S.ON_HOLD, S.IN_PROGRESS, S.QUALITY_CHECK, S.WASHING, S.READY];
const CANCEL_BEFORE_START: TransitionRule = { from: CANCELLABLE, to: S.CANCELLED, roles: ADVISOR, requires: [] };
const CANCEL_AFTER_START: TransitionRule = { from: CANCELLABLE, to: S.CANCELLED, roles: [], requires: ['REASON'] };

/** The rule for a move, or null when the table does not allow it. */
export function findTransition(from: S, to: S, workStarted: boolean): TransitionRule | null {
  if (to === S.CANCELLED) {
    const rule = workStarted ? CANCEL_AFTER_START : CANCEL_BEFORE_START;
    return rule.from.includes(from) ? rule : null;
  }
  return TRANSITIONS.find((t) => t.to === to && t.from.includes(from)) ?? null;
}

export function roleMayMove(rule: TransitionRule, roles: readonly Role[]): boolean {
  return roles.some((r) => (MANAGER_ROLES as readonly Role[]).includes(r) || rule.roles.includes(r));
}

/** True when the actor may make the move only in their capacity as a technician (not foreman, leader or manager). */
export function actsOnlyAsTechnician(rule: TransitionRule, roles: readonly Role[]): boolean {
  return roles.includes(Role.TECHNICIAN) && !roles.some((r) => r !== Role.TECHNICIAN && ((MANAGER_ROLES as readonly Role[]).includes(r) || rule.roles.includes(r)));
}

/** Every status the order may move to from here, for UIs that offer the next steps. */
export function nextStatuses(from: S, workStarted: boolean): S[] {
  return Object.values(S).filter((to) => findTransition(from, to, workStarted) !== null);
}
