import { addDays, atLocal, localParts, parseHhmm } from '../../shared/zoned-time.js';
import { ContactChannel } from '../customer/customer-archive.enums.js';
import { MessagePurpose, OutboxChannel } from './outbox.enums.js';

/** The outbox channel of a customer's preferred contact channel (SMS when none is known). */
export function channelFor(preferred: ContactChannel | null | undefined): OutboxChannel {
  switch (preferred) {
    case ContactChannel.WECHAT:
      return OutboxChannel.WECHAT;
    case ContactChannel.APP:
      return OutboxChannel.APP_PUSH;
    case ContactChannel.PHONE:
      return OutboxChannel.PHONE_TASK;
    default:
      return OutboxChannel.SMS;
  }
}

/**
 * Quiet hours (R-CARE-6/7): when `at` falls in [start, end) of the store's local day (the period may
 * wrap midnight, 21:00–08:00), the instant the period ends; otherwise null.
 */
export function quietUntil(at: Date, timeZone: string, start: string, end: string): Date | null {
  const s = parseHhmm(start);
  const e = parseHhmm(end);
  if (s === null || e === null || s === e) return null;
  const { date, minutes } = localParts(at, timeZone);
  const wraps = s > e;
  const inside = wraps ? minutes >= s || minutes < e : minutes >= s && minutes < e;
  if (!inside) return null;
  const endDate = wraps && minutes >= s ? addDays(date, 1) : date;
  return atLocal(endDate, e, timeZone);
}

/** Retry n (1-based) waits base × 2^(n-1) seconds. */
export const retryDelayMs = (attempt: number, baseSeconds: number): number => baseSeconds * 1000 * 2 ** Math.max(0, attempt - 1);

/** R-CARE-6: the purposes the frequency cap counts and holds back; service messages (a delay, a pick-up) are exempt. */
export const CAPPED_PURPOSES: readonly MessagePurpose[] = [MessagePurpose.CARE, MessagePurpose.MARKETING];
export const isCapped = (purpose: MessagePurpose): boolean => CAPPED_PURPOSES.includes(purpose);
