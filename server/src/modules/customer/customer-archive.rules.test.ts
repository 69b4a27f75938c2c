import { describe, expect, it } from 'vitest';
import { ArchiveField as F } from './customer-archive.enums.js';
import { DEFAULT_REQUIRED, isValidBirthday, isValidLunarDate, missingFields } from './customer-archive.rules.js';

describe('archive completeness (R-ARC-4)', () => {
  it('lists the required fields an archive lacks, in the order required', () => {
    expect(missingFields({}, DEFAULT_REQUIRED)).toEqual([F.BIRTHDAY, F.ADDRESS, F.PREFERRED_CHANNEL, F.SOURCE]);
    expect(missingFields({ birthday: '1985-06-15', address: '北京', preferredChannel: 'WECHAT', source: 'SOLD_HERE' }, DEFAULT_REQUIRED)).toEqual([]);
    expect(missingFields({ interests: [], address: '' }, [F.INTERESTS, F.ADDRESS])).toEqual([F.INTERESTS, F.ADDRESS]);
    expect(missingFields({ interests: ['摄影'], lunarBirthday: { month: 4, day: 27, leap: false } }, [F.INTERESTS, F.LUNAR_BIRTHDAY])).toEqual([]);
  });

  it('R-ARC-1 checks birthdays and lunar dates', () => {
    expect(isValidBirthday('1985-06-15', new Date('2026-11-24'))).toBe(true);
    expect(isValidBirthday('1985-02-30', new Date('2026-11-24'))).toBe(false);
    expect(isValidBirthday('2027-01-01', new Date('2026-11-24'))).toBe(false);
    expect(isValidBirthday('15/06/1985', new Date('2026-11-24'))).toBe(false);
    expect(isValidLunarDate({ month: 4, day: 27 })).toBe(true);
    expect(isValidLunarDate({ month: 13, day: 1 })).toBe(false);
    expect(isValidLunarDate({ month: 12, day: 31 })).toBe(false);
  });
});
