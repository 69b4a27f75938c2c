import { divRound } from '../estimate/estimate.rules.js';
import { normalizePartNumber } from '../parts/parts.rules.js';

/**
 * Pure: how parts issued from the catalog meet the approved lines at the cash desk (R-WO-5, R-EST-6,
 * R-DEL-3). An issued part is already charged by an approved PART line naming the same catalog part
 * (or, for a line typed by hand, the same part number); units issued beyond what the approved lines
 * cover are shown but never charged — an unapproved charge needs the customer's approval first.
 * Returns net out. Quantities in thousandths (estimate lines allow litres of oil), money in fen.
 */

/** An approved PART line as the matching sees it. */
export interface ApprovedPartLine {
  catalogPartId: number | null;
  partNumber: string | null;
  quantityMilli: number;
}

/** One issue of a part to the order, with what was returned since. */
export interface IssuedPart {
  partId: number;
  partNumber: string;
  name: string;
  quantity: number;
  returnedQuantity: number;
  unitPriceFen: number;
}

/** Per part: issued (net), covered by approved lines, and beyond them (not charged). */
export interface IssuedPartRow {
  partNumber: string;
  name: string;
  issuedMilli: number;
  coveredMilli: number;
  uncoveredMilli: number;
  unitPriceFen: number;
  /** What the uncovered units would cost at the price at issue (rounded half up); never in the totals. */
  uncoveredAmountFen: number;
}

const samePartNumber = (a: string | null, b: string) => a != null && normalizePartNumber(a) === b;

/** Matches issues (grouped by part, in order of first issue) against the approved PART lines. */
export function matchIssuedParts(lines: readonly ApprovedPartLine[], issues: readonly IssuedPart[]): IssuedPartRow[] {
  const byPart = new Map<number, IssuedPart[]>();
  for (const i of issues) byPart.set(i.partId, [...(byPart.get(i.partId) ?? []), i]);
  const rows: IssuedPartRow[] = [];
  for (const [partId, list] of byPart) {
    const { partNumber, name } = list[0];
    const issuedMilli = list.reduce((s, i) => s + (i.quantity - i.returnedQuantity) * 1000, 0);
    if (issuedMilli <= 0) continue;
    const approvedMilli = lines.filter((l) => (l.catalogPartId != null ? l.catalogPartId === partId : samePartNumber(l.partNumber, partNumber))).reduce((s, l) => s + l.quantityMilli, 0);
    const coveredMilli = Math.min(issuedMilli, approvedMilli);
    const uncoveredMilli = issuedMilli - coveredMilli;
    const unitPriceFen = list[list.length - 1].unitPriceFen;
    rows.push({ partNumber, name, issuedMilli, coveredMilli, uncoveredMilli, unitPriceFen, uncoveredAmountFen: divRound(uncoveredMilli * unitPriceFen, 1000) });
  }
  return rows;
}
