import { describe, it, expect } from 'vitest';
import { isNewEnergyPlate, isValidPlate, maskPlate, normalizePlate } from './plate.js';

describe('normalizePlate', () => {
  it('trims, removes spaces and middle dots, uppercases', () => {
    expect(normalizePlate(' 京a·12345 ')).toBe('京A12345');
    expect(normalizePlate('京 ad 12345')).toBe('京AD12345');
  });
});

describe('isValidPlate', () => {
  it('accepts ordinary 7-character plates', () => {
    for (const plate of ['京A12345', '沪B8C9D7', '粤BX2345', '冀R66666', '津C1234挂', '京A1234学', '粤Z1234港', '琼A0000Z']) {
      expect(isValidPlate(plate), plate).toBe(true);
      expect(isNewEnergyPlate(plate), plate).toBe(false);
    }
  });

  it('accepts small new-energy plates (D/F + char + 4 digits)', () => {
    for (const plate of ['京AD12345', '沪AF12345', '京ADA1234', '浙AFK8888']) {
      expect(isValidPlate(plate), plate).toBe(true);
      expect(isNewEnergyPlate(plate), plate).toBe(true);
    }
  });

  it('accepts large new-energy plates (5 digits + D/F)', () => {
    for (const plate of ['京A12345D', '粤B12345F']) {
      expect(isValidPlate(plate), plate).toBe(true);
      expect(isNewEnergyPlate(plate), plate).toBe(true);
    }
  });

  it('rejects invalid plates', () => {
    for (const plate of [
      '京I12345', // issuer letter I
      '京O12345', // issuer letter O
      'AB12345', // no province
      '京A1234', // too short
      '京A123456', // 8 chars, not an NEV pattern
      '京A12I45', // I in serial
      '京AD1234A', // small NEV tail must end in 4 digits
      '京A1234D5', // large NEV must end in D/F
      '京A12345警X', // too long
      '台A12345', // not a mainland province abbreviation
      '京a12345', // not normalized
      '',
    ]) {
      expect(isValidPlate(plate), plate).toBe(false);
    }
  });
});

describe('maskPlate', () => {
  it('keeps first 2 and last 2 characters', () => {
    expect(maskPlate('京A12345')).toBe('京A***45');
    expect(maskPlate('京AD12345')).toBe('京A****45');
    expect(maskPlate('津C1234挂')).toBe('津C***4挂');
  });
});
