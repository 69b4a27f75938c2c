import { GraphQLError } from 'graphql';
import type { AuthChecker } from 'type-graphql';
import { actsAs } from '../shared/actor.js';
import { Role } from '../modules/staff/roles.js';
import type { Context, StaffViewer } from './context.js';

/** Pseudo-role for `@Authorized(...)`: a paired wall display may call this read-only operation. */
export const DISPLAY = 'DISPLAY';
export type Permit = Role | typeof DISPLAY;

export const unauthenticated = () => new GraphQLError('Authentication required', { extensions: { code: 'UNAUTHENTICATED' } });
export const forbidden = (message = 'Not allowed for your role') => new GraphQLError(message, { extensions: { code: 'FORBIDDEN' } });

/**
 * `@Authorized()` — any signed-in staff member; `@Authorized(roles...)` — staff with one of the roles
 * (ADMIN passes every role check), or a display token where DISPLAY is listed.
 */
export const authChecker: AuthChecker<Context, Permit> = ({ context }, permits) => {
  const viewer = context.viewer;
  if (!viewer) throw unauthenticated();
  if (viewer.kind === 'display') {
    if (permits.includes(DISPLAY)) return true;
    throw forbidden('A display token can only read the board');
  }
  if (permits.length === 0 || viewer.roles.includes(Role.ADMIN)) return true;
  if (permits.some((p) => viewer.roles.includes(p as Role))) return true;
  throw forbidden();
};

export function requireStaff(ctx: Context): StaffViewer {
  if (!ctx.viewer) throw unauthenticated();
  if (ctx.viewer.kind !== 'staff') throw forbidden();
  return ctx.viewer;
}

/** The viewer is staff acting in one of `roles` (ADMIN passes); the rule itself is `actsAs`. */
export function viewerHasRole(ctx: Context, roles: readonly Role[]): boolean {
  return ctx.viewer?.kind === 'staff' && actsAs(ctx.viewer, roles);
}
