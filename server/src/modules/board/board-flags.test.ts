import { describe, expect, it } from 'vitest';
import { ValueClass } from '../customer/customer-type.js';
import { HoldReason, JobPayer, WorkOrderSource, WorkOrderStatus as S } from '../work-order/work-order.enums.js';
import { BoardFlag as F, boardFlags, type FlagFacts, overdueAt, staleAt } from './board-flags.js';

const now = new Date('2026-11-22T10:00:00+08:00');
const base: FlagFacts = { status: S.IN_PROGRESS, reworkCount: 0, updatedAt: now, payers: [JobPayer.CUSTOMER], customerWaiting: false, source: WorkOrderSource.WALK_IN };
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);

describe('board flags', () => {
  it('R-WO-6: STALE at 30 minutes without an update while in the workshop, not before, not when ready', () => {
    expect(boardFlags({ ...base, updatedAt: minutesAgo(29) }, now, 30)).toEqual([]);
    expect(boardFlags({ ...base, updatedAt: minutesAgo(30) }, now, 30)).toEqual([F.STALE]);
    expect(boardFlags({ ...base, updatedAt: minutesAgo(20) }, now, 15)).toEqual([F.STALE]); // per-store setting
    expect(boardFlags({ ...base, status: S.READY, updatedAt: minutesAgo(90) }, now, 30)).toEqual([]);
    expect(boardFlags({ ...base, status: S.DRAFT, updatedAt: minutesAgo(90) }, now, 30)).toEqual([]);
  });

  it('R-WO-6: STALE counts from the later of the last change and the last progress report', () => {
    expect(boardFlags({ ...base, updatedAt: minutesAgo(45), lastProgressAt: minutesAgo(10) }, now, 30)).toEqual([]);
    expect(staleAt({ ...base, updatedAt: minutesAgo(45), lastProgressAt: minutesAgo(10) }, 30)).toEqual(minutesAgo(-20));
    expect(staleAt({ ...base, updatedAt: minutesAgo(5), lastProgressAt: minutesAgo(40) }, 30)).toEqual(minutesAgo(-25));
    expect(boardFlags({ ...base, updatedAt: minutesAgo(50), lastProgressAt: minutesAgo(31) }, now, 30)).toEqual([F.STALE]);
  });

  it('staleAt and overdueAt are the moments the flags turn on, null when they cannot', () => {
    expect(staleAt({ ...base, updatedAt: minutesAgo(10) }, 30)).toEqual(minutesAgo(-20));
    expect(staleAt({ ...base, status: S.AWAITING_APPROVAL }, 30)).toBeNull();
    expect(staleAt({ ...base, status: S.READY }, 30)).toBeNull();
    expect(overdueAt({ ...base, promisedAt: minutesAgo(-5) })).toEqual(minutesAgo(-5));
    expect(overdueAt({ ...base, status: S.READY, promisedAt: minutesAgo(5) })).toBeNull();
    expect(overdueAt(base)).toBeNull();
  });

  it('R-EST-6: WAITING_APPROVAL while supplemental jobs wait for the customer, whatever the status', () => {
    expect(boardFlags({ ...base, updatedAt: minutesAgo(1), jobsWaitingApproval: true }, now, 30)).toEqual([F.WAITING_APPROVAL]);
    expect(boardFlags({ ...base, updatedAt: minutesAgo(1), jobsWaitingApproval: false }, now, 30)).toEqual([]);
  });

  it('OVERDUE past the promise until the car is ready', () => {
    expect(boardFlags({ ...base, promisedAt: minutesAgo(1) }, now, 30)).toEqual([F.OVERDUE]);
    expect(boardFlags({ ...base, promisedAt: minutesAgo(-1) }, now, 30)).toEqual([]);
    expect(boardFlags({ ...base, status: S.READY, promisedAt: minutesAgo(60) }, now, 30)).toEqual([]);
  });

  it('waiting parts / approval, rework, VIP, warranty, customer waiting, appointment', () => {
    expect(boardFlags({ ...base, status: S.ON_HOLD, holdReason: HoldReason.WAITING_PARTS }, now, 30)).toEqual([F.WAITING_PARTS]);
    expect(boardFlags({ ...base, status: S.ON_HOLD, holdReason: HoldReason.WAITING_APPROVAL }, now, 30)).toEqual([F.WAITING_APPROVAL]);
    expect(boardFlags({ ...base, status: S.AWAITING_APPROVAL }, now, 30)).toEqual([F.WAITING_APPROVAL]);
    expect(boardFlags({ ...base, reworkCount: 1 }, now, 30)).toEqual([F.REWORK]);
    expect(boardFlags({ ...base, reworkCount: 1, status: S.READY }, now, 30)).toEqual([]);
    expect(boardFlags({ ...base, valueClass: ValueClass.A, payers: [JobPayer.WARRANTY], customerWaiting: true, source: WorkOrderSource.APPOINTMENT }, now, 30)).toEqual([
      F.VIP,
      F.WARRANTY,
      F.CUSTOMER_WAITING,
      F.APPOINTMENT,
    ]);
    expect(boardFlags({ ...base, valueClass: ValueClass.B }, now, 30)).toEqual([]);
  });

  it('R-WO-5: WAITING_PARTS while a job waits for a purchase request raised for it, once, and not once the car is ready', () => {
    expect(boardFlags({ ...base, jobsWaitingParts: true }, now, 30)).toEqual([F.WAITING_PARTS]);
    expect(boardFlags({ ...base, status: S.ON_HOLD, holdReason: HoldReason.WAITING_PARTS, jobsWaitingParts: true }, now, 30)).toEqual([F.WAITING_PARTS]);
    expect(boardFlags({ ...base, status: S.READY, jobsWaitingParts: true }, now, 30)).toEqual([]);
    expect(boardFlags({ ...base, jobsWaitingParts: false }, now, 30)).toEqual([]);
  });
});
