import { describe, it, expect } from 'vitest';
import { isValidVin, normalizeVin, vinCheckDigit, withCheckDigit } from './vin.js';

describe('vinCheckDigit', () => {
  it('computes X for a real SAIC-VW VIN (sum 351, 351 mod 11 = 10)', () => {
    expect(vinCheckDigit('LSVAU218XN2183294')).toBe('X');
  });

  it('computes X for the textbook ISO 3779 example', () => {
    expect(vinCheckDigit('1M8GDM9AXKP042788')).toBe('X');
  });

  it('ignores the current value at position 9 (weight 0)', () => {
    expect(vinCheckDigit('LFV2A21K0E4123456')).toBe('6');
    expect(vinCheckDigit('LFV2A21K9E4123456')).toBe('6');
  });

  it('throws on wrong length or invalid characters', () => {
    expect(() => vinCheckDigit('LSVAU218XN218329')).toThrow();
    expect(() => vinCheckDigit('LSVAU218XN218329I')).toThrow();
  });
});

describe('isValidVin', () => {
  it('accepts VINs with a correct check digit', () => {
    expect(isValidVin('LSVAU218XN2183294')).toBe(true);
    expect(isValidVin('1M8GDM9AXKP042788')).toBe(true);
    expect(isValidVin('LFV2A21K6E4123456')).toBe(true);
    expect(isValidVin('11111111111111111')).toBe(true);
  });

  it('rejects a wrong check digit', () => {
    expect(isValidVin('LSVAU2180N2183294')).toBe(false);
    expect(isValidVin('LFV2A21K0E4123456')).toBe(false);
  });

  it('rejects I, O and Q', () => {
    for (const letter of ['I', 'O', 'Q']) {
      const vin = 'LSVAU218XN218329' + letter;
      expect(isValidVin(vin)).toBe(false);
    }
    expect(isValidVin('LSVAU218XO2183294')).toBe(false);
  });

  it('rejects wrong length', () => {
    expect(isValidVin('')).toBe(false);
    expect(isValidVin('LSVAU218XN218329')).toBe(false);
    expect(isValidVin('LSVAU218XN21832944')).toBe(false);
  });

  it('rejects lowercase (callers must normalize first)', () => {
    expect(isValidVin('lsvau218xn2183294')).toBe(false);
    expect(isValidVin(normalizeVin('  lsvau218xn2183294 '))).toBe(true);
  });
});

describe('withCheckDigit', () => {
  it('replaces position 9 with the correct check digit', () => {
    expect(withCheckDigit('LSVAU2180N2183294')).toBe('LSVAU218XN2183294');
    expect(withCheckDigit('LFV2A21K0E4123456')).toBe('LFV2A21K6E4123456');
    expect(isValidVin(withCheckDigit('LSVNV2180E2100001'))).toBe(true);
  });

  it('is idempotent', () => {
    const vin = withCheckDigit('LFV3A23C0J3012345');
    expect(withCheckDigit(vin)).toBe(vin);
  });
});
