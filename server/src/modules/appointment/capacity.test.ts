import { describe, expect, it } from 'vitest';
import { Skill } from '../staff/roles.js';
import { addBusy, allocate, bookableDays, bookedMinutes, type Capacity, freeSlots, nearest, windowCheck } from './capacity.js';
import { atLocal, localDay } from './local-time.js';
import { taskTimes } from './appointment.service.js';
import { AdvisorTaskKind } from './appointment.enums.js';

const settings = { timezone: 'Asia/Shanghai', openMinutes: 8 * 60 + 30, closeMinutes: 18 * 60, slotMinutes: 30, bookingWindowDays: 7, sameDayAllowed: false };
const capacity = (): Capacity => ({
  bays: [{ id: 1, skills: [Skill.MAINTENANCE, Skill.ENGINE] }],
  technicians: [
    { id: 10, skills: [Skill.MAINTENANCE] },
    { id: 11, skills: [Skill.ENGINE] },
  ],
  bayBusy: new Map(),
  technicianBusy: new Map(),
});
const now = new Date('2026-11-30T10:00:00+08:00');

describe('capacity (pure)', () => {
  it('store-local days and times', () => {
    expect(localDay('Asia/Shanghai', new Date('2026-11-30T20:00:00Z'))).toBe('2026-12-01');
    expect(atLocal('Asia/Shanghai', '2026-12-01', 510).toISOString()).toBe('2026-12-01T00:30:00.000Z');
    expect(atLocal('Europe/Berlin', '2026-07-01', 600).toISOString()).toBe('2026-07-01T08:00:00.000Z');
  });

  it('R-APT-4 booked length rounds the standard time up to whole slots', () => {
    expect(bookedMinutes([60], 30)).toBe(60);
    expect(bookedMinutes([45, 30], 30)).toBe(90);
    expect(bookedMinutes([5], 30)).toBe(30);
  });

  it('R-APT-2 a bay for every skill and a crew covering them: one per skill when nobody has both', () => {
    const c = capacity();
    expect(allocate(c, [Skill.MAINTENANCE, Skill.ENGINE], 0, 1)).toEqual({ bayId: 1, technicianIds: [10, 11] });
    addBusy(c.technicianBusy, 11, 0, 10);
    expect(allocate(c, [Skill.MAINTENANCE, Skill.ENGINE], 5, 6)).toBeNull();
    expect(allocate(c, [Skill.MAINTENANCE, Skill.ENGINE], 10, 11)).toEqual({ bayId: 1, technicianIds: [10, 11] });
    expect(allocate(c, [Skill.BODY], 10, 11)).toBeNull();
  });

  it('R-APT-3 the window: tomorrow to 7 days ahead; same day only when allowed', () => {
    expect(bookableDays(settings, now)).toEqual({ first: '2026-12-01', last: '2026-12-07' });
    expect(windowCheck(settings, now, new Date('2026-11-30T15:00:00+08:00'))).toBe('SAME_DAY');
    expect(windowCheck({ ...settings, sameDayAllowed: true }, now, new Date('2026-11-30T15:00:00+08:00'))).toBe('OK');
    expect(windowCheck(settings, now, new Date('2026-12-07T17:00:00+08:00'))).toBe('OK');
    expect(windowCheck(settings, now, new Date('2026-12-08T08:30:00+08:00'))).toBe('OUTSIDE');
    expect(windowCheck(settings, now, new Date('2026-11-30T09:00:00+08:00'))).toBe('OUTSIDE');
  });

  it('R-APT-4 alternatives are the free slots nearest to the asked time', () => {
    const c = capacity();
    addBusy(c.bayBusy, 1, new Date('2026-12-01T09:00:00+08:00').getTime(), new Date('2026-12-01T10:00:00+08:00').getTime());
    const slots = freeSlots(settings, c, [Skill.MAINTENANCE], 60, '2026-12-01', '2026-12-01', now);
    const alt = nearest(slots, new Date('2026-12-01T09:00:00+08:00'), 3).map((s) => s.start.toISOString());
    expect(alt).toEqual(['2026-12-01T02:00:00.000Z', '2026-12-01T02:30:00.000Z', '2026-12-01T03:00:00.000Z']);
  });

  it('R-APT-6 task times: confirm 30 min and greet 5 min before; a reminder the day before at opening only for bookings more than 3 days ahead', () => {
    const slot = new Date('2026-12-04T10:00:00+08:00');
    expect(taskTimes(slot, settings, now).map(([k, t]) => [k, t.toISOString()])).toEqual([
      [AdvisorTaskKind.CONFIRM_APPOINTMENT, '2026-12-04T01:30:00.000Z'],
      [AdvisorTaskKind.GREET_CUSTOMER, '2026-12-04T01:55:00.000Z'],
      [AdvisorTaskKind.REMIND_CUSTOMER, '2026-12-03T00:30:00.000Z'],
    ]);
    expect(taskTimes(new Date('2026-12-03T10:00:00+08:00'), settings, now).map(([k]) => k)).toEqual([AdvisorTaskKind.CONFIRM_APPOINTMENT, AdvisorTaskKind.GREET_CUSTOMER]);
  });
});
