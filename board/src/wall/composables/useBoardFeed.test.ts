import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { effectScope } from 'vue';
import type { ConnectionState, LiveSubscription } from '../../shared/realtime-client';
import { useBoardStore } from '../stores/board.store';
import { useConnectionStore } from '../stores/connection.store';
import { card, snapshot, upsert } from '../test-cards';
import { useBoardFeed } from './useBoardFeed';

beforeEach(() => setActivePinia(createPinia()));

/** A stand-in for the socket module: records subscriptions and lets the test drive connection state. */
function fakeRealtime() {
  let onState: (s: ConnectionState, at: Date) => void = () => {};
  const subs: LiveSubscription<any>[] = [];
  const subscribedWith: Record<string, unknown>[] = [];
  const realtime = {
    start: () => connect(),
    subscribe: (sub: LiveSubscription<any>) => {
      subs.push(sub);
      return () => {};
    },
    restart: (sub: LiveSubscription<any>) => subscribedWith.push(sub.variables()),
    stop: vi.fn(),
  };
  function connect() {
    onState('online', new Date());
    for (const s of subs) subscribedWith.push(s.variables()); // what the real client does on every (re)connect
  }
  return {
    factory: (cb: typeof onState) => ((onState = cb), realtime as never),
    emit: (data: unknown) => subs.forEach((s) => s.next(data)),
    drop: () => onState('offline', new Date('2026-11-22T02:15:00Z')),
    reconnect: connect,
    subscribedWith,
    realtime,
  };
}

describe('useBoardFeed: live and self-healing', () => {
  it('subscribes after the snapshot cursor, resumes from the last applied cursor after a reconnect', async () => {
    const fake = fakeRealtime();
    const load = vi.fn().mockResolvedValue({ data: { board: snapshot([card('1')], 'c5') } });
    await effectScope().run(() => useBoardFeed({ token: () => 't', onUnauthorized: vi.fn(), realtime: fake.factory, load }))!.start();
    expect(fake.subscribedWith).toEqual([{ after: 'c5' }]);

    fake.emit(upsert(card('1', { version: 2, status: 'ON_HOLD' }), 'c6'));
    fake.emit(upsert(card('2'), 'c7'));
    fake.drop();
    const connection = useConnectionStore();
    expect(connection.state).toBe('offline');
    expect(connection.offlineSince).toEqual(new Date('2026-11-22T02:15:00Z'));
    expect(useBoardStore().all).toHaveLength(2); // keeps the last state while offline

    fake.reconnect();
    expect(fake.subscribedWith.at(-1)).toEqual({ after: 'c7' });
    expect(connection.state).toBe('online');
    expect(load).toHaveBeenCalledTimes(1); // caught up without reloading
  });

  it('reloads the snapshot on RESET and resubscribes from its cursor', async () => {
    const fake = fakeRealtime();
    const load = vi.fn().mockResolvedValueOnce({ data: { board: snapshot([card('1')], 'c5') } }).mockResolvedValueOnce({ data: { board: snapshot([card('9')], 'c50') } });
    await effectScope().run(() => useBoardFeed({ token: () => 't', onUnauthorized: vi.fn(), realtime: fake.factory, load }))!.start();
    fake.emit({ cursor: 'c50', kind: 'RESET', workOrderId: null, status: null, deliveries: null, card: null });
    await vi.waitFor(() => expect(fake.subscribedWith.at(-1)).toEqual({ after: 'c50' }));
    expect(useBoardStore().all.map((c) => c.workOrder.id)).toEqual(['9']);
  });

  it('keeps retrying the snapshot after a RESET until the server answers', async () => {
    const fake = fakeRealtime();
    const load = vi
      .fn()
      .mockResolvedValueOnce({ data: { board: snapshot([card('1')], 'c5') } })
      .mockRejectedValueOnce(new Error('network down'))
      .mockRejectedValueOnce(new Error('still down'))
      .mockResolvedValueOnce({ data: { board: snapshot([card('7')], 'c60') } });
    await effectScope().run(() => useBoardFeed({ token: () => 't', onUnauthorized: vi.fn(), realtime: fake.factory, load, retryDelay: () => 1 }))!.start();
    fake.emit({ cursor: 'c60', kind: 'RESET', workOrderId: null, status: null, deliveries: null, card: null });
    await vi.waitFor(() => expect(fake.subscribedWith.at(-1)).toEqual({ after: 'c60' }));
    expect(load).toHaveBeenCalledTimes(4);
    expect(useBoardStore().all.map((c) => c.workOrder.id)).toEqual(['7']);
  });

  it('returns to pairing when the token is refused', async () => {
    const fake = fakeRealtime();
    const onUnauthorized = vi.fn();
    const load = vi.fn().mockResolvedValue({ errors: [{ message: 'no', extensions: { code: 'UNAUTHENTICATED' } }] });
    await effectScope().run(() => useBoardFeed({ token: () => 't', onUnauthorized, realtime: fake.factory, load }))!.start();
    expect(onUnauthorized).toHaveBeenCalled();
    expect(fake.subscribedWith).toEqual([]);
  });
});
