import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import { useConnectionStore } from './connection.store';

beforeEach(() => setActivePinia(createPinia()));

describe('connection store', () => {
  it('keeps the time of the first drop through every reconnect attempt until it is back', () => {
    const c = useConnectionStore();
    c.update('connecting', new Date(0));
    c.update('online', new Date(1));
    c.update('offline', new Date('2026-11-22T02:15:00Z'));
    c.update('connecting', new Date('2026-11-22T02:15:02Z'));
    c.update('offline', new Date('2026-11-22T02:16:00Z'));
    expect(c.state).toBe('offline');
    expect(c.offlineSince).toEqual(new Date('2026-11-22T02:15:00Z'));
    c.update('online', new Date('2026-11-22T02:17:00Z'));
    expect(c.offlineSince).toBeNull();
  });
});
