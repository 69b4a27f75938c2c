import { LunarDay, LunarMonth, LunarYear, SolarTerm } from 'tyme4ts';

/** A lunar month and day of a birthday (the customer archive's lunarBirthday). */
export interface LunarMonthDay {
  month: number;
  day: number;
  leap: boolean;
}

const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/**
 * The solar date of a lunar month/day in one lunar year (tyme4ts, 1900–2100 tables). A leap-month
 * date in a year without that leap month falls on the ordinary month of the same number; day 30 in
 * a month of 29 days falls on the 29th (the month's last day): the customer is greeted once a lunar
 * year, never skipped.
 */
export function lunarToSolar(lunarYear: number, md: LunarMonthDay): string {
  const key = `${lunarYear}:${md.month}:${md.day}:${md.leap}`;
  let date = solarOfLunar.get(key);
  if (date === undefined) solarOfLunar.set(key, (date = convert(lunarYear, md)));
  return date;
}

// Pure and asked for every customer on every planning run: computed once per process.
const solarOfLunar = new Map<string, string>();
const holidaysOfYear = new Map<number, { key: HolidayKey; date: string }[]>();

function convert(lunarYear: number, md: LunarMonthDay): string {
  const leapHere = md.leap && LunarYear.fromYear(lunarYear).getLeapMonth() === md.month;
  const month = leapHere ? -md.month : md.month;
  const day = Math.min(md.day, LunarMonth.fromYm(lunarYear, month).getDayCount());
  const s = LunarDay.fromYmd(lunarYear, month, day).getSolarDay();
  return iso(s.getYear(), s.getMonth(), s.getDay());
}

/** The solar dates in a solar year on which a lunar date falls (lunar years y-1 and y reach into it). */
export function lunarDatesInSolarYear(year: number, md: LunarMonthDay): string[] {
  return [year - 1, year].map((ly) => lunarToSolar(ly, md)).filter((d) => d.startsWith(`${year}-`));
}

export type HolidayKey = 'SPRING_FESTIVAL' | 'QINGMING' | 'LABOUR_DAY' | 'DRAGON_BOAT' | 'MID_AUTUMN' | 'NATIONAL_DAY';

/** R-CARE-5: the greeting days of a solar year: Spring Festival, Qingming (the solar term), Labour Day, Dragon Boat, Mid-Autumn, National Day. */
export function holidaysIn(year: number): readonly { key: HolidayKey; date: string }[] {
  let days = holidaysOfYear.get(year);
  if (!days) holidaysOfYear.set(year, (days = holidaysOfSolarYear(year)));
  return days;
}

function holidaysOfSolarYear(year: number): { key: HolidayKey; date: string }[] {
  const qingming = SolarTerm.fromName(year, '清明').getJulianDay().getSolarDay();
  return [
    { key: 'SPRING_FESTIVAL' as const, date: lunarToSolar(year, { month: 1, day: 1, leap: false }) },
    { key: 'QINGMING' as const, date: iso(qingming.getYear(), qingming.getMonth(), qingming.getDay()) },
    { key: 'LABOUR_DAY' as const, date: iso(year, 5, 1) },
    { key: 'DRAGON_BOAT' as const, date: lunarToSolar(year, { month: 5, day: 5, leap: false }) },
    { key: 'MID_AUTUMN' as const, date: lunarToSolar(year, { month: 8, day: 15, leap: false }) },
    { key: 'NATIONAL_DAY' as const, date: iso(year, 10, 1) },
  ].sort((a, b) => a.date.localeCompare(b.date));
}
