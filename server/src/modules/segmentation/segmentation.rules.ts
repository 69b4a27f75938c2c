import { CustomerType, ValueClass } from '../customer/customer-type.js';
import { VehicleUsage } from '../vehicle/vehicle.enums.js';
import { ChurnRiskLevel, SegmentTag, VehicleAgeClass } from './segmentation.enums.js';

/** Pure: the classification of R-SEG-1..4 from a customer's history facts. No I/O, no clock (now is passed). */

const DAY = 86_400_000;
const YEAR = 365.25 * DAY;
const MONTH = YEAR / 12;

/** The thresholds a store sets (SegmentationSettings); defaults in segmentation.entity.ts. */
export interface Thresholds {
  lookbackMonths: number;
  aMinSpendFen: number;
  aMinPaidVisits: number;
  lostAfterMonths: number;
  longGapDays: number;
  leftAfterWarrantyDays: number;
  defaultWarrantyYears: number;
  defaultWarrantyKm: number;
  frequentVisits: number;
  faultProneRepairs: number;
  highMileageKmPerYear: number;
}

/** One explanation: a message code (zh + en in segmentation.messages.ts) and its parameters. */
export interface Reason {
  code: string;
  params: Record<string, string | number>;
}

export interface VehicleFacts {
  id: number;
  vin: string;
  purchaseDate: string | null;
  warrantyYears: number | null;
  warrantyKm: number | null;
  mileageKm: number | null;
  usage: VehicleUsage | null;
  createdAt: Date;
  firstVisitAt: Date | null;
  lastVisitAt: Date | null;
}

/** A customer's history as the classification needs it; visits are settlements in force (R-ARC-3). */
export interface CustomerFacts {
  customerType: CustomerType;
  createdAt: Date;
  visits: number;
  firstVisitAt: Date | null;
  lastVisitAt: Date | null;
  /** In the look-back window. */
  windowVisits: number;
  windowPaidVisits: number;
  windowSpendFen: number;
  windowRepairs: number;
  vehicles: VehicleFacts[];
  openComplaints: number;
  openMajorComplaints: number;
}

export interface Segment {
  valueClass: ValueClass;
  reasons: Reason[];
  vehicleAgeClass: VehicleAgeClass | null;
  usage: VehicleUsage;
  tags: SegmentTag[];
  churn: { level: ChurnRiskLevel; reasons: Reason[] } | null;
  lastVisitAt: Date | null;
}

/** VIN position 10: the model year (a 30-year cycle; the latest year not after `now`). */
const YEAR_CODES = 'ABCDEFGHJKLMNPRSTVWXY123456789';
export function vinModelYear(vin: string, now: Date): number | null {
  const k = YEAR_CODES.indexOf(vin[9] ?? '');
  if (k < 0) return null;
  let year = 2010 + k;
  while (year > now.getUTCFullYear() + 1) year -= 30;
  return year;
}

/** When the car's life started: its purchase date, else the middle of its VIN model year (an estimate, noted in the README). */
export function vehicleStart(v: Pick<VehicleFacts, 'purchaseDate' | 'vin'>, now: Date): Date | null {
  if (v.purchaseDate) return new Date(`${v.purchaseDate}T00:00:00Z`);
  const year = vinModelYear(v.vin, now);
  return year == null ? null : new Date(Date.UTC(year, 6, 1));
}

function warrantyEnd(v: VehicleFacts, t: Thresholds, now: Date): Date | null {
  const start = vehicleStart(v, now);
  if (!start) return null;
  const end = new Date(start);
  end.setUTCFullYear(end.getUTCFullYear() + (v.warrantyYears ?? t.defaultWarrantyYears));
  return end;
}

/** R-SEG-1: in warranty (by date and kilometres), else 2–5 years, else over 5. Null when the car's age is unknown. */
export function vehicleAgeClass(v: VehicleFacts | null, t: Thresholds, now: Date): VehicleAgeClass | null {
  if (!v) return null;
  const start = vehicleStart(v, now);
  const end = warrantyEnd(v, t, now);
  if (!start || !end) return null;
  const km = v.warrantyKm ?? t.defaultWarrantyKm;
  if (now < end && (v.mileageKm ?? 0) < km) return VehicleAgeClass.IN_WARRANTY;
  return now.getTime() - start.getTime() <= 5 * YEAR ? VehicleAgeClass.TWO_TO_FIVE_YEARS : VehicleAgeClass.OVER_FIVE_YEARS;
}

/** The car that speaks for the customer: the one seen most recently, else the one registered last. */
export function mainVehicle(vehicles: readonly VehicleFacts[]): VehicleFacts | null {
  let best: VehicleFacts | null = null;
  for (const v of vehicles) {
    if (!best) best = v;
    else {
      const a = v.lastVisitAt?.getTime() ?? -1;
      const b = best.lastVisitAt?.getTime() ?? -1;
      if (a > b || (a === b && v.createdAt > best.createdAt)) best = v;
    }
  }
  return best;
}

/** R-SEG-3 D: a car that came while under warranty and not since its warranty ended (after a grace period). */
function leftAfterWarranty(vehicles: readonly VehicleFacts[], t: Thresholds, now: Date): Date | null {
  for (const v of vehicles) {
    const end = warrantyEnd(v, t, now);
    if (!end || !v.firstVisitAt || !v.lastVisitAt) continue;
    if (end.getTime() + t.leftAfterWarrantyDays * DAY < now.getTime() && v.firstVisitAt < end && v.lastVisitAt < end) return end;
  }
  return null;
}

const yuan = (fen: number) => Math.round(fen / 100).toLocaleString('en-US');
const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const monthsSince = (d: Date, now: Date) => Math.floor((now.getTime() - d.getTime()) / MONTH);

export function classify(f: CustomerFacts, t: Thresholds, now: Date): Segment {
  const main = mainVehicle(f.vehicles);
  const months = t.lookbackMonths;
  const spend: Reason = { code: 'SEG_SPEND', params: { months, amount: yuan(f.windowSpendFen) } };
  const visits: Reason = { code: 'SEG_VISITS', params: { months, count: f.windowVisits, paid: f.windowPaidVisits } };
  const left = leftAfterWarranty(f.vehicles, t, now);
  const since = f.lastVisitAt ?? f.createdAt;
  const idleMonths = monthsSince(since, now);
  const idle: Reason = f.lastVisitAt ? { code: 'SEG_NO_VISIT', params: { months: idleMonths } } : { code: 'SEG_NEVER_VISITED', params: { months: idleMonths } };
  const lost = now.getTime() - since.getTime() > t.lostAfterMonths * MONTH;
  const gapDays = f.visits >= 2 && f.firstVisitAt && f.lastVisitAt ? Math.round((f.lastVisitAt.getTime() - f.firstVisitAt.getTime()) / (f.visits - 1) / DAY) : null;

  let valueClass: ValueClass;
  let reasons: Reason[];
  if (left) {
    valueClass = ValueClass.D;
    reasons = [{ code: 'SEG_LEFT_AFTER_WARRANTY', params: { date: isoDay(left) } }, ...(lost ? [idle] : [])];
  } else if (lost) {
    valueClass = ValueClass.D;
    reasons = [idle];
  } else if (f.windowVisits > 0 && f.windowPaidVisits === 0) {
    valueClass = ValueClass.C;
    reasons = [{ code: 'SEG_WARRANTY_ONLY', params: { months, count: f.windowVisits } }];
  } else if (gapDays != null && gapDays > t.longGapDays) {
    valueClass = ValueClass.C;
    reasons = [{ code: 'SEG_LONG_GAPS', params: { days: gapDays } }, visits];
  } else if (f.windowSpendFen >= t.aMinSpendFen && f.windowPaidVisits >= t.aMinPaidVisits) {
    valueClass = ValueClass.A;
    reasons = [spend, visits];
    if (f.firstVisitAt) reasons.push({ code: 'SEG_CUSTOMER_SINCE', params: { date: isoDay(f.firstVisitAt) } });
  } else if (f.visits === 0) {
    valueClass = ValueClass.B;
    reasons = [{ code: 'SEG_NEW_CUSTOMER', params: {} }];
  } else {
    valueClass = ValueClass.B;
    reasons = [spend, visits, { code: 'SEG_A_NEEDS', params: { months, amount: yuan(t.aMinSpendFen), visits: t.aMinPaidVisits } }];
  }

  return {
    valueClass,
    reasons,
    vehicleAgeClass: vehicleAgeClass(main, t, now),
    usage: main?.usage ?? (f.customerType as string as VehicleUsage),
    tags: tags(f, main, t, now),
    churn: churn(f, t, now, left, idle, since),
    lastVisitAt: f.lastVisitAt,
  };
}

function tags(f: CustomerFacts, main: VehicleFacts | null, t: Thresholds, now: Date): SegmentTag[] {
  const out: SegmentTag[] = [];
  const start = main && vehicleStart(main, now);
  const ageYears = start ? (now.getTime() - start.getTime()) / YEAR : null;
  if (ageYears != null && ageYears < 1) out.push(SegmentTag.NEW_CAR);
  if (ageYears != null && ageYears >= 3) out.push(SegmentTag.OLD_CAR);
  if (f.windowVisits >= t.frequentVisits) out.push(SegmentTag.FREQUENT_VISITS);
  if (f.visits > 0 && f.windowVisits <= 1) out.push(SegmentTag.RARE_VISITS);
  if (f.windowRepairs >= t.faultProneRepairs) out.push(SegmentTag.FAULT_PRONE);
  if (ageYears != null && ageYears >= 0.25 && main?.mileageKm != null && main.mileageKm / ageYears > t.highMileageKmPerYear) out.push(SegmentTag.HIGH_MILEAGE);
  return out;
}

/** R-SEG-4: the churn risk with every reason, the most serious first; null when there is none. */
function churn(f: CustomerFacts, t: Thresholds, now: Date, left: Date | null, idle: Reason, since: Date): Segment['churn'] {
  const found: { level: ChurnRiskLevel; reason: Reason }[] = [];
  const idleMs = now.getTime() - since.getTime();
  if (left) found.push({ level: ChurnRiskLevel.HIGH, reason: { code: 'SEG_LEFT_AFTER_WARRANTY', params: { date: isoDay(left) } } });
  if (f.openMajorComplaints > 0) found.push({ level: ChurnRiskLevel.HIGH, reason: { code: 'SEG_COMPLAINT_UNRESOLVED', params: { count: f.openComplaints } } });
  if (idleMs > 2 * t.lostAfterMonths * MONTH) found.push({ level: ChurnRiskLevel.HIGH, reason: idle });
  else if (idleMs > t.lostAfterMonths * MONTH) found.push({ level: ChurnRiskLevel.MEDIUM, reason: idle });
  if (f.openComplaints > 0 && f.openMajorComplaints === 0) found.push({ level: ChurnRiskLevel.MEDIUM, reason: { code: 'SEG_COMPLAINT_UNRESOLVED', params: { count: f.openComplaints } } });
  if (!found.length) return null;
  found.sort((a, b) => rank(b.level) - rank(a.level));
  return { level: found[0].level, reasons: found.map((x) => x.reason) };
}

export const rank = (level: ChurnRiskLevel): number => (level === ChurnRiskLevel.HIGH ? 2 : 1);
