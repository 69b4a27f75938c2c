import type { Skill } from '../staff/roles.js';
import { addDays, atLocal, daysBetween, localDay } from './local-time.js';

/** R-APT-3/4: the pure capacity computation behind availableSlots and booking. */

export interface CapacitySettings {
  timezone: string;
  openMinutes: number;
  closeMinutes: number;
  slotMinutes: number;
  bookingWindowDays: number;
  sameDayAllowed: boolean;
}

export interface Resource {
  id: number;
  skills: readonly Skill[];
}

/** Time a bay or technician is taken, [start, end) in ms. */
export type Busy = Map<number, [number, number][]>;

export interface Capacity {
  bays: Resource[];
  technicians: Resource[];
  bayBusy: Busy;
  technicianBusy: Busy;
}

export interface FreeSlot {
  start: Date;
  end: Date;
  bayId: number;
  technicianIds: number[];
}

/** The booked length: the jobs' standard minutes rounded up to whole slots (at least one). */
export function bookedMinutes(standardMinutes: readonly number[], slotMinutes: number): number {
  const total = standardMinutes.reduce((a, b) => a + b, 0);
  return Math.max(1, Math.ceil(total / slotMinutes)) * slotMinutes;
}

export function addBusy(busy: Busy, id: number, start: number, end: number): void {
  const list = busy.get(id);
  if (list) list.push([start, end]);
  else busy.set(id, [[start, end]]);
}

function free(busy: Busy, id: number, start: number, end: number): boolean {
  const list = busy.get(id);
  return !list || list.every(([s, e]) => e <= start || s >= end);
}

/**
 * A bay equipped for every skill, and technicians covering every skill (one who covers all when
 * there is one, else one per skill), all free for [start, end); null when none.
 */
export function allocate(capacity: Capacity, skills: readonly Skill[], start: number, end: number): { bayId: number; technicianIds: number[] } | null {
  const bay = capacity.bays.find((b) => skills.every((s) => b.skills.includes(s)) && free(capacity.bayBusy, b.id, start, end));
  if (!bay) return null;
  const available = capacity.technicians.filter((t) => free(capacity.technicianBusy, t.id, start, end));
  const allRounder = available.find((t) => skills.every((s) => t.skills.includes(s)));
  if (allRounder) return { bayId: bay.id, technicianIds: [allRounder.id] };
  const crew: Resource[] = [];
  for (const skill of skills) {
    if (crew.some((t) => t.skills.includes(skill))) continue;
    const t = available.find((c) => c.skills.includes(skill) && !crew.includes(c));
    if (!t) return null;
    crew.push(t);
  }
  return { bayId: bay.id, technicianIds: crew.map((t) => t.id) };
}

/** R-APT-3: the first and last local days a booking may be made for, seen at `now`. */
export function bookableDays(settings: CapacitySettings, now: Date): { first: string; last: string } {
  const today = localDay(settings.timezone, now);
  return { first: settings.sameDayAllowed ? today : addDays(today, 1), last: addDays(today, settings.bookingWindowDays) };
}

/** Where a requested start stands against the booking window (R-APT-3). */
export function windowCheck(settings: CapacitySettings, now: Date, start: Date): 'OK' | 'SAME_DAY' | 'OUTSIDE' {
  const today = localDay(settings.timezone, now);
  const ahead = daysBetween(today, localDay(settings.timezone, start));
  if (start.getTime() < now.getTime() || ahead > settings.bookingWindowDays) return 'OUTSIDE';
  if (ahead === 0 && !settings.sameDayAllowed) return 'SAME_DAY';
  return 'OK';
}

/**
 * Every start on the slot grid of the local days [fromDay, toDay] within working hours where the
 * work fits before closing and a bay and technicians are free, in time order.
 */
export function freeSlots(settings: CapacitySettings, capacity: Capacity, skills: readonly Skill[], minutes: number, fromDay: string, toDay: string, notBefore: Date): FreeSlot[] {
  const out: FreeSlot[] = [];
  for (let day = fromDay; daysBetween(day, toDay) >= 0; day = addDays(day, 1)) {
    for (let m = settings.openMinutes; m + minutes <= settings.closeMinutes; m += settings.slotMinutes) {
      const start = atLocal(settings.timezone, day, m).getTime();
      if (start < notBefore.getTime()) continue;
      const end = start + minutes * 60_000;
      const got = allocate(capacity, skills, start, end);
      if (got) out.push({ start: new Date(start), end: new Date(end), ...got });
    }
  }
  return out;
}

/** R-APT-4: the free slots nearest to the asked time (ties: the earlier first). */
export function nearest(slots: readonly FreeSlot[], asked: Date, count: number): FreeSlot[] {
  const t = asked.getTime();
  return [...slots]
    .filter((s) => s.start.getTime() !== t)
    .sort((a, b) => Math.abs(a.start.getTime() - t) - Math.abs(b.start.getTime() - t) || a.start.getTime() - b.start.getTime())
    .slice(0, count);
}
