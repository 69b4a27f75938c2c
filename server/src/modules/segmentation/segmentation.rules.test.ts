import { describe, expect, it } from 'vitest';
import { CustomerType, ValueClass } from '../customer/customer-type.js';
import { SEGMENTATION_DEFAULTS } from './segmentation.entity.js';
import { ChurnRiskLevel } from './segmentation.enums.js';
import { classify, type CustomerFacts, vehicleAgeClass, vinModelYear } from './segmentation.rules.js';

const now = new Date('2026-12-01T00:00:00Z');
const MONTH = (365.25 / 12) * 86_400_000;
const ago = (months: number) => new Date(now.getTime() - months * MONTH);
const facts = (f: Partial<CustomerFacts> = {}): CustomerFacts => ({
  customerType: CustomerType.PRIVATE,
  createdAt: ago(30),
  visits: 0,
  firstVisitAt: null,
  lastVisitAt: null,
  windowVisits: 0,
  windowPaidVisits: 0,
  windowSpendFen: 0,
  windowRepairs: 0,
  vehicles: [],
  openComplaints: 0,
  openMajorComplaints: 0,
  ...f,
});

describe('segmentation rules (pure)', () => {
  it('R-SEG-1 the VIN model year: the latest year of the 30-year cycle not after next year', () => {
    expect(vinModelYear('LSVAU2180N0000001', now)).toBe(2022);
    expect(vinModelYear('LSVAU2180A0000001', now)).toBe(2010);
    expect(vinModelYear('LSVAU2180Y0000001', now)).toBe(2000); // Y = 2030 is still ahead: 2000
    expect(vinModelYear('LSVAU2180I0000001', now)).toBeNull(); // I is never a year code
  });

  it('R-SEG-1 in warranty ends at the kilometres too', () => {
    const car = { id: 1, vin: 'LSVAU2180N0000001', purchaseDate: '2026-01-10', warrantyYears: null, warrantyKm: null, mileageKm: 70_000, usage: null, createdAt: ago(10), firstVisitAt: null, lastVisitAt: null };
    expect(vehicleAgeClass(car, SEGMENTATION_DEFAULTS, now)).toBe('TWO_TO_FIVE_YEARS');
    expect(vehicleAgeClass({ ...car, mileageKm: 10_000 }, SEGMENTATION_DEFAULTS, now)).toBe('IN_WARRANTY');
  });

  it('R-SEG-3 a customer registered long ago who never came is D, at risk, with the months since registration', () => {
    const s = classify(facts({ createdAt: ago(14) }), SEGMENTATION_DEFAULTS, now);
    expect(s.valueClass).toBe(ValueClass.D);
    expect(s.reasons).toEqual([{ code: 'SEG_NEVER_VISITED', params: { months: 14 } }]);
    expect(s.churn).toEqual({ level: ChurnRiskLevel.HIGH, reasons: [{ code: 'SEG_NEVER_VISITED', params: { months: 14 } }] });
  });

  it('R-SEG-4 churn reasons come most serious first: a major complaint (HIGH) before a long absence (MEDIUM)', () => {
    const s = classify(facts({ visits: 1, firstVisitAt: ago(7), lastVisitAt: ago(7), openComplaints: 1, openMajorComplaints: 1 }), SEGMENTATION_DEFAULTS, now);
    expect(s.churn?.level).toBe(ChurnRiskLevel.HIGH);
    expect(s.churn?.reasons.map((r) => r.code)).toEqual(['SEG_COMPLAINT_UNRESOLVED', 'SEG_NO_VISIT']);
  });

  it('R-SEG-2 usage is the car’s, else the customer’s type', () => {
    expect(classify(facts({ customerType: CustomerType.OFFICIAL }), SEGMENTATION_DEFAULTS, now).usage).toBe('OFFICIAL');
  });
});
