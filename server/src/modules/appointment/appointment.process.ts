import { MANAGER_ROLES, Role } from '../staff/roles.js';
import type { Actor } from '../../shared/actor.js';
import { AppointmentStatus as S } from './appointment.enums.js';

/** What a move needs besides a permitted role. */
export type AppointmentRequirement =
  | 'REASON' // cancelling records why
  | 'SLOT_STARTED'; // a no-show can only be declared once the slot has begun

export interface AppointmentTransitionRule {
  from: readonly S[];
  to: S;
  /** Roles allowed besides the managers (ADMIN, SERVICE_MANAGER), who may make every move. */
  roles: readonly Role[];
  requires: readonly AppointmentRequirement[];
}

const FRONT_DESK = [Role.SERVICE_ADVISOR];

/** R-APT-2/6: the one table of appointment status moves. Every move not listed is refused with ILLEGAL_TRANSITION. */
export const APPOINTMENT_TRANSITIONS: readonly AppointmentTransitionRule[] = [
  { from: [S.BOOKED], to: S.CONFIRMED, roles: FRONT_DESK, requires: [] },
  { from: [S.BOOKED, S.CONFIRMED], to: S.ARRIVED, roles: FRONT_DESK, requires: [] },
  { from: [S.BOOKED, S.CONFIRMED], to: S.NO_SHOW, roles: FRONT_DESK, requires: ['SLOT_STARTED'] },
  { from: [S.BOOKED, S.CONFIRMED], to: S.CANCELLED, roles: FRONT_DESK, requires: ['REASON'] },
];

/** Statuses that hold capacity (bay and technicians) for their slot. */
export const HOLDS_CAPACITY: readonly S[] = [S.BOOKED, S.CONFIRMED, S.ARRIVED];
/** Statuses after which the customer is no longer expected: capacity, tasks and carried-over items are released. */
export const RELEASES: readonly S[] = [S.NO_SHOW, S.CANCELLED];
/** Who books and moves appointments. */
export const BOOKING_ROLES = [Role.SERVICE_ADVISOR, Role.SERVICE_MANAGER] as const;
/** Who reads appointments and free slots (the front desk, customer service, the foreman who plans the floor). */
export const APPOINTMENT_READER_ROLES = [Role.SERVICE_ADVISOR, Role.SERVICE_MANAGER, Role.CUSTOMER_SERVICE, Role.FOREMAN] as const;

export function findAppointmentTransition(from: S, to: S): AppointmentTransitionRule | null {
  return APPOINTMENT_TRANSITIONS.find((t) => t.to === to && t.from.includes(from)) ?? null;
}

/** Managers may make every move; the system actor (jobs, the seed, reception) too, subject to every other rule. */
export function actorMayMoveAppointment(rule: AppointmentTransitionRule, actor: Actor): boolean {
  if (actor.kind === 'system') return true;
  if (actor.kind !== 'staff') return false;
  return actor.roles.some((r) => (MANAGER_ROLES as readonly Role[]).includes(r) || rule.roles.includes(r));
}

export function nextAppointmentStatuses(from: S): S[] {
  return Object.values(S).filter((to) => findAppointmentTransition(from, to) !== null);
}
