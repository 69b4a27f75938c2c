import { describe, it, expect } from 'vitest';
import { isValidMobile, maskMobile, normalizeMobile } from './mobile.js';
import { maskIdNumber } from './id-number.js';

describe('normalizeMobile', () => {
  it('strips spaces, dashes and the country code', () => {
    expect(normalizeMobile(' 138 1234 1234 ')).toBe('13812341234');
    expect(normalizeMobile('138-1234-1234')).toBe('13812341234');
    expect(normalizeMobile('+86 138 1234 1234')).toBe('13812341234');
    expect(normalizeMobile('8613812341234')).toBe('13812341234');
  });

  it('leaves other numbers alone', () => {
    expect(normalizeMobile('86123')).toBe('86123');
    expect(normalizeMobile('010-6543 2100')).toBe('01065432100');
  });
});

describe('isValidMobile', () => {
  it('accepts 11-digit numbers starting with 13–19', () => {
    for (const m of ['13812341234', '15000000000', '17712345678', '19987654321']) {
      expect(isValidMobile(m), m).toBe(true);
    }
  });

  it('rejects others', () => {
    for (const m of ['12812341234', '1381234123', '138123412345', '01065432100', '1381234123a', '']) {
      expect(isValidMobile(m), m).toBe(false);
    }
  });
});

describe('masking', () => {
  it('masks a mobile number', () => {
    expect(maskMobile('13812341234')).toBe('138****1234');
  });

  it('masks an ID number keeping its length', () => {
    const masked = maskIdNumber('110105199001011234');
    expect(masked).toBe('1101**********1234');
    expect(masked).toHaveLength(18);
    expect(maskIdNumber('11010519900101123X')).toBe('1101**********123X');
  });
});
