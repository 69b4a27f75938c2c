import type { Locale } from './types';

const pad = (n: number) => String(n).padStart(2, '0');
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * A moment on the phone's clock: `14:05` today, otherwise with the date
 * (`3月5日 14:05` / `5 Mar 14:05`), and with the year when it is not this year.
 */
export function formatTime(value: string | Date, locale: Locale, now: Date = new Date()): string {
  const d = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(d.getTime())) return '';
  const time = `${pad(d.getHours())}:${pad(d.getMinutes())}`;
  const sameYear = d.getFullYear() === now.getFullYear();
  if (sameYear && d.getMonth() === now.getMonth() && d.getDate() === now.getDate()) return time;
  if (locale === 'zh') return `${sameYear ? '' : `${d.getFullYear()}年`}${d.getMonth() + 1}月${d.getDate()}日 ${time}`;
  return `${d.getDate()} ${MONTHS[d.getMonth()]}${sameYear ? '' : ` ${d.getFullYear()}`} ${time}`;
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
