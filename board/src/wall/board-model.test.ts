import { describe, expect, it } from 'vitest';
import { byUrgency, effectOf, flagsAt, stageOf } from './board-model';
import { card, upsert } from './test-cards';

const now = Date.parse('2026-11-22T10:00:00+08:00');
const ago = (m: number) => new Date(now - m * 60_000).toISOString();

describe('board model', () => {
  it('puts DRAFT and AWAITING_APPROVAL in reception and terminal statuses nowhere', () => {
    expect(stageOf('DRAFT')).toBe('RECEPTION');
    expect(stageOf('AWAITING_APPROVAL')).toBe('RECEPTION');
    expect(stageOf('WASHING')).toBe('WASHING');
    expect(stageOf('DELIVERED')).toBeNull();
  });

  it('recomputes STALE and OVERDUE as time passes, keeps the server’s other flags', () => {
    const c = card('1', { flags: ['VIP', 'STALE'], updatedAt: ago(10), promisedAt: ago(-5) });
    expect(flagsAt(c, now)).toEqual(['VIP']);
    expect(flagsAt(c, now + 25 * 60_000)).toEqual(['OVERDUE', 'STALE', 'VIP']); // most severe first
    expect(flagsAt(c, now + 25 * 60_000, { live: false })).toEqual(['OVERDUE', 'VIP']); // an offline wall accuses nobody
    expect(flagsAt(card('2', { status: 'READY', updatedAt: ago(90), promisedAt: ago(30) }), now)).toEqual([]);
  });

  it('takes the moments from the server: STALE from staleAt on, OVERDUE once overdueAt has passed, never when null', () => {
    const c = card('1', { staleAt: ago(0), overdueAt: ago(0), updatedAt: ago(1), promisedAt: ago(-600) });
    expect(flagsAt(c, now)).toEqual(['STALE']); // one comparison each; updatedAt and promisedAt play no part
    expect(flagsAt(c, now + 1)).toEqual(['OVERDUE', 'STALE']);
    expect(flagsAt(card('2', { staleAt: null, overdueAt: null, updatedAt: ago(600), promisedAt: ago(600) }), now)).toEqual([]);
  });

  it('orders a column by urgency: overdue first, then promised time, then no promise', () => {
    const cards = [card('1'), card('2', { promisedAt: ago(-60) }), card('3', { promisedAt: ago(5) }), card('4', { promisedAt: ago(-10) })];
    expect(cards.sort(byUrgency(now)).map((c) => c.workOrder.id)).toEqual(['3', '4', '2', '1']);
  });

  it('drops a card version it already has or has newer', () => {
    const known = card('1', { version: 5 });
    expect(effectOf(upsert(card('1', { version: 4 }), 'c9'), known)).toEqual({ kind: 'ignore' });
    expect(effectOf(upsert(card('1', { version: 5 }), 'c9'), known)).toEqual({ kind: 'ignore' });
    expect(effectOf(upsert(card('1', { version: 6 }), 'c9'), known).kind).toBe('upsert');
    expect(effectOf({ cursor: 'c', kind: 'RESET', workOrderId: null, status: null, deliveries: null, card: null }, undefined)).toEqual({ kind: 'reset' });
  });
});

describe('promise formatting', () => {
  it('shows the time for today and the date for another day, in the store time zone', async () => {
    const { formatPromise } = await import('./board-model');
    const at = Date.parse('2026-11-22T23:30:00+08:00');
    expect(formatPromise('2026-11-22T17:05:00+08:00', at, 'Asia/Shanghai')).toBe('17:05');
    expect(formatPromise('2026-11-23T09:00:00+08:00', at, 'Asia/Shanghai')).toBe('11/23 09:00');
  });
});
