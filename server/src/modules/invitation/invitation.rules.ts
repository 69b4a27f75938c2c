import { addDays } from '../../shared/zoned-time.js';

/** R-APT-7: invitations go about 3 days before the due date; the list shows what falls due in the coming week, and what is up to a month overdue. */
export const INVITE_DAYS_AHEAD = 3;
export const WINDOW_AHEAD_DAYS = 7;
export const WINDOW_OVERDUE_DAYS = 30;
/** A deferred item is worth an invitation a month after the visit that deferred it. */
export const DEFERRED_INVITE_AFTER_DAYS = 30;
export const SUGGESTED_SLOTS = 3;

export interface Slot {
  start: Date;
  end: Date;
}

/** The window of due dates listed on `today` (local dates). */
export function window(today: string): { from: string; to: string } {
  return { from: addDays(today, -WINDOW_OVERDUE_DAYS), to: addDays(today, WINDOW_AHEAD_DAYS) };
}

/**
 * The slots to offer for a due date: the first free ones from INVITE_DAYS_AHEAD before it (never
 * before tomorrow), one a day at most while there are days to choose from, so the customer gets a
 * choice of days; filled up with later slots of the same days when the week is short.
 */
export function suggestSlots<S extends Slot>(slots: readonly S[], dueOn: string, tomorrowStart: Date, dayOf: (at: Date) => string, count = SUGGESTED_SLOTS): S[] {
  const earliest = addDays(dueOn, -INVITE_DAYS_AHEAD);
  const usable = slots.filter((s) => s.start >= tomorrowStart && dayOf(s.start) >= earliest);
  const pool = usable.length >= count ? usable : slots.filter((s) => s.start >= tomorrowStart);
  const picked: S[] = [];
  const days = new Set<string>();
  for (const s of pool) {
    if (picked.length === count) break;
    if (days.has(dayOf(s.start))) continue;
    days.add(dayOf(s.start));
    picked.push(s);
  }
  for (const s of pool) {
    if (picked.length === count) break;
    if (!picked.includes(s)) picked.push(s);
  }
  return picked.sort((a, b) => a.start.getTime() - b.start.getTime());
}
