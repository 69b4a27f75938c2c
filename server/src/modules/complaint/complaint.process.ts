import { MANAGER_ROLES, Role } from '../staff/roles.js';
import type { Actor } from '../../shared/actor.js';
import { ComplaintStatus as S } from './complaint.enums.js';

export interface ComplaintTransitionRule {
  from: readonly S[];
  to: S;
  /** Roles allowed besides the managers, who may make every move. */
  roles: readonly Role[];
  /** The move records a note (the response, the resolution, why it was reopened). */
  noteRequired: boolean;
}

const HANDLERS = [Role.CUSTOMER_SERVICE, Role.SERVICE_ADVISOR];

/** R-FU-3: the one table of complaint moves. Every move not listed is refused with ILLEGAL_TRANSITION. */
export const COMPLAINT_TRANSITIONS: readonly ComplaintTransitionRule[] = [
  { from: [S.OPEN, S.REOPENED], to: S.RESPONDED, roles: HANDLERS, noteRequired: true },
  { from: [S.RESPONDED, S.REOPENED], to: S.RESOLVED, roles: HANDLERS, noteRequired: true },
  // The re-callback: customer service asks the customer whether it is settled.
  { from: [S.RESOLVED], to: S.CONFIRMED, roles: [Role.CUSTOMER_SERVICE], noteRequired: false },
  { from: [S.RESOLVED], to: S.REOPENED, roles: [Role.CUSTOMER_SERVICE], noteRequired: true },
];

/** Who files and reads complaints. */
export const COMPLAINT_ROLES = [Role.CUSTOMER_SERVICE, Role.SERVICE_ADVISOR, Role.SERVICE_MANAGER] as const;
/** Statuses in which the complaint is not yet resolved (the 3-day report counts them). */
export const UNRESOLVED: readonly S[] = [S.OPEN, S.RESPONDED, S.REOPENED];

export function findComplaintTransition(from: S, to: S): ComplaintTransitionRule | null {
  return COMPLAINT_TRANSITIONS.find((t) => t.to === to && t.from.includes(from)) ?? null;
}

export function actorMayMoveComplaint(rule: ComplaintTransitionRule, actor: Actor): boolean {
  if (actor.kind === 'system') return true;
  if (actor.kind !== 'staff') return false;
  return actor.roles.some((r) => (MANAGER_ROLES as readonly Role[]).includes(r) || rule.roles.includes(r));
}

export const nextComplaintStatuses = (from: S): S[] => Object.values(S).filter((to) => findComplaintTransition(from, to) !== null);
