import type { EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from '../../shared/actor.js';
import type { Fact } from '../../events/event-log.js';
import type { Refusal } from '../../shared/result.js';
import { MANAGER_ROLES, Role, type Skill } from '../staff/roles.js';
import { WorkOrderStatus as S } from './work-order.enums.js';
import type { WorkOrder } from './work-order.entity.js';

/** What a move needs besides a permitted role. */
export type Requirement =
  | 'ASSIGNMENT' // a bay and at least one technician (R-WO-3), and a free bay when work (re)starts
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
  // R-QC-2: a failed check sends the car back as rework, with the cause — into its bay, if that bay is free.
  { from: [S.QUALITY_CHECK], to: S.IN_PROGRESS, roles: [Role.QC_INSPECTOR, Role.TEAM_LEADER, Role.FOREMAN], requires: ['REASON', 'ASSIGNMENT'] },
  { from: [S.QUALITY_CHECK], to: S.WASHING, roles: [Role.QC_INSPECTOR], requires: [] },
  { from: [S.QUALITY_CHECK], to: S.READY, roles: [Role.QC_INSPECTOR], requires: [] },
  { from: [S.WASHING], to: S.READY, roles: [Role.FOREMAN, Role.SERVICE_ADVISOR, Role.QC_INSPECTOR], requires: [] },
  { from: [S.READY], to: S.DELIVERED, roles: ADVISOR, requires: [] },
];

const CANCELLABLE: readonly S[] = [S.DRAFT, S.AWAITING_APPROVAL, S.QUEUED, S.ON_HOLD, S.IN_PROGRESS, S.QUALITY_CHECK, S.WASHING, S.READY];
const CANCEL_BEFORE_START: TransitionRule = { from: CANCELLABLE, to: S.CANCELLED, roles: ADVISOR, requires: [] };
const CANCEL_AFTER_START: TransitionRule = { from: CANCELLABLE, to: S.CANCELLED, roles: [], requires: ['REASON'] };

/** Orders that can still be (re)dispatched (R-WO-3). */
export const ASSIGNABLE: readonly S[] = [S.DRAFT, S.AWAITING_APPROVAL, S.QUEUED, S.ON_HOLD, S.IN_PROGRESS];
/** Orders whose promise can still move (R-WO-7). */
export const DELAYABLE: readonly S[] = [S.AWAITING_APPROVAL, S.QUEUED, S.IN_PROGRESS, S.ON_HOLD, S.QUALITY_CHECK, S.WASHING];
/** Who dispatches and who reports delays. */
export const DISPATCH_ROLES = [Role.FOREMAN, Role.SERVICE_MANAGER] as const;
export const DELAY_ROLES = [Role.SERVICE_ADVISOR, Role.SERVICE_MANAGER, Role.FOREMAN] as const;
export const MAX_TECHNICIANS = 6;

/** Every role that may make at least one move: the roles of `transitionWorkOrder`, derived from the table. */
export const MOVER_ROLES: readonly Role[] = [...new Set([...MANAGER_ROLES, ...TRANSITIONS.flatMap((t) => t.roles), ...CANCEL_BEFORE_START.roles])];

/** The rule for a move, or null when the table does not allow it. */
export function findTransition(from: S, to: S, workStarted: boolean): TransitionRule | null {
  if (to === S.CANCELLED) {
    const rule = workStarted ? CANCEL_AFTER_START : CANCEL_BEFORE_START;
    return rule.from.includes(from) ? rule : null;
  }
  return TRANSITIONS.find((t) => t.to === to && t.from.includes(from)) ?? null;
}

/** Managers may make every move; the system actor (jobs, the demo seed) too, subject to every other rule. */
export function actorMayMove(rule: TransitionRule, actor: Actor): boolean {
  if (actor.kind === 'system') return true;
  if (actor.kind !== 'staff') return false;
  return actor.roles.some((r) => (MANAGER_ROLES as readonly Role[]).includes(r) || rule.roles.includes(r));
}

/** True when the actor may make the move only in their capacity as a technician (not foreman, leader or manager). */
export function actsOnlyAsTechnician(rule: TransitionRule, actor: Actor): boolean {
  if (actor.kind !== 'staff') return false;
  const roles = actor.roles;
  return roles.includes(Role.TECHNICIAN) && !roles.some((r) => r !== Role.TECHNICIAN && ((MANAGER_ROLES as readonly Role[]).includes(r) || rule.roles.includes(r)));
}

/** Every status the order may move to from here, for UIs that offer the next steps. */
export function nextStatuses(from: S, workStarted: boolean): S[] {
  return Object.values(S).filter((to) => findTransition(from, to, workStarted) !== null);
}

/** R-WO-3: the jobs whose skill no assigned technician has. */
export function uncoveredJobs<J extends { skill: Skill }>(jobs: readonly J[], technicians: readonly { skills: readonly Skill[] }[]): J[] {
  return jobs.filter((job) => !technicians.some((t) => t.skills.includes(job.skill)));
}

/** What a guard or effect sees of a move being made. */
export interface MoveContext {
  tx: EntityManager;
  actor: Actor;
  workOrder: WorkOrder;
  from: S;
  to: S;
  at: Date;
}

/**
 * A rule another module adds to the table: the estimate module forbids AWAITING_APPROVAL → QUEUED
 * without an approval, quality check gates → WASHING/READY, settlement gates → DELIVERED.
 * Returns the refusals, or nothing when the move may go ahead.
 */
export interface TransitionGuard {
  name: string;
  applies(from: S, to: S): boolean;
  check(move: MoveContext): Promise<Refusal[] | null | undefined>;
}

/** What another module does when a move is made, in the same transaction; may record more facts. */
export interface TransitionEffect {
  name: string;
  applies(from: S, to: S): boolean;
  run(move: MoveContext): Promise<Fact[] | void>;
}

/** The guards and effects the modules registered, held by the work-order service. */
export interface TransitionExtensions {
  guards: readonly TransitionGuard[];
  effects: readonly TransitionEffect[];
}
