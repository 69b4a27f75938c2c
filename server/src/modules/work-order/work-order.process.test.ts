import type { Actor } from '../../shared/actor.js';
import { describe, expect, it } from 'vitest';
import { Role } from '../staff/roles.js';
import { WorkOrderStatus as S } from './work-order.enums.js';
import { actsOnlyAsTechnician, findTransition, nextStatuses, actorMayMove } from './work-order.process.js';

describe('R-WO-1 transitions table', () => {
  it('follows the main line DRAFT → … → DELIVERED', () => {
    const line = [S.DRAFT, S.AWAITING_APPROVAL, S.QUEUED, S.IN_PROGRESS, S.QUALITY_CHECK, S.WASHING, S.READY, S.DELIVERED];
    for (let i = 0; i < line.length - 1; i++) expect(findTransition(line[i], line[i + 1], i >= 3), `${line[i]} → ${line[i + 1]}`).not.toBeNull();
    expect(findTransition(S.QUALITY_CHECK, S.READY, true)).not.toBeNull(); // washing is optional
  });

  it('puts QUEUED and IN_PROGRESS on hold with a reason, and back', () => {
    for (const from of [S.QUEUED, S.IN_PROGRESS]) expect(findTransition(from, S.ON_HOLD, false)?.requires).toContain('HOLD_REASON');
    expect(findTransition(S.ON_HOLD, S.QUEUED, true)).not.toBeNull();
    expect(findTransition(S.ON_HOLD, S.IN_PROGRESS, true)?.requires).toContain('ASSIGNMENT');
    expect(findTransition(S.AWAITING_APPROVAL, S.ON_HOLD, false)).toBeNull();
  });

  it('has no way out of DELIVERED or CANCELLED, and no skipping', () => {
    for (const to of Object.values(S)) {
      expect(findTransition(S.DELIVERED, to, true)).toBeNull();
      expect(findTransition(S.CANCELLED, to, true)).toBeNull();
    }
    expect(findTransition(S.DRAFT, S.QUEUED, false)).toBeNull();
    expect(findTransition(S.QUEUED, S.QUALITY_CHECK, false)).toBeNull();
    expect(findTransition(S.IN_PROGRESS, S.READY, true)).toBeNull();
    expect(findTransition(S.READY, S.DELIVERED, true)).not.toBeNull();
  });

  it('lets an advisor cancel before work started; afterwards only a manager, with a reason', () => {
    const before = findTransition(S.QUEUED, S.CANCELLED, false)!;
    expect(actorMayMove(before, staff(Role.SERVICE_ADVISOR))).toBe(true);
    expect(before.requires).not.toContain('REASON');
    const after = findTransition(S.ON_HOLD, S.CANCELLED, true)!;
    expect(actorMayMove(after, staff(Role.SERVICE_ADVISOR))).toBe(false);
    expect(actorMayMove(after, staff(Role.SERVICE_MANAGER))).toBe(true);
    expect(after.requires).toContain('REASON');
    expect(findTransition(S.DELIVERED, S.CANCELLED, true)).toBeNull();
  });

  it('managers may make every listed move; others only theirs', () => {
    const deliver = findTransition(S.READY, S.DELIVERED, true)!;
    expect(actorMayMove(deliver, staff(Role.ADMIN))).toBe(true);
    expect(actorMayMove(deliver, staff(Role.TECHNICIAN))).toBe(false);
    const start = findTransition(S.QUEUED, S.IN_PROGRESS, false)!;
    expect(actsOnlyAsTechnician(start, staff(Role.TECHNICIAN))).toBe(true);
    expect(actsOnlyAsTechnician(start, staff(Role.TECHNICIAN, Role.TEAM_LEADER))).toBe(false);
  });

  it('offers the next statuses', () => {
    expect(nextStatuses(S.QUALITY_CHECK, true).sort()).toEqual([S.CANCELLED, S.IN_PROGRESS, S.READY, S.WASHING].sort());
  });
});

function staff(...roles: Role[]): Actor {
  return { kind: 'staff', staffId: 1, storeId: 1, roles };
}
