/**
 * The booking code's time-zone-first spelling of `shared/zoned-time.ts` (one implementation of the
 * wall-clock arithmetic in a store's IANA zone).
 */
import { atLocal as atLocalDate, localDate, parseHhmm } from '../../shared/zoned-time.js';

export { addDays, daysBetween } from '../../shared/zoned-time.js';

/** The local calendar day of an instant, as YYYY-MM-DD. */
export const localDay = (tz: string, t: Date | number): string => localDate(typeof t === 'number' ? new Date(t) : t, tz);

/** The instant of local day `day` (YYYY-MM-DD) at `minutes` after local midnight. */
export const atLocal = (tz: string, day: string, minutes: number): Date => atLocalDate(day, minutes, tz);

/** "HH:MM" → minutes after midnight, or null. */
export const parseClock = parseHhmm;
