/**
 * Pure decisions of the cash desk (R-DEL-3, R-SEG-5): the unified social credit code check
 * (GB 32100-2015), discount limit, points redemption and earning, payment sums, the settlement's
 * totals. No database, no GraphQL; unit-tested in settlement.rules.test.ts. Money is integer fen.
 */
import { EstimateLineKind as K, EstimatePayer as P } from '../estimate/estimate.enums.js';
import { totalsOf } from '../estimate/estimate.rules.js';

/** GB 32100-2015: the 31 characters of a unified social credit code (no I, O, S, V, Z). */
const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character of the first 17 characters of a unified social credit code, or null when one is not allowed. */
export function usccCheckChar(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = USCC_CHARS.indexOf(first17[i]);
    if (v < 0) return null;
    sum += v * USCC_WEIGHTS[i];
  }
  return USCC_CHARS[(31 - (sum % 31)) % 31];
}

/**
 * GB 32100-2015: an 18-character unified social credit code (统一社会信用代码) — registration
 * authority, kind, 6-digit administrative area, 9-character organisation code, check character —
 * whose 18th character is the check of the first 17 (weights 3^i mod 31). Upper case only.
 */
export function isValidUscc(code: string): boolean {
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(code)) return false;
  return usccCheckChar(code.slice(0, 17)) === code[17];
}

/** A chargeable line as the settlement sees it: an approved estimate line (or, later, an issued part against one). */
export interface ChargeLine {
  description: string;
  kind: K;
  amountFen: number;
  payer: P;
  /** The rate of the estimate it comes from (estimate rules: tax per payer on that payer's net sum). */
  taxBasisPoints: number;
  /** Groups lines taxed together: the estimate id (tax is computed per estimate and payer, as `WorkOrder.chargeableTotals`). */
  taxGroup: number;
  /** The estimate line it charges. */
  lineId?: number;
}

export interface SettlementTotals {
  partsFen: number;
  labourFen: number;
  feesFen: number;
  taxFen: number;
  /** Parts + labour + fees + tax, every payer, before discount and points. */
  totalFen: number;
  discountFen: number;
  pointsFen: number;
  /** What the customer pays: their lines with tax, less discount and points. */
  customerFen: number;
  warrantyFen: number;
  insuranceFen: number;
}

/**
 * The statement's totals: the lines' totals exactly as the estimate rules make them (tax per estimate
 * and payer, rounded half up), then the discount and the points' value taken off the customer's share.
 * customerFen + warrantyFen + insuranceFen + discountFen + pointsFen = totalFen, always.
 */
export function settlementTotals(lines: readonly ChargeLine[], discountFen = 0, pointsFen = 0): SettlementTotals {
  const sum = { partsFen: 0, labourFen: 0, feesFen: 0, taxFen: 0, totalFen: 0, customerFen: 0, warrantyFen: 0, insuranceFen: 0 };
  const groups = new Map<number, ChargeLine[]>();
  for (const l of lines) groups.set(l.taxGroup, [...(groups.get(l.taxGroup) ?? []), l]);
  for (const group of groups.values()) {
    const t = totalsOf(group, group[0].taxBasisPoints);
    for (const k of Object.keys(sum) as (keyof typeof sum)[]) sum[k] += t[k];
  }
  return { ...sum, discountFen, pointsFen, customerFen: sum.customerFen - discountFen - pointsFen };
}

/** The customer's share before discount and points (with tax). */
export const customerGrossFen = (lines: readonly ChargeLine[]): number => settlementTotals(lines).customerFen;

/** A discount above the store's limit needs a manager (R-DEL-3). */
export const discountNeedsManager = (discountFen: number, limitFen: number): boolean => discountFen > limitFen;

/** R-SEG-5: the value in fen of `points` at `pointsPerYuan` (e.g. 100 points = 1 元), or null when it is not a whole fen. */
export function pointsValueFen(points: number, pointsPerYuan: number): number | null {
  const scaled = points * 100;
  return scaled % pointsPerYuan === 0 ? scaled / pointsPerYuan : null;
}

/** R-SEG-5: consumption points earned on what the customer paid: whole yuan × the store's rate (rounded down). */
export const pointsEarned = (paidFen: number, earnPerYuan: number): number => Math.floor(Math.max(0, paidFen) / 100) * earnPerYuan;

export type RedeemProblem = 'POINTS_NOT_WHOLE_FEN' | 'POINTS_EXCEED_BALANCE' | 'POINTS_EXCEED_AMOUNT';

/** R-SEG-5: points may be redeemed up to the balance and up to what the customer still owes, in whole fen. */
export function checkRedeem(points: number, balance: number, pointsPerYuan: number, dueFen: number): { fen: number } | { problem: RedeemProblem } {
  const fen = pointsValueFen(points, pointsPerYuan);
  if (fen === null) return { problem: 'POINTS_NOT_WHOLE_FEN' };
  if (points > balance) return { problem: 'POINTS_EXCEED_BALANCE' };
  if (fen > dueFen) return { problem: 'POINTS_EXCEED_AMOUNT' };
  return { fen };
}

/** R-DEL-3: split payments must add up exactly to what the customer pays. */
export const paymentsAddUp = (amounts: readonly number[], dueFen: number): boolean => amounts.reduce((s, a) => s + a, 0) === dueFen;

/** 结算单 number: JS + the store's calendar day + a gap-free 4-digit sequence per store and day. */
export function settlementNumber(day: string, last: string | null): string {
  const prefix = `JS${day}`;
  const next = last && last.startsWith(prefix) ? Number(last.slice(prefix.length)) + 1 : 1;
  return `${prefix}${String(next).padStart(4, '0')}`;
}
