import { JobStatus, WorkOrderStatus as S } from '../work-order/work-order.enums.js';
import { JobClockError as E } from './job-clock.errors.js';

/** Statuses in which a job may be clocked on: QUEUED (the first clocking starts the order) and IN_PROGRESS. */
export const CLOCK_ON_STATUSES: readonly S[] = [S.QUEUED, S.IN_PROGRESS];

export type ClockVerdict = { code: string; params?: Record<string, string | number> } | null;

/** R-WO-4, R-EST-6: may this technician clock on this job now? `open`: their open clocking, if any. */
export function clockOnVerdict(o: {
  orderStatus: S;
  jobStatus: JobStatus;
  jobTitle: string;
  open: { jobTitle: string; orderNumber: string } | null;
}): ClockVerdict {
  if (o.jobStatus === JobStatus.WAITING_APPROVAL) return { code: E.JOB_WAITING_APPROVAL, params: { job: o.jobTitle } };
  if (!CLOCK_ON_STATUSES.includes(o.orderStatus)) return { code: E.ORDER_NOT_IN_WORK, params: { status: o.orderStatus } };
  if (o.jobStatus === JobStatus.DONE) return { code: E.JOB_DONE, params: { job: o.jobTitle } };
  if (o.open) return { code: E.ALREADY_CLOCKED_ON, params: { job: o.open.jobTitle, number: o.open.orderNumber } };
  return null;
}

/** Whole seconds between two instants (never negative). */
export function secondsBetween(start: Date, end: Date): number {
  return Math.max(0, Math.round((end.getTime() - start.getTime()) / 1000));
}

/** Hours to two decimals, as the schema shows them (actualHours, clockedHours). */
export function hoursOf(seconds: number): number {
  return Math.round(seconds / 36) / 100;
}

/** Whole minutes since the epoch (a clocking's start as the job keeps it for the running total). */
export const epochMinutes = (at: Date) => Math.floor(at.getTime() / 60_000);

/**
 * R-WO-4: seconds clocked on some jobs by `now`: the closed clockings, plus the open ones running since
 * their start (to the minute: each job keeps how many are open and the sum of their start minutes).
 */
export function clockedSecondsAt(jobs: readonly { clockedSeconds: number; openClockings: number; openSinceMinutes: number }[], now: Date): number {
  const minute = epochMinutes(now);
  return jobs.reduce((sum, j) => sum + j.clockedSeconds + Math.max(0, j.openClockings * minute - j.openSinceMinutes) * 60, 0);
}
