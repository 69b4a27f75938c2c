import { Role } from '../staff/roles.js';
import { QualityLevel as L } from '../work-order/work-order.enums.js';
import { QualityCheckError as E } from './quality-check.errors.js';
import { QualityResult } from './quality-check.enums.js';

/** R-QC-1: the levels in the order they are signed. */
export const LEVELS: readonly L[] = [L.SELF, L.MUTUAL, L.FINAL];
/** Who signs each level. */
export const SIGNER_ROLE: Record<L, Role> = { SELF: Role.TECHNICIAN, MUTUAL: Role.TEAM_LEADER, FINAL: Role.QC_INSPECTOR };

export interface SignedLevel {
  round: number;
  level: L;
  result: QualityResult;
  signerId: number;
}

export type Verdict = { code: string; params?: Record<string, string | number> } | null;

/**
 * R-QC-1: may `signerId` (holding `roles`, on the crew or not) sign `level` in `round`, given what the
 * order has signed so far (every round)? In order, none skipped, each level once a round, and one
 * person signs one level of a work order (DOMAIN R-QC-1: "two levels of the same work order" — across
 * rounds too, so a rework round cannot be passed by someone who checked at another level before).
 */
export function signVerdict(o: { level: L; round: number; signerId: number; roles: readonly Role[]; onCrew: boolean; signed: readonly SignedLevel[] }): Verdict {
  const role = SIGNER_ROLE[o.level];
  if (!o.roles.includes(role)) return { code: E.QC_ROLE_REQUIRED, params: { level: `QC_${o.level}`, role: `QC_BY_${role}` } };
  if (o.level === L.SELF && !o.onCrew) return { code: E.QC_NOT_ON_CREW };
  const thisRound = o.signed.filter((s) => s.round === o.round);
  if (thisRound.some((s) => s.level === o.level)) return { code: E.QC_LEVEL_ALREADY_SIGNED, params: { level: `QC_${o.level}` } };
  const index = LEVELS.indexOf(o.level);
  for (const before of LEVELS.slice(0, index)) {
    if (!thisRound.some((s) => s.level === before && s.result === QualityResult.PASS)) return { code: E.QC_LEVEL_OUT_OF_ORDER, params: { missing: `QC_${before}` } };
  }
  const other = o.signed.find((s) => s.signerId === o.signerId && s.level !== o.level);
  if (other) return { code: E.QC_SAME_SIGNER, params: { level: `QC_${other.level}` } };
  return null;
}

/** R-QC-1: has the FINAL check passed in this round (the car may leave quality check)? */
export function finalPassed(signed: readonly Pick<SignedLevel, 'round' | 'level' | 'result'>[], round: number): boolean {
  return signed.some((s) => s.round === round && s.level === L.FINAL && s.result === QualityResult.PASS);
}

/** The round being signed: the order's n-th pass through quality check (each rework starts a new one). */
export const currentRound = (reworkCount: number) => reworkCount + 1;
