import type { Actor, StaffActor } from '../../shared/actor.js';
import type { Staff } from '../staff/staff.entity.js';

/** Who a bearer token belongs to: a staff session or a wall display. It is the actor of their calls. */
export type Viewer =
  | (StaffActor & { staff: Staff; roles: Staff['roles']; sessionId: number; expiresAt: Date })
  | Extract<Actor, { kind: 'display' }>;

export type StaffViewer = Extract<Viewer, { kind: 'staff' }>;
