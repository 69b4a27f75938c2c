/** Wall-clock arithmetic in a store's IANA time zone, without a date library. */

const formatters = new Map<string, Intl.DateTimeFormat>();
function partsFormatter(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: tz, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    formatters.set(tz, f);
  }
  return f;
}

/** Minutes the zone is ahead of UTC at instant `t`. */
export function offsetMinutes(tz: string, t: number): number {
  const p = Object.fromEntries(partsFormatter(tz).formatToParts(new Date(t)).map((x) => [x.type, x.value]));
  const asUtc = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return Math.round((asUtc - Math.floor(t / 1000) * 1000) / 60_000);
}

/** The local calendar day of an instant, as YYYY-MM-DD. */
export function localDay(tz: string, t: Date | number): string {
  const ms = typeof t === 'number' ? t : t.getTime();
  return new Date(ms + offsetMinutes(tz, ms) * 60_000).toISOString().slice(0, 10);
}

/** The instant of local day `day` (YYYY-MM-DD) at `minutes` after local midnight. */
export function atLocal(tz: string, day: string, minutes: number): Date {
  const guess = Date.parse(`${day}T00:00:00Z`) + minutes * 60_000;
  let t = guess - offsetMinutes(tz, guess) * 60_000;
  t = guess - offsetMinutes(tz, t) * 60_000;
  return new Date(t);
}

export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/** Whole days from `a` to `b` (both YYYY-MM-DD). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** "HH:MM" → minutes after midnight, or null. */
export function parseClock(hhmm: string): number | null {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(hhmm);
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}
