import { MANAGER_ROLES, Role } from '../modules/staff/roles.js';

/**
 * Who asks a service to do something. Services take an actor, never a transport's context: the same
 * call is made by a resolver for a signed-in staff member, by a wall display, by the customer's link,
 * or by a job or event consumer acting as the system.
 */
export type Actor =
  | { kind: 'staff'; staffId: number; storeId: number; roles: readonly Role[] }
  | { kind: 'display'; displayTokenId: number; storeId: number }
  | { kind: 'customer'; workOrderId: number; storeId: number }
  | { kind: 'system'; storeId: number; process: string };

export type StaffActor = Extract<Actor, { kind: 'staff' }>;
export type ActorKind = Actor['kind'];

export const systemActor = (storeId: number, process = 'system'): Actor => ({ kind: 'system', storeId, process });

/** Kind and id as the event log and the audit trail record them. */
export function actorRef(actor: Actor): { kind: ActorKind; id: number | null } {
  switch (actor.kind) {
    case 'staff':
      return { kind: 'staff', id: actor.staffId };
    case 'display':
      return { kind: 'display', id: actor.displayTokenId };
    case 'customer':
      return { kind: 'customer', id: actor.workOrderId };
    case 'system':
      return { kind: 'system', id: null };
  }
}

/** The staff id to record as the person responsible, or null for everyone else. */
export const staffIdOf = (actor: Actor): number | null => (actor.kind === 'staff' ? actor.staffId : null);

/**
 * True when the actor may act in one of `roles`. ADMIN passes every role check; the system actor acts
 * for the store (jobs and the demo seed) and passes too; displays and customer links never do.
 */
export function actsAs(actor: Actor, roles: readonly Role[]): boolean {
  if (actor.kind === 'system') return true;
  if (actor.kind !== 'staff') return false;
  return actor.roles.includes(Role.ADMIN) || roles.some((r) => actor.roles.includes(r));
}

export const isManager = (actor: Actor): boolean => actsAs(actor, MANAGER_ROLES);
