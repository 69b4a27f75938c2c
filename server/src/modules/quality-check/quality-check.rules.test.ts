import { describe, expect, it } from 'vitest';
import { Role } from '../staff/roles.js';
import { QualityLevel as L } from '../work-order/work-order.enums.js';
import { QualityResult as R } from './quality-check.enums.js';
import { finalPassed, signVerdict } from './quality-check.rules.js';

const tech = { signerId: 1, roles: [Role.TECHNICIAN], onCrew: true };
const leader = { signerId: 2, roles: [Role.TEAM_LEADER], onCrew: false };
const qc = { signerId: 3, roles: [Role.QC_INSPECTOR], onCrew: false };

describe('R-QC-1 signVerdict', () => {
  it('signs SELF, MUTUAL, FINAL in that order by the right roles', () => {
    expect(signVerdict({ ...tech, level: L.SELF, round: 1, signed: [] })).toBeNull();
    const self = [{ round: 1, level: L.SELF, result: R.PASS, signerId: 1 }];
    expect(signVerdict({ ...leader, level: L.MUTUAL, round: 1, signed: self })).toBeNull();
    const mutual = [...self, { round: 1, level: L.MUTUAL, result: R.PASS, signerId: 2 }];
    expect(signVerdict({ ...qc, level: L.FINAL, round: 1, signed: mutual })).toBeNull();
  });
  it('refuses a skipped level, a level signed twice in a round and the wrong role', () => {
    expect(signVerdict({ ...qc, level: L.FINAL, round: 1, signed: [] })).toEqual({ code: 'QC_LEVEL_OUT_OF_ORDER', params: { missing: 'QC_SELF' } });
    expect(signVerdict({ ...tech, level: L.SELF, round: 1, signed: [{ round: 1, level: L.SELF, result: R.PASS, signerId: 9 }] })?.code).toBe('QC_LEVEL_ALREADY_SIGNED');
    expect(signVerdict({ ...tech, level: L.MUTUAL, round: 1, signed: [] })?.code).toBe('QC_ROLE_REQUIRED');
    expect(signVerdict({ ...tech, onCrew: false, level: L.SELF, round: 1, signed: [] })?.code).toBe('QC_NOT_ON_CREW');
  });
  it('one person cannot sign two levels of the same work order, in any round', () => {
    const both = { signerId: 5, roles: [Role.TECHNICIAN, Role.TEAM_LEADER], onCrew: true };
    const self = [{ round: 1, level: L.SELF, result: R.PASS, signerId: 5 }];
    expect(signVerdict({ ...both, level: L.MUTUAL, round: 1, signed: self })).toEqual({ code: 'QC_SAME_SIGNER', params: { level: 'QC_SELF' } });
    expect(signVerdict({ ...both, level: L.MUTUAL, round: 2, signed: [...self, { round: 2, level: L.SELF, result: R.PASS, signerId: 6 }] })?.code).toBe('QC_SAME_SIGNER');
    // The same level again in a new round (after rework) is fine.
    expect(signVerdict({ ...both, level: L.SELF, round: 2, signed: self })).toBeNull();
  });
  it('a failed level does not open the next one; the new round starts from SELF', () => {
    const failed = [{ round: 1, level: L.SELF, result: R.FAIL, signerId: 1 }];
    expect(signVerdict({ ...leader, level: L.MUTUAL, round: 1, signed: failed })?.code).toBe('QC_LEVEL_OUT_OF_ORDER');
    expect(signVerdict({ ...tech, level: L.SELF, round: 2, signed: failed })).toBeNull();
  });
  it('finalPassed looks at the current round only', () => {
    const r1 = [{ round: 1, level: L.FINAL, result: R.PASS }];
    expect(finalPassed(r1, 1)).toBe(true);
    expect(finalPassed(r1, 2)).toBe(false);
    expect(finalPassed([{ round: 1, level: L.FINAL, result: R.FAIL }], 1)).toBe(false);
  });
});
