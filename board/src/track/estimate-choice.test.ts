import { describe, expect, it } from 'vitest';
import { choose, customerTotalFen, decisionOf, formatFen, initialChoice, isApproved, toggleDeferred } from './estimate-choice';

const lines = [
  { id: 'oem', amountFen: 68000, payer: 'CUSTOMER', alternativeGroup: 'tensioner', deferrable: false },
  { id: 'am', amountFen: 39000, payer: 'CUSTOMER', alternativeGroup: 'tensioner', deferrable: false },
  { id: 'labour', amountFen: 144000, payer: 'CUSTOMER', alternativeGroup: null, deferrable: false },
  { id: 'brakes', amountFen: 32000, payer: 'CUSTOMER', alternativeGroup: null, deferrable: true },
  { id: 'warranty', amountFen: 50000, payer: 'WARRANTY', alternativeGroup: null, deferrable: false },
  { id: 'fee', amountFen: 2000, payer: 'CUSTOMER', alternativeGroup: null, deferrable: false },
];

describe('estimate choices on the customer page (R-EST-3/4)', () => {
  it('R-EST-3 starts from the proposed option of each group, nothing deferred', () => {
    const c = initialChoice(lines);
    expect(c).toEqual({ chosen: { tensioner: 'oem' }, deferred: [] });
    expect(decisionOf(c, lines)).toEqual({ approvedLineIds: ['oem', 'labour', 'brakes', 'warranty', 'fee'], deferredLineIds: [] });
  });

  it('R-EST-3 choosing the aftermarket part declines the OEM one; deferring keeps the line for a later visit', () => {
    let c = choose(initialChoice(lines), lines[1]);
    c = toggleDeferred(c, lines[3]);
    expect(isApproved(c, lines[0])).toBe(false);
    expect(decisionOf(c, lines)).toEqual({ approvedLineIds: ['am', 'labour', 'warranty', 'fee'], deferredLineIds: ['brakes'] });
    expect(decisionOf(toggleDeferred(c, lines[3]), lines).deferredLineIds).toEqual([]);
  });

  it('lines that are not deferrable or not alternatives cannot be toggled', () => {
    const c = initialChoice(lines);
    expect(toggleDeferred(c, lines[2])).toBe(c);
    expect(choose(c, lines[2])).toBe(c);
  });

  it('the customer total counts the approved CUSTOMER lines only, with tax half up per the rate', () => {
    const c = initialChoice(lines);
    expect(customerTotalFen(c, lines, 0)).toBe(68000 + 144000 + 32000 + 2000);
    const cheaper = toggleDeferred(choose(c, lines[1]), lines[3]);
    expect(customerTotalFen(cheaper, lines, 0)).toBe(39000 + 144000 + 2000);
    // 185 000 × 13 % = 24 050 exactly; 1 fen × 13 % = 0.13 → 0; 5 fen × 10 % = 0.5 → 1 (half up)
    expect(customerTotalFen(cheaper, lines, 1300)).toBe(185000 + 24050);
    expect(customerTotalFen(initialChoice([{ id: 'x', amountFen: 5, payer: 'CUSTOMER', deferrable: false }]), [{ id: 'x', amountFen: 5, payer: 'CUSTOMER', deferrable: false }], 1000)).toBe(6);
  });

  it('formats fen as yuan', () => {
    expect(formatFen(123450, 'zh')).toBe('¥1,234.50');
    expect(formatFen(2000, 'en')).toBe('¥20.00');
  });
});
