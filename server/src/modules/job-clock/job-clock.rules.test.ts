import { describe, expect, it } from 'vitest';
import { JobStatus, WorkOrderStatus as S } from '../work-order/work-order.enums.js';
import { clockedSecondsAt, clockOnVerdict, epochMinutes, hoursOf, secondsBetween } from './job-clock.rules.js';

const base = { orderStatus: S.IN_PROGRESS, jobStatus: JobStatus.PENDING, jobTitle: '更换机油', open: null };

describe('R-WO-4 clockOnVerdict', () => {
  it('lets an assigned technician clock on a pending job of a QUEUED or IN_PROGRESS order', () => {
    expect(clockOnVerdict(base)).toBeNull();
    expect(clockOnVerdict({ ...base, orderStatus: S.QUEUED })).toBeNull();
    expect(clockOnVerdict({ ...base, jobStatus: JobStatus.IN_PROGRESS })).toBeNull();
  });
  it('R-EST-6: refuses a job waiting for the customer’s approval', () => {
    expect(clockOnVerdict({ ...base, jobStatus: JobStatus.WAITING_APPROVAL })?.code).toBe('JOB_WAITING_APPROVAL');
  });
  it('refuses orders not in work, finished jobs and a second open clocking', () => {
    expect(clockOnVerdict({ ...base, orderStatus: S.ON_HOLD })?.code).toBe('CLOCK_ORDER_NOT_IN_WORK');
    expect(clockOnVerdict({ ...base, orderStatus: S.QUALITY_CHECK })?.code).toBe('CLOCK_ORDER_NOT_IN_WORK');
    expect(clockOnVerdict({ ...base, jobStatus: JobStatus.DONE })?.code).toBe('JOB_DONE');
    expect(clockOnVerdict({ ...base, open: { jobTitle: '换刹车片', orderNumber: 'WO1' } })).toEqual({ code: 'ALREADY_CLOCKED_ON', params: { job: '换刹车片', number: 'WO1' } });
  });
  it('counts whole seconds and shows hours to two decimals', () => {
    expect(secondsBetween(new Date(0), new Date(90 * 60_000 + 400))).toBe(5400);
    expect(secondsBetween(new Date(10), new Date(0))).toBe(0);
    expect(hoursOf(5400)).toBe(1.5);
    expect(hoursOf(100)).toBe(0.03);
  });
});

describe('R-WO-4 clockedSecondsAt', () => {
  it('adds the running time of open clockings to the closed ones', () => {
    const now = new Date(Date.UTC(2026, 10, 24, 8, 0));
    const start = (minutesAgo: number) => epochMinutes(new Date(now.getTime() - minutesAgo * 60_000));
    expect(clockedSecondsAt([{ clockedSeconds: 600, openClockings: 0, openSinceMinutes: 0 }], now)).toBe(600);
    // Two technicians on one job since 30 and 10 minutes ago, plus 10 minutes already closed.
    expect(clockedSecondsAt([{ clockedSeconds: 600, openClockings: 2, openSinceMinutes: start(30) + start(10) }], now)).toBe(600 + 40 * 60);
  });
});
