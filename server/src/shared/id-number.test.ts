import { describe, expect, it } from 'vitest';
import { birthdayOfIdNumber, idCheckCharacter, isValidIdNumber, maskAddress, maskIdNumber, normalizeIdNumber } from './id-number.js';

describe('resident ID numbers (GB 11643, R-ARC-1/5)', () => {
  it('computes the check character (ISO 7064 MOD 11-2)', () => {
    expect(idCheckCharacter('11010119850615001')).toBe('9');
    expect(idCheckCharacter('11010519491231002')).toBe('X'); // the standard's own example
  });

  it('accepts valid numbers and refuses a wrong check character, a date that does not exist, a future birth, wrong shapes', () => {
    expect(isValidIdNumber('110101198506150019')).toBe(true);
    expect(isValidIdNumber('11010519491231002X')).toBe(true);
    expect(isValidIdNumber('110101198506150012')).toBe(false); // the contract's sample: its check character should be 9
    expect(isValidIdNumber(`11010119850230001${idCheckCharacter('11010119850230001')}`)).toBe(false); // 30 February
    expect(isValidIdNumber(`1101012${'099'}0101001${idCheckCharacter('11010120990101001')}`, new Date('2026-11-24'))).toBe(false);
    expect(isValidIdNumber('11010119850615001')).toBe(false);
    expect(isValidIdNumber('010101198506150012')).toBe(false);
    expect(isValidIdNumber(normalizeIdNumber(' 11010519491231002x '))).toBe(true);
  });

  it('reads the birthday it carries', () => {
    expect(birthdayOfIdNumber('110101198506150012')).toBe('1985-06-15');
  });

  it('R-ARC-5 masks ID numbers and addresses', () => {
    expect(maskIdNumber('110101198506150012')).toBe('1101**********0012');
    expect(maskAddress('北京市朝阳区望京西路 8 号')).toBe('北京市朝阳区****');
    expect(maskAddress('朝阳区')).toBe('***');
  });
});
