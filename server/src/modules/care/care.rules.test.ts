import { describe, expect, it } from 'vitest';
import { holidaysIn, lunarDatesInSolarYear, lunarToSolar } from './care.lunar.js';
import { customerItems, estimateDateForKm, solarBirthdayIn, vehicleItems, type VehicleFacts } from './care.rules.js';

const car = (over: Partial<VehicleFacts> = {}): VehicleFacts => ({
  id: 1,
  customerId: 2,
  plate: '京A12345',
  purchaseDate: null,
  newCarHere: false,
  warrantyYears: null,
  warrantyKm: null,
  insuranceExpiresOn: null,
  inspectionDueOn: null,
  readings: [],
  lastDelivery: null,
  lastVisitOn: null,
  ...over,
});

describe('care rules (pure)', () => {
  it('R-CARE-5 a lunar birthday (四月廿七) falls on 2027-06-01 and on 2028-05-21', () => {
    expect(lunarDatesInSolarYear(2027, { month: 4, day: 27, leap: false })).toEqual(['2027-06-01']);
    expect(lunarDatesInSolarYear(2028, { month: 4, day: 27, leap: false })).toEqual(['2028-05-21']);
  });

  it('R-CARE-5 a leap-month birthday falls on the ordinary month in a year without that leap month; day 30 on the 29th of a short month', () => {
    // 2025 has a leap sixth month (闰六月); 2027 has none.
    expect(lunarToSolar(2025, { month: 6, day: 1, leap: true })).toBe('2025-07-25');
    expect(lunarToSolar(2027, { month: 6, day: 1, leap: true })).toBe(lunarToSolar(2027, { month: 6, day: 1, leap: false }));
    // The twelfth month of lunar 2027 has 29 days: day 30 is greeted on the 29th, never skipped.
    expect(lunarToSolar(2027, { month: 12, day: 30, leap: false })).toBe(lunarToSolar(2027, { month: 12, day: 29, leap: false }));
  });

  it('R-CARE-5 the six greeting days of 2027, with Mid-Autumn on 2027-09-15 and Qingming from the solar term', () => {
    expect(holidaysIn(2027)).toEqual([
      { key: 'SPRING_FESTIVAL', date: '2027-02-06' },
      { key: 'QINGMING', date: '2027-04-05' },
      { key: 'LABOUR_DAY', date: '2027-05-01' },
      { key: 'DRAGON_BOAT', date: '2027-06-09' },
      { key: 'MID_AUTUMN', date: '2027-09-15' },
      { key: 'NATIONAL_DAY', date: '2027-10-01' },
    ]);
  });

  it('R-CARE-5 one greeting when the solar and the lunar birthday fall on the same day; 02-29 on 02-28 in other years', () => {
    const items = customerItems({ id: 5, birthday: '1990-06-01', lunarBirthday: { month: 4, day: 27, leap: false } }, '2027-05-01', '2027-06-30', false);
    expect(items.map((i) => [i.date, i.steps[0].template])).toEqual([['2027-06-01', 'BIRTHDAY_GREETING']]);
    expect(solarBirthdayIn(2027, '1992-02-29')).toBe('2027-02-28');
    expect(solarBirthdayIn(2028, '1992-02-29')).toBe('2028-02-29');
  });

  it('R-CARE-2 mileage is estimated from the readings furthest apart; none from readings less than a week apart', () => {
    expect(estimateDateForKm([{ on: '2027-01-01', km: 10_000 }, { on: '2027-03-02', km: 16_000 }], 20_000)).toMatchObject({ date: '2027-04-11', kmPerDay: 100 });
    expect(estimateDateForKm([{ on: '2027-01-01', km: 10_000 }, { on: '2027-01-03', km: 10_500 }], 20_000)).toBeNull();
  });

  it('R-CARE-2 due by time when the mileage comes later; reminder 5 days ahead, SMS the day before, call the day after', () => {
    const [item] = vehicleItems(car({ lastDelivery: { on: '2027-01-01', nextDueOn: '2027-02-01', nextDueKm: 20_000 }, readings: [{ on: '2027-01-01', km: 10_000 }] }), '2027-01-01', '2027-03-01');
    expect(item).toMatchObject({ kind: 'MAINTENANCE_DUE', date: '2027-02-01', reason: { template: 'CARE_REASON_MAINTENANCE_TIME' } });
    expect(item.steps.map((s) => [s.step, s.sendOn, s.channel])).toEqual([
      ['REMIND', '2027-01-27', null],
      ['DAY_BEFORE', '2027-01-31', 'SMS'],
      ['CALL', '2027-02-02', 'PHONE_TASK'],
    ]);
    // A visit opened since that delivery: the car came in; nothing is due until its delivery sets the next date.
    expect(vehicleItems(car({ lastDelivery: { on: '2027-01-01', nextDueOn: '2027-02-01', nextDueKm: 20_000 }, lastVisitOn: '2027-01-30' }), '2027-01-01', '2027-03-01')).toEqual([]);
  });

  it('R-CARE-1/3 a new car sold here: welcome, first maintenance at 3 months, warranty checks at 6/12/24 months and before the end', () => {
    const items = vehicleItems(car({ purchaseDate: '2027-01-10', newCarHere: true, warrantyYears: 3 }), '2027-01-01', '2030-12-31');
    expect(items.map((i) => [i.kind, i.date])).toEqual([
      ['NEW_CAR_WELCOME', '2027-01-10'],
      ['MAINTENANCE_DUE', '2027-04-10'],
      ['WARRANTY_CHECK', '2027-07-10'],
      ['WARRANTY_CHECK', '2028-01-10'],
      ['WARRANTY_CHECK', '2029-01-10'],
      ['WARRANTY_CHECK', '2029-12-11'],
    ]);
    expect(items[0].steps.map((s) => [s.step, s.sendOn])).toEqual([
      ['WELCOME', '2027-01-11'],
      ['CALL', '2027-01-13'],
      ['SURVEY', '2027-01-17'],
    ]);
  });
});
