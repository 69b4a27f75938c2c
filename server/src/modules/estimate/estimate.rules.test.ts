import { describe, expect, it } from 'vitest';
import { EstimateLineKind as K, EstimatePayer as P, LineDecision as D, WarrantyReason as W } from './estimate.enums.js';
import { addYears, countedLines, decide, divRound, DTC, lineAmountFen, toUnits, totalsOf, warrantyEligibility } from './estimate.rules.js';

const line = (id: number, o: Partial<{ kind: K; amountFen: number; payer: P; alternativeGroup: string | null; decision: D }> = {}) => ({
  id,
  position: id,
  kind: K.PART,
  amountFen: 1000,
  payer: P.CUSTOMER,
  alternativeGroup: null,
  decision: D.PENDING,
  ...o,
});

describe('R-EST-2: amounts are derived, rounded half up to the fen', () => {
  it('divRound rounds half up', () => {
    expect([divRound(5, 10), divRound(4, 10), divRound(15, 10), divRound(0, 7)]).toEqual([1, 0, 2, 0]);
  });

  it('toUnits keeps exact decimals and refuses more places', () => {
    expect(toUnits(4.5, 3)).toBe(4500);
    expect(toUnits(1.005, 3)).toBe(1005);
    expect(toUnits(0.1 + 0.2, 2)).toBe(30);
    expect(toUnits(1.2345, 3)).toBeNull();
  });

  it('PART = quantity × unit price; LABOUR = standard hours × rate; FEE = the fee', () => {
    expect(lineAmountFen({ kind: K.PART, quantityMilli: 4500, unitPriceFen: 8333 })).toBe(37499); // 37498.5
    expect(lineAmountFen({ kind: K.PART, quantityMilli: 1000, unitPriceFen: 68000 })).toBe(68000);
    expect(lineAmountFen({ kind: K.LABOUR, hoursCenti: 75, hourlyRateFen: 30001 })).toBe(22501); // 22500.75
    expect(lineAmountFen({ kind: K.LABOUR, hoursCenti: 450, hourlyRateFen: 32000 })).toBe(144000);
    expect(lineAmountFen({ kind: K.FEE, feeFen: 2000 })).toBe(2000);
  });

  it('the largest accepted line stays an exact integer', () => {
    expect(lineAmountFen({ kind: K.PART, quantityMilli: 9_999_000, unitPriceFen: 100_000_000 })).toBe(999_900_000_000);
  });
});

describe('R-EST-3: which lines the totals count', () => {
  it('before the decision: every line, of an alternative group only the first by position', () => {
    const lines = [line(1, { alternativeGroup: 'a' }), line(2, { alternativeGroup: 'a' }), line(3), line(4, { alternativeGroup: 'b' })];
    expect(countedLines(lines).map((l) => l.id)).toEqual([1, 3, 4]);
  });

  it('after the decision: approved lines only (R-EST-6: nothing unapproved is charged)', () => {
    const lines = [line(1, { decision: D.DECLINED }), line(2, { decision: D.APPROVED }), line(3, { decision: D.DEFERRED })];
    expect(countedLines(lines).map((l) => l.id)).toEqual([2]);
  });
});

describe('R-EST-2/5: totals per kind and per payer; tax per payer at the store rate', () => {
  it('without tax the payers’ shares add up to the total', () => {
    const t = totalsOf([line(1, { amountFen: 68000 }), line(2, { kind: K.LABOUR, amountFen: 144000, payer: P.WARRANTY }), line(3, { kind: K.FEE, amountFen: 2000, payer: P.INSURANCE })], 0);
    expect(t).toEqual({ partsFen: 68000, labourFen: 144000, feesFen: 2000, taxFen: 0, totalFen: 214000, customerFen: 68000, warrantyFen: 144000, insuranceFen: 2000 });
  });

  it('13 % tax is rounded half up per payer, and customer + warranty + insurance = total', () => {
    const t = totalsOf([line(1, { amountFen: 1001 }), line(2, { amountFen: 1001, payer: P.WARRANTY })], 1300);
    // 1001 × 0.13 = 130.13 → 130 for each payer.
    expect(t).toMatchObject({ taxFen: 260, customerFen: 1131, warrantyFen: 1131, totalFen: 2262 });
    expect(t.customerFen + t.warrantyFen + t.insuranceFen).toBe(t.totalFen);
    expect(t.partsFen + t.labourFen + t.feesFen + t.taxFen).toBe(t.totalFen);
  });
});

describe('R-EST-3/4/5: checking an approval', () => {
  const lines = [
    { id: 1, alternativeGroup: 'a', deferrable: false, payer: P.CUSTOMER },
    { id: 2, alternativeGroup: 'a', deferrable: false, payer: P.CUSTOMER },
    { id: 3, deferrable: true, payer: P.CUSTOMER },
    { id: 4, deferrable: false, payer: P.WARRANTY, warrantyConfirmed: null },
    { id: 5, deferrable: false, payer: P.CUSTOMER },
  ];

  it('lines neither approved nor deferred are declined', () => {
    const { problems, decisions } = decide(lines, [1], [3]);
    expect(problems).toEqual([]);
    expect(Object.fromEntries(decisions)).toEqual({ 1: D.APPROVED, 2: D.DECLINED, 3: D.DEFERRED, 4: D.DECLINED, 5: D.DECLINED });
  });

  it('refuses two lines of one alternative group, deferring a non-deferrable line, foreign and repeated ids, unconfirmed warranty', () => {
    expect(decide(lines, [1, 2], []).problems).toEqual([{ code: 'ALTERNATIVES_CONFLICT', group: 'a' }]);
    expect(decide(lines, [], [5]).problems).toEqual([{ code: 'NOT_DEFERRABLE', index: 0 }]);
    expect(decide(lines, [99], []).problems).toEqual([{ code: 'LINE_NOT_IN_ESTIMATE', list: 'approvedLineIds', index: 0 }]);
    expect(decide(lines, [3], [3]).problems).toEqual([{ code: 'LINE_LISTED_TWICE', list: 'deferredLineIds', index: 0 }]);
    expect(decide(lines, [4], []).problems).toEqual([{ code: 'WARRANTY_NOT_CONFIRMED', index: 0 }]);
    expect(decide([{ ...lines[3], warrantyConfirmed: true }], [4], []).problems).toEqual([]);
  });
});

describe('R-EST-5: warranty eligibility by date and mileage', () => {
  const terms = { purchaseDate: '2024-03-15', warrantyYears: 3, warrantyKm: 100000 };

  it('covers up to the day before the anniversary and up to the km limit, both inclusive', () => {
    expect(warrantyEligibility(terms, '2027-03-14', 100000)).toEqual({ eligible: true, reason: W.IN_WARRANTY, expiresOn: '2027-03-14', kmLimit: 100000 });
    expect(warrantyEligibility(terms, '2027-03-15', 50000)).toMatchObject({ eligible: false, reason: W.EXPIRED_BY_DATE });
    expect(warrantyEligibility(terms, '2026-01-01', 100001)).toMatchObject({ eligible: false, reason: W.EXPIRED_BY_MILEAGE });
  });

  it('without a purchase date or terms it is not eligible, with the reason', () => {
    expect(warrantyEligibility({ ...terms, purchaseDate: null }, '2026-01-01', 1)).toMatchObject({ eligible: false, reason: W.NO_PURCHASE_DATE });
    expect(warrantyEligibility({ ...terms, warrantyYears: null }, '2026-01-01', 1)).toMatchObject({ eligible: false, reason: W.NO_WARRANTY_TERMS });
  });

  it('29 February anniversaries fall on 28 February', () => {
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
  });
});

describe('R-EST-1: trouble codes', () => {
  it('accepts P/C/B/U, 0–3, three hex digits', () => {
    expect(['P0016', 'C1234', 'B3FFF', 'U0100'].every((c) => DTC.test(c))).toBe(true);
    expect(['P4000', 'X0016', 'P001', 'p0016', 'P0016A', 'P00G6'].some((c) => DTC.test(c))).toBe(false);
  });
});
