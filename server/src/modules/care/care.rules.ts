import { addDays, addMonths, daysBetween } from '../../shared/zoned-time.js';
import { OutboxChannel } from '../outbox/outbox.enums.js';
import { holidaysIn, lunarDatesInSolarYear, type LunarMonthDay } from './care.lunar.js';
import { CareKind } from './care.enums.js';

/** R-CARE-1: first maintenance of a new car, 3 months or 5 000 km. */
export const FIRST_MAINTENANCE = { months: 3, km: 5000 };
/** R-CARE-3: warranty checkpoints (months, km), whichever comes first; and a check 30 days before the warranty ends. */
export const WARRANTY_CHECKPOINTS = [
  { months: 6, km: 10_000 },
  { months: 12, km: 20_000 },
  { months: 24, km: 60_000 },
];
const WARRANTY_END_CHECK_DAYS = 30;
/** Mileage is estimated only from readings at least this many days apart. */
const MIN_SPAN_DAYS = 7;
/** Local send times (minutes after midnight): greetings before 08:30 (R-CARE-5), holidays at 09:00, reminders at 10:00. */
export const SEND_AT = { birthday: 8 * 60, holiday: 9 * 60, reminder: 10 * 60 };

export interface MileageReading {
  on: string;
  km: number;
}

export interface VehicleFacts {
  id: number;
  customerId: number;
  plate: string;
  purchaseDate: string | null;
  /** Sold by this store (R-CARE-1 applies). */
  newCarHere: boolean;
  warrantyYears: number | null;
  warrantyKm: number | null;
  insuranceExpiresOn: string | null;
  inspectionDueOn: string | null;
  /** Odometer readings of the recorded visits (mileage in, mileage out), oldest first. */
  readings: MileageReading[];
  /** The latest delivery record: when, and the next service it set (R-DEL-4). */
  lastDelivery: { on: string; nextDueOn: string; nextDueKm: number } | null;
  /** The latest visit (work order opened). */
  lastVisitOn: string | null;
}

export interface CustomerFacts {
  id: number;
  birthday: string | null;
  lunarBirthday: LunarMonthDay | null;
}

export interface CareStep {
  /** Part of the message's idempotency key: REMIND, DAY_BEFORE, CALL, GREET… */
  step: string;
  sendOn: string;
  atMinutes: number;
  template: string;
  /** Null: the customer's preferred channel. */
  channel: OutboxChannel | null;
}

export interface CareItem {
  /** `care:<kind>:<v|c><id>:<date>`; a message's idempotency key is this plus `:<step>`. */
  key: string;
  date: string;
  kind: CareKind;
  customerId: number;
  vehicleId: number | null;
  reason: { template: string; variables: Record<string, string | number | null> };
  /** Variables of the messages (besides customer, store and store phone, added when sent). */
  variables: Record<string, string | number | null>;
  steps: CareStep[];
}

const inRange = (d: string, from: string, to: string) => d >= from && d <= to;
const minDate = (a: string, b: string | null) => (b && b < a ? b : a);
const step = (s: string, sendOn: string, template: string, atMinutes = SEND_AT.reminder, channel: OutboxChannel | null = null): CareStep => ({ step: s, sendOn, atMinutes, template, channel });

/**
 * R-CARE-2: the date a vehicle reaches `targetKm` at the pace of its recorded visits: the readings
 * furthest apart (at least a week) give the km a day, counted on from the latest reading. Null when
 * the visits do not tell a pace.
 */
export function estimateDateForKm(readings: readonly MileageReading[], targetKm: number): { date: string; kmPerDay: number; last: MileageReading } | null {
  if (readings.length < 2) return null;
  const sorted = [...readings].sort((a, b) => a.on.localeCompare(b.on) || a.km - b.km);
  const first = sorted[0];
  const last = sorted.at(-1)!;
  const days = daysBetween(first.on, last.on);
  if (days < MIN_SPAN_DAYS || last.km <= first.km) return null;
  const kmPerDay = (last.km - first.km) / days;
  const ahead = Math.max(0, Math.ceil((targetKm - last.km) / kmPerDay));
  return { date: addDays(last.on, ahead), kmPerDay: Math.round(kmPerDay), last };
}

/** The care items of a vehicle dated within [from, to] (dates are the store's local dates). */
export function vehicleItems(v: VehicleFacts, from: string, to: string): CareItem[] {
  const items: CareItem[] = [];
  const base = { customerId: v.customerId, vehicleId: v.id };
  const key = (kind: CareKind, date: string) => `care:${kind}:v${v.id}:${date}`;
  const readings = v.purchaseDate ? [{ on: v.purchaseDate, km: 0 }, ...v.readings] : v.readings;
  const firstOn = v.purchaseDate ? addMonths(v.purchaseDate, FIRST_MAINTENANCE.months) : null;

  // R-CARE-1: the new car sold here.
  if (v.newCarHere && v.purchaseDate && inRange(v.purchaseDate, from, to)) {
    const variables = { plate: v.plate, purchaseDate: v.purchaseDate, firstMaintenanceOn: firstOn, firstMaintenanceKm: FIRST_MAINTENANCE.km };
    items.push({
      ...base,
      key: key(CareKind.NEW_CAR_WELCOME, v.purchaseDate),
      date: v.purchaseDate,
      kind: CareKind.NEW_CAR_WELCOME,
      reason: { template: 'CARE_REASON_NEW_CAR', variables },
      variables,
      steps: [
        step('WELCOME', addDays(v.purchaseDate, 1), 'NEW_CAR_WELCOME'),
        step('CALL', addDays(v.purchaseDate, 3), 'NEW_CAR_CALL', SEND_AT.reminder, OutboxChannel.PHONE_TASK),
        step('SURVEY', addDays(v.purchaseDate, 7), 'NEW_CAR_SURVEY'),
      ],
    });
  }

  // R-CARE-2: maintenance due by time or by mileage, whichever comes first.
  const due = maintenanceDue(v, readings, firstOn);
  if (due && inRange(due.date, from, to)) {
    const variables = { plate: v.plate, dueOn: due.date, dueKm: due.km };
    items.push({
      ...base,
      key: key(CareKind.MAINTENANCE_DUE, due.date),
      date: due.date,
      kind: CareKind.MAINTENANCE_DUE,
      reason: due.reason,
      variables,
      steps: [
        step('REMIND', addDays(due.date, -5), 'MAINTENANCE_REMINDER'),
        step('DAY_BEFORE', addDays(due.date, -1), 'MAINTENANCE_DAY_BEFORE', SEND_AT.reminder, OutboxChannel.SMS),
        step('CALL', addDays(due.date, 1), 'MAINTENANCE_CALL', SEND_AT.reminder, OutboxChannel.PHONE_TASK),
      ],
    });
  }

  // R-CARE-3: warranty checkpoints and the end of the warranty.
  if (v.purchaseDate) {
    for (const c of WARRANTY_CHECKPOINTS) {
      const date = minDate(addMonths(v.purchaseDate, c.months), estimateDateForKm(readings, c.km)?.date ?? null);
      if (!inRange(date, from, to) || date <= v.purchaseDate) continue;
      const variables = { plate: v.plate, months: c.months, km: c.km, dueOn: date };
      items.push({ ...base, key: key(CareKind.WARRANTY_CHECK, date), date, kind: CareKind.WARRANTY_CHECK, reason: { template: 'CARE_REASON_WARRANTY_CHECK', variables }, variables, steps: [step('REMIND', addDays(date, -3), 'WARRANTY_CHECK')] });
    }
    if (v.warrantyYears) {
      const endsOn = addMonths(v.purchaseDate, v.warrantyYears * 12);
      const date = addDays(endsOn, -WARRANTY_END_CHECK_DAYS);
      if (inRange(date, from, to)) {
        const variables = { plate: v.plate, endsOn };
        items.push({ ...base, key: key(CareKind.WARRANTY_CHECK, date), date, kind: CareKind.WARRANTY_CHECK, reason: { template: 'CARE_REASON_WARRANTY_END', variables }, variables, steps: [step('REMIND', date, 'WARRANTY_END')] });
      }
    }
  }

  // R-CARE-4: insurance and annual inspection, a month and a week ahead.
  for (const [kind, date, template, reason] of [
    [CareKind.INSURANCE_EXPIRY, v.insuranceExpiresOn, 'INSURANCE_EXPIRY', 'CARE_REASON_INSURANCE'],
    [CareKind.INSPECTION_DUE, v.inspectionDueOn, 'INSPECTION_DUE', 'CARE_REASON_INSPECTION'],
  ] as const) {
    if (!date || !inRange(date, from, to)) continue;
    const variables = { plate: v.plate, dueOn: date };
    items.push({ ...base, key: key(kind, date), date, kind, reason: { template: reason, variables }, variables, steps: [step('MONTH_AHEAD', addDays(date, -30), template), step('WEEK_AHEAD', addDays(date, -7), template)] });
  }
  return items;
}

function maintenanceDue(v: VehicleFacts, readings: MileageReading[], firstOn: string | null): { date: string; km: number; reason: CareItem['reason'] } | null {
  if (v.lastDelivery) {
    // A visit opened after the delivery that set the due date: the car is (or was) in; the next delivery sets the next one.
    if (v.lastVisitOn && v.lastVisitOn > v.lastDelivery.on) return null;
    const byKm = estimateDateForKm(readings, v.lastDelivery.nextDueKm);
    if (byKm && byKm.date < v.lastDelivery.nextDueOn) {
      const variables = { dueKm: v.lastDelivery.nextDueKm, kmPerDay: byKm.kmPerDay, lastKm: byKm.last.km, lastOn: byKm.last.on };
      return { date: byKm.date, km: v.lastDelivery.nextDueKm, reason: { template: 'CARE_REASON_MAINTENANCE_MILEAGE', variables } };
    }
    return { date: v.lastDelivery.nextDueOn, km: v.lastDelivery.nextDueKm, reason: { template: 'CARE_REASON_MAINTENANCE_TIME', variables: { dueOn: v.lastDelivery.nextDueOn, dueKm: v.lastDelivery.nextDueKm } } };
  }
  if (!v.newCarHere || !firstOn || v.lastVisitOn) return null;
  const date = minDate(firstOn, estimateDateForKm(readings, FIRST_MAINTENANCE.km)?.date ?? null);
  return { date, km: FIRST_MAINTENANCE.km, reason: { template: 'CARE_REASON_FIRST_MAINTENANCE', variables: { firstMaintenanceOn: firstOn, firstMaintenanceKm: FIRST_MAINTENANCE.km } } };
}

/** R-CARE-5: birthdays (solar and lunar; one greeting when both fall on a day) and holidays of a customer within [from, to]. */
export function customerItems(c: CustomerFacts, from: string, to: string, holidays: boolean): CareItem[] {
  const items: CareItem[] = [];
  const key = (kind: CareKind, date: string) => `care:${kind}:c${c.id}:${date}`;
  const years = yearsOf(from, to);
  const seen = new Set<string>();
  const birthday = (date: string, template: string, reason: CareItem['reason']) => {
    if (!inRange(date, from, to) || seen.has(date)) return;
    seen.add(date);
    items.push({ key: key(CareKind.BIRTHDAY, date), date, kind: CareKind.BIRTHDAY, customerId: c.id, vehicleId: null, reason, variables: {}, steps: [step('GREET', date, template, SEND_AT.birthday)] });
  };
  for (const y of years) {
    if (c.birthday) birthday(solarBirthdayIn(y, c.birthday), 'BIRTHDAY_GREETING', { template: 'CARE_REASON_BIRTHDAY', variables: {} });
    if (c.lunarBirthday) {
      const lunar = `${c.lunarBirthday.leap ? '闰' : ''}${c.lunarBirthday.month}/${c.lunarBirthday.day}`;
      for (const date of lunarDatesInSolarYear(y, c.lunarBirthday)) birthday(date, 'LUNAR_BIRTHDAY_GREETING', { template: 'CARE_REASON_LUNAR_BIRTHDAY', variables: { lunar } });
    }
    if (!holidays) continue;
    for (const h of holidaysIn(y)) {
      if (!inRange(h.date, from, to)) continue;
      items.push({ key: key(CareKind.HOLIDAY, h.date), date: h.date, kind: CareKind.HOLIDAY, customerId: c.id, vehicleId: null, reason: { template: `CARE_REASON_HOLIDAY_${h.key}`, variables: {} }, variables: {}, steps: [step('GREET', h.date, `HOLIDAY_${h.key}`, SEND_AT.holiday)] });
    }
  }
  return items;
}

/** 02-29 is greeted on 02-28 in other years. */
export function solarBirthdayIn(year: number, birthday: string): string {
  const md = birthday.slice(5);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return `${year}-${md === '02-29' && !leap ? '02-28' : md}`;
}

function yearsOf(from: string, to: string): number[] {
  const years: number[] = [];
  for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++) years.push(y);
  return years;
}
