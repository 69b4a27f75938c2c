import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import { card, snapshot, upsert } from '../test-cards';
import { useBoardStore } from './board.store';

beforeEach(() => setActivePinia(createPinia()));

describe('board store', () => {
  it('loads a snapshot and applies events in order, advancing the cursor', () => {
    const store = useBoardStore();
    store.loadSnapshot(snapshot([card('1'), card('2')], 'c10'));
    expect(store.all).toHaveLength(2);
    expect(store.applyEvent(upsert(card('1', { status: 'QUALITY_CHECK', version: 2 }), 'c11'))).toBe('applied');
    expect(store.applyEvent(upsert(card('3', { status: 'QUEUED' }), 'c12'))).toBe('applied');
    expect(store.applyEvent({ cursor: 'c13', kind: 'REMOVE', workOrderId: '2', status: 'DELIVERED', deliveries: { dueToday: 5, doneToday: 3 }, card: null })).toBe('applied');
    expect(store.cursor).toBe('c13');
    expect(store.all.map((c) => [c.workOrder.id, c.workOrder.status]).sort()).toEqual([
      ['1', 'QUALITY_CHECK'],
      ['3', 'QUEUED'],
    ]);
    expect(store.deliveries).toEqual({ dueToday: 5, doneToday: 3 });
  });

  it('ignores a stale version but still advances the cursor past it', () => {
    const store = useBoardStore();
    store.loadSnapshot(snapshot([card('1', { version: 3, status: 'ON_HOLD' })], 'c1'));
    expect(store.applyEvent(upsert(card('1', { version: 2, status: 'IN_PROGRESS' }), 'c2'))).toBe('ignored');
    expect(store.cards.get('1')!.workOrder.status).toBe('ON_HOLD');
    expect(store.cursor).toBe('c2');
  });

  it('asks for a reload on RESET without touching its state', () => {
    const store = useBoardStore();
    store.loadSnapshot(snapshot([card('1')], 'c1'));
    expect(store.applyEvent({ cursor: 'c99', kind: 'RESET', workOrderId: null, status: null, deliveries: null, card: null })).toBe('reset');
    expect(store.cursor).toBe('c1');
    expect(store.all).toHaveLength(1);
  });

  it('replaces only the changed card object (so only its component re-renders)', () => {
    const store = useBoardStore();
    store.loadSnapshot(snapshot([card('1'), card('2')], 'c1'));
    const before2 = store.cards.get('2');
    store.applyEvent(upsert(card('1', { version: 2 }), 'c2'));
    expect(store.cards.get('2')).toBe(before2);
  });
});
