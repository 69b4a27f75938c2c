import { Role } from '../staff/roles.js';
import { PurchaseRequestStatus as S } from './parts.enums.js';

/** How a move is made: by transitionPurchaseRequest, or by receiving the stock (receiveStock). */
export type PurchaseRequestMove = 'TRANSITION' | 'RECEIVE';

export interface PurchaseRequestRule {
  from: readonly S[];
  to: S;
  via: PurchaseRequestMove;
  requiresReason: boolean;
}

/** The one table of purchase-request moves; every other move is refused (ILLEGAL_PURCHASE_REQUEST_TRANSITION). */
export const PURCHASE_REQUEST_TRANSITIONS: readonly PurchaseRequestRule[] = [
  { from: [S.OPEN], to: S.ORDERED, via: 'TRANSITION', requiresReason: false },
  { from: [S.OPEN, S.ORDERED], to: S.RECEIVED, via: 'RECEIVE', requiresReason: false },
  { from: [S.OPEN, S.ORDERED], to: S.CANCELLED, via: 'TRANSITION', requiresReason: true },
];

export function findPurchaseRequestTransition(from: S, to: S): PurchaseRequestRule | null {
  return PURCHASE_REQUEST_TRANSITIONS.find((t) => t.to === to && t.from.includes(from)) ?? null;
}

/** Statuses of a request still waiting for its parts. */
export const OPEN_REQUEST: readonly S[] = [S.OPEN, S.ORDERED];

/** The parts department: the catalog, stock, purchase requests. */
export const PARTS_ROLES = [Role.PARTS_CLERK, Role.SERVICE_MANAGER] as const;
/** R-WO-5: who issues and returns parts (technicians only on orders they are assigned to). */
export const ISSUE_ROLES = [Role.TECHNICIAN, Role.TEAM_LEADER, Role.FOREMAN, Role.PARTS_CLERK] as const;
/** Who may issue a part that does not fit, with a reason. */
export const FIT_OVERRIDE_ROLES = [Role.FOREMAN] as const;
/** Who reads purchase requests. */
export const PURCHASE_REQUEST_READER_ROLES = [Role.PARTS_CLERK, Role.SERVICE_MANAGER, Role.FOREMAN, Role.SERVICE_ADVISOR] as const;
/** Who raises a purchase request by hand. */
export const PURCHASE_REQUESTER_ROLES = [Role.PARTS_CLERK, Role.SERVICE_MANAGER, Role.FOREMAN, Role.SERVICE_ADVISOR, Role.TECHNICIAN, Role.TEAM_LEADER] as const;
