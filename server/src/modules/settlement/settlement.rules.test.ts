import { describe, expect, it } from 'vitest';
import { EstimateLineKind as K, EstimatePayer as P } from '../estimate/estimate.enums.js';
import { checkRedeem, discountNeedsManager, isValidUscc, paymentsAddUp, pointsEarned, pointsValueFen, settlementNumber, settlementTotals, usccCheckChar } from './settlement.rules.js';

describe('GB 32100-2015 unified social credit code (R-DEL-3 special invoice)', () => {
  it('accepts codes whose 18th character is the check of the first 17', () => {
    expect(isValidUscc('91350100M000100Y43')).toBe(true); // the standard's example
    expect(isValidUscc('91440300708461136T')).toBe(true);
    expect(usccCheckChar('91350100M000100Y4')).toBe('3');
  });

  it('refuses a wrong check character, wrong length, lower case and letters outside the 31 (I, O, S, V, Z)', () => {
    expect(isValidUscc('91350100M000100Y44')).toBe(false);
    expect(isValidUscc('91350100M000100Y4')).toBe(false);
    expect(isValidUscc('91350100M000100Y433')).toBe(false);
    expect(isValidUscc('91350100m000100y43')).toBe(false);
    expect(isValidUscc('91350100I000100Y43')).toBe(false);
    expect(isValidUscc('91110105MA01ABCD3X')).toBe(false);
    expect(usccCheckChar('91350100S000100Y4')).toBeNull();
  });

  it('the check character can be 0 (sum divisible by 31) and every one of the 31 characters is reachable', () => {
    const seen = new Set<string>();
    for (let n = 0; n < 2000; n++) seen.add(usccCheckChar(`9111010${String(n).padStart(6, '0')}MA0X`.slice(0, 17))!);
    expect(seen.size).toBe(31);
  });
});

describe('settlement totals (R-DEL-3), to the fen', () => {
  const line = (amountFen: number, payer: P, kind = K.PART, taxGroup = 1, taxBasisPoints = 1300) => ({ description: 'x', kind, amountFen, payer, taxGroup, taxBasisPoints });

  it('tax per estimate and payer, rounded half up; discount and points off the customer’s share; the parts add up to the total', () => {
    const t = settlementTotals([line(77_600, P.CUSTOMER), line(60_000, P.WARRANTY, K.LABOUR), line(120_000, P.INSURANCE), line(35_000, P.CUSTOMER, K.PART, 2)], 5000, 1000);
    expect(t).toEqual({ partsFen: 232_600, labourFen: 60_000, feesFen: 0, taxFen: 38_038, totalFen: 330_638, discountFen: 5000, pointsFen: 1000, customerFen: 121_238, warrantyFen: 67_800, insuranceFen: 135_600 });
    expect(t.customerFen + t.warrantyFen + t.insuranceFen + t.discountFen + t.pointsFen).toBe(t.totalFen);
  });

  it('half a fen of tax rounds up, per payer', () => {
    // 50 fen at 1 % = 0.5 fen → 1 fen
    expect(settlementTotals([line(50, P.CUSTOMER, K.FEE, 1, 100)]).taxFen).toBe(1);
    expect(settlementTotals([line(49, P.CUSTOMER, K.FEE, 1, 100)]).taxFen).toBe(0);
  });
});

describe('discount, points and payments (R-DEL-3, R-SEG-5)', () => {
  it('a discount above the store limit needs a manager; at the limit it does not', () => {
    expect(discountNeedsManager(10_000, 10_000)).toBe(false);
    expect(discountNeedsManager(10_001, 10_000)).toBe(true);
  });

  it('points are worth whole fen at the store rate, not more than the balance nor than what is due', () => {
    expect(pointsValueFen(1000, 100)).toBe(1000);
    expect(pointsValueFen(150, 200)).toBe(75);
    expect(pointsValueFen(1, 200)).toBeNull();
    expect(checkRedeem(1000, 999, 100, 5000)).toEqual({ problem: 'POINTS_EXCEED_BALANCE' });
    expect(checkRedeem(1000, 1000, 100, 999)).toEqual({ problem: 'POINTS_EXCEED_AMOUNT' });
    expect(checkRedeem(1, 1000, 200, 999)).toEqual({ problem: 'POINTS_NOT_WHOLE_FEN' });
    expect(checkRedeem(1000, 1000, 100, 1000)).toEqual({ fen: 1000 });
  });

  it('points earned per whole yuan paid', () => {
    expect(pointsEarned(121_238, 1)).toBe(1212);
    expect(pointsEarned(99, 1)).toBe(0);
    expect(pointsEarned(10_000, 2)).toBe(200);
  });

  it('split payments add up exactly', () => {
    expect(paymentsAddUp([100_000, 21_238], 121_238)).toBe(true);
    expect(paymentsAddUp([100_000, 21_237], 121_238)).toBe(false);
    expect(paymentsAddUp([], 0)).toBe(true);
  });

  it('numbers JS + day + a 4-digit sequence, restarting each day', () => {
    expect(settlementNumber('20261124', null)).toBe('JS202611240001');
    expect(settlementNumber('20261124', 'JS202611240009')).toBe('JS202611240010');
    expect(settlementNumber('20261125', 'JS202611240009')).toBe('JS202611250001');
  });
});
