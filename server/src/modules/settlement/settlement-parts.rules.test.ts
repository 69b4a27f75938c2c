import { describe, expect, it } from 'vitest';
import { matchIssuedParts } from './settlement-parts.rules.js';

const issue = (partId: number, quantity: number, returnedQuantity = 0, unitPriceFen = 42000) => ({ partId, partNumber: `P${partId}`, name: `配件${partId}`, quantity, returnedQuantity, unitPriceFen });

describe('issued parts against approved lines (R-WO-5, R-EST-6)', () => {
  it('a part an approved catalog line charges is covered, not charged again', () => {
    expect(matchIssuedParts([{ catalogPartId: 1, partNumber: 'P1', quantityMilli: 2000 }], [issue(1, 2)])).toEqual([
      { partNumber: 'P1', name: '配件1', issuedMilli: 2000, coveredMilli: 2000, uncoveredMilli: 0, unitPriceFen: 42000, uncoveredAmountFen: 0 },
    ]);
  });

  it('units beyond the approved lines are uncovered and priced at issue; returns net out', () => {
    const [row] = matchIssuedParts([{ catalogPartId: 1, partNumber: 'P1', quantityMilli: 1000 }], [issue(1, 2), issue(1, 2, 1)]);
    expect(row).toMatchObject({ issuedMilli: 3000, coveredMilli: 1000, uncoveredMilli: 2000, uncoveredAmountFen: 84000 });
    expect(matchIssuedParts([{ catalogPartId: 1, partNumber: 'P1', quantityMilli: 1000 }], [issue(1, 2, 1)])[0]).toMatchObject({ uncoveredMilli: 0 });
    expect(matchIssuedParts([], [issue(1, 1, 1)])).toEqual([]);
  });

  it('a line typed by hand covers by part number; a catalog line covers only its own part; half units round half up', () => {
    expect(matchIssuedParts([{ catalogPartId: null, partNumber: ' p1 ', quantityMilli: 1000 }], [issue(1, 1)])[0].uncoveredMilli).toBe(0);
    expect(matchIssuedParts([{ catalogPartId: 2, partNumber: 'P1', quantityMilli: 1000 }], [issue(1, 1)])[0].uncoveredMilli).toBe(1000);
    expect(matchIssuedParts([{ catalogPartId: 1, partNumber: 'P1', quantityMilli: 500 }], [issue(1, 1, 0, 3)])[0]).toMatchObject({ uncoveredMilli: 500, uncoveredAmountFen: 2 });
  });
});
