/**
 * Pure decisions of the estimate module (R-EST-2..5): line amounts, totals, tax, alternatives,
 * approval checks, warranty eligibility, trouble codes. No database, no GraphQL; unit-tested in
 * estimate.rules.test.ts.
 *
 * Money is integer fen. Quantities are kept in thousandths and standard hours in hundredths, so
 * every amount is an integer product divided once and rounded once: half away from zero to the
 * fen (amounts are never negative, so half up).
 */
import { EstimateLineKind as K, EstimatePayer as P, LineDecision as D, WarrantyReason as W } from './estimate.enums.js';

/** Largest amounts accepted, so that every product stays an exact integer in a double. */
export const LIMITS = {
  maxUnitPriceFen: 100_000_000, // 1 000 000 元
  maxQuantity: 9_999,
  maxHours: 100,
  maxHourlyRateFen: 10_000_000,
  maxFeeFen: 100_000_000,
  maxTaxBasisPoints: 3_000,
  /** One line at most 1 000 000 元, an estimate's lines together at most 10 000 000 元: with tax every sum stays a 32-bit integer. */
  maxLineFen: 100_000_000,
  maxEstimateFen: 1_000_000_000,
  maxLines: 60,
} as const;

/** What a line's amount is derived from. */
export interface PricedLine {
  kind: K;
  quantityMilli?: number | null;
  unitPriceFen?: number | null;
  hoursCenti?: number | null;
  hourlyRateFen?: number | null;
  /** FEE lines: the fee itself (the only amount ever typed). */
  feeFen?: number | null;
}

/** Integer a / b rounded half up (a, b ≥ 0). */
export function divRound(a: number, b: number): number {
  return Math.floor((2 * a + b) / (2 * b));
}

/** A decimal with at most `places` decimals as an integer of 10^-places units, or null when it has more. */
export function toUnits(value: number, places: number): number | null {
  const scaled = value * 10 ** places;
  const rounded = Math.round(scaled);
  return Math.abs(scaled - rounded) < 1e-6 ? rounded : null;
}

/** R-EST-2: a line's amount, derived, never typed: PART quantity × unit price, LABOUR standard hours × rate, FEE its amount. */
export function lineAmountFen(line: PricedLine): number {
  switch (line.kind) {
    case K.PART:
      return divRound((line.quantityMilli ?? 0) * (line.unitPriceFen ?? 0), 1000);
    case K.LABOUR:
      return divRound((line.hoursCenti ?? 0) * (line.hourlyRateFen ?? 0), 100);
    case K.FEE:
      return line.feeFen ?? 0;
  }
}

/** A line as the totals see it. */
export interface TotalLine {
  id: number;
  position: number;
  kind: K;
  amountFen: number;
  payer: P;
  alternativeGroup?: string | null;
  decision: D;
}

/**
 * Which lines a total counts. Before the customer decides (every line PENDING): every line, except
 * that of an alternative group only the first line (by position) counts — the option the advisor
 * lists first is the one proposed; the others are shown beside it. Once decided: the APPROVED lines
 * only (R-EST-6: nothing unapproved is ever charged).
 */
export function countedLines<L extends TotalLine>(lines: readonly L[]): L[] {
  const decided = lines.some((l) => l.decision !== D.PENDING);
  if (decided) return lines.filter((l) => l.decision === D.APPROVED);
  const seen = new Set<string>();
  return [...lines]
    .sort((a, b) => a.position - b.position)
    .filter((l) => {
      if (!l.alternativeGroup) return true;
      if (seen.has(l.alternativeGroup)) return false;
      seen.add(l.alternativeGroup);
      return true;
    });
}

export interface Totals {
  partsFen: number;
  labourFen: number;
  feesFen: number;
  taxFen: number;
  totalFen: number;
  customerFen: number;
  warrantyFen: number;
  insuranceFen: number;
}

/**
 * R-EST-2 totals of the given lines (already chosen by `countedLines`). Prices are net of tax when
 * the store's rate is above 0: tax is computed per payer on that payer's net sum, rounded half up to
 * the fen, so each payer's share is exact and customer + warranty + insurance = total. A rate of 0
 * (the default) means prices already include tax and no tax line is added.
 */
export function totalsOf(lines: readonly Pick<TotalLine, 'kind' | 'amountFen' | 'payer'>[], taxBasisPoints: number): Totals {
  const sum = (f: (l: (typeof lines)[number]) => boolean) => lines.filter(f).reduce((s, l) => s + l.amountFen, 0);
  const net = { [P.CUSTOMER]: sum((l) => l.payer === P.CUSTOMER), [P.WARRANTY]: sum((l) => l.payer === P.WARRANTY), [P.INSURANCE]: sum((l) => l.payer === P.INSURANCE) };
  const tax = (n: number) => divRound(n * taxBasisPoints, 10_000);
  const customerFen = net.CUSTOMER + tax(net.CUSTOMER);
  const warrantyFen = net.WARRANTY + tax(net.WARRANTY);
  const insuranceFen = net.INSURANCE + tax(net.INSURANCE);
  const partsFen = sum((l) => l.kind === K.PART);
  const labourFen = sum((l) => l.kind === K.LABOUR);
  const feesFen = sum((l) => l.kind === K.FEE);
  const totalFen = customerFen + warrantyFen + insuranceFen;
  return { partsFen, labourFen, feesFen, taxFen: totalFen - partsFen - labourFen - feesFen, totalFen, customerFen, warrantyFen, insuranceFen };
}

/** A line as the approval check sees it. */
export interface DecidableLine {
  id: number;
  alternativeGroup?: string | null;
  deferrable: boolean;
  payer: P;
  /** WARRANTY lines: true once the warranty clerk confirmed them (R-EST-5). */
  warrantyConfirmed?: boolean | null;
}

export type DecisionProblem =
  | { code: 'LINE_NOT_IN_ESTIMATE'; list: 'approvedLineIds' | 'deferredLineIds'; index: number }
  | { code: 'LINE_LISTED_TWICE'; list: 'approvedLineIds' | 'deferredLineIds'; index: number }
  | { code: 'ALTERNATIVES_CONFLICT'; group: string }
  | { code: 'NOT_DEFERRABLE'; index: number }
  | { code: 'WARRANTY_NOT_CONFIRMED'; index: number };

/**
 * R-EST-3/4/5: checks an approval. Every listed id must be a line of the estimate and appear once
 * in one list; of an alternative group at most one line may be approved; only deferrable lines may
 * be deferred; an approved WARRANTY line needs the warranty clerk's confirmation. Lines in neither
 * list are declined. Returns the problems (empty when the approval may be recorded) and every
 * line's decision.
 */
export function decide(lines: readonly DecidableLine[], approvedIds: readonly number[], deferredIds: readonly number[]): { problems: DecisionProblem[]; decisions: Map<number, D> } {
  const byId = new Map(lines.map((l) => [l.id, l]));
  const problems: DecisionProblem[] = [];
  const decisions = new Map<number, D>(lines.map((l) => [l.id, D.DECLINED]));
  const listed = new Set<number>();
  const take = (list: 'approvedLineIds' | 'deferredLineIds', ids: readonly number[], decision: D) =>
    ids.forEach((id, index) => {
      if (!byId.has(id)) problems.push({ code: 'LINE_NOT_IN_ESTIMATE', list, index });
      else if (listed.has(id)) problems.push({ code: 'LINE_LISTED_TWICE', list, index });
      else {
        listed.add(id);
        decisions.set(id, decision);
      }
    });
  take('approvedLineIds', approvedIds, D.APPROVED);
  take('deferredLineIds', deferredIds, D.DEFERRED);
  const approvedPerGroup = new Map<string, number>();
  for (const id of new Set(approvedIds)) {
    const group = byId.get(id)?.alternativeGroup;
    if (group) approvedPerGroup.set(group, (approvedPerGroup.get(group) ?? 0) + 1);
  }
  for (const [group, n] of approvedPerGroup) if (n > 1) problems.push({ code: 'ALTERNATIVES_CONFLICT', group });
  deferredIds.forEach((id, index) => {
    const line = byId.get(id);
    if (line && !line.deferrable && decisions.get(id) === D.DEFERRED) problems.push({ code: 'NOT_DEFERRABLE', index });
  });
  approvedIds.forEach((id, index) => {
    const line = byId.get(id);
    if (line && line.payer === P.WARRANTY && line.warrantyConfirmed !== true && decisions.get(id) === D.APPROVED) problems.push({ code: 'WARRANTY_NOT_CONFIRMED', index });
  });
  return { problems, decisions };
}

/** The warranty terms of a vehicle's archive (R-ARC-2). */
export interface WarrantyTerms {
  purchaseDate?: string | null; // YYYY-MM-DD
  warrantyYears?: number | null;
  warrantyKm?: number | null;
}

export interface Eligibility {
  eligible: boolean;
  reason: W;
  /** Last day of cover by date (purchase date + years − 1 day), when known. */
  expiresOn: string | null;
  kmLimit: number | null;
}

/** Adds whole years to a calendar date; 29 February falls back to 28 February in common years. */
export function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const target = new Date(Date.UTC(y + years, m - 1, d));
  if (target.getUTCMonth() !== m - 1) target.setUTCDate(0);
  return target.toISOString().slice(0, 10);
}

function previousDay(date: string): string {
  const t = new Date(`${date}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() - 1);
  return t.toISOString().slice(0, 10);
}

/**
 * R-EST-5: the car is under warranty on `today` (the store's calendar day) at `mileage` km when
 * today ≤ purchase date + years − 1 day and mileage ≤ the km limit (both limits inclusive, the
 * first reached ends cover). Without a purchase date or terms it is not eligible, with the reason.
 */
export function warrantyEligibility(terms: WarrantyTerms, today: string, mileage: number): Eligibility {
  const kmLimit = terms.warrantyKm ?? null;
  if (!terms.purchaseDate) return { eligible: false, reason: W.NO_PURCHASE_DATE, expiresOn: null, kmLimit };
  if (terms.warrantyYears == null || kmLimit == null) return { eligible: false, reason: W.NO_WARRANTY_TERMS, expiresOn: null, kmLimit };
  const expiresOn = previousDay(addYears(terms.purchaseDate, terms.warrantyYears));
  if (today > expiresOn) return { eligible: false, reason: W.EXPIRED_BY_DATE, expiresOn, kmLimit };
  if (mileage > kmLimit) return { eligible: false, reason: W.EXPIRED_BY_MILEAGE, expiresOn, kmLimit };
  return { eligible: true, reason: W.IN_WARRANTY, expiresOn, kmLimit };
}

/** R-EST-1: an OBD-II trouble code (P, C, B or U; 0–3; three hex digits), e.g. P0016. */
export const DTC = /^[PCBU][0-3][0-9A-F]{3}$/;
