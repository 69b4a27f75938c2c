import type { Locale } from './types';

const pad = (n: number) => String(n).padStart(2, '0');
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The store's time zone once known: the customer sees the workshop's times, whatever the phone is set to. */
let displayTimeZone: string | undefined;
export function setDisplayTimeZone(timeZone: string | undefined) {
  displayTimeZone = timeZone;
}

function partsOf(d: Date, timeZone: string | undefined) {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(d);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute') };
}

/**
 * A moment in the store's time zone: `14:05` today, otherwise with the date
 * (`3月5日 14:05` / `5 Mar 14:05`), and with the year when it is not this year.
 */
export function formatTime(value: string | Date, locale: Locale, now: Date = new Date(), timeZone: string | undefined = displayTimeZone): string {
  const d = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(d.getTime())) return '';
  const p = partsOf(d, timeZone);
  const n = partsOf(now, timeZone);
  const time = `${pad(p.hour)}:${pad(p.minute)}`;
  const sameYear = p.year === n.year;
  if (sameYear && p.month === n.month && p.day === n.day) return time;
  if (locale === 'zh') return `${sameYear ? '' : `${p.year}年`}${p.month}月${p.day}日 ${time}`;
  return `${p.day} ${MONTHS[p.month - 1]}${sameYear ? '' : ` ${p.year}`} ${time}`;
}

/**
 * A `tel:` URI from a business phone as typed: `010-6588 1234` → `tel:010-65881234`; an extension
 * (`转 8`, `ext. 8`) is dialled after a pause: `tel:010-65881234,8`.
 */
export function telHref(phone: string): string {
  const [main, ext] = phone.split(/转|分机|ext\.?|x/i);
  const digits = main.replace(/[^\d+\-]/g, '');
  const extension = ext?.replace(/\D/g, '');
  return `tel:${digits}${extension ? `,${extension}` : ''}`;
}

/** The tracking token from `/t/<token>`; empty when the path has none. */
export function tokenFromPath(pathname: string): string {
  const m = /^\/t\/([^/?#]+)\/?$/.exec(pathname);
  if (!m) return '';
  try {
    return decodeURIComponent(m[1]);
  } catch {
    return '';
  }
}
