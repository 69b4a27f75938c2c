import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { effectScope, ref } from 'vue';
import { fakeBackend, sampleProgress, todayAt } from './testing';
import type { Locale } from './types';
import { PROGRESS_SUBSCRIPTION, TRACK_QUERY, useProgress } from './useProgress';

const TOKEN = 'tok_abcdefghijklmnopqrstuvwxyz0123456789ABCDE';

function setup(backend = fakeBackend(), token = TOKEN) {
  const scope = effectScope();
  const locale = ref<Locale>('zh');
  const state = scope.run(() => useProgress(token, locale, backend.deps))!;
  return { state, locale, backend, scope };
}

let stopScope: (() => void) | null = null;
afterEach(() => {
  stopScope?.();
  stopScope = null;
  vi.useRealTimers();
});

describe('useProgress', () => {
  it('paints from HTTP first, then goes live with the tracking token', async () => {
    const { state, backend, scope } = setup();
    stopScope = () => scope.stop();
    expect(state.loading.value).toBe(true);
    expect(backend.sockets).toHaveLength(0); // live only after the first answer
    await flushPromises();
    expect(backend.requests).toEqual([{ query: TRACK_QUERY, variables: { token: TOKEN }, headers: { 'accept-language': 'zh' } }]);
    expect(state.loading.value).toBe(false);
    expect(state.progress.value?.number).toBe('WO202611220007');
    expect(backend.live.started).toBe(true);
    expect(backend.live.opts.url).toBe('ws://test/graphql');
    expect(backend.live.opts.connectionParams()).toEqual({ trackingToken: TOKEN, locale: 'zh' });
    expect(backend.live.subs[0].query).toBe(PROGRESS_SUBSCRIPTION);
    expect(backend.live.subs[0].variables()).toEqual({ token: TOKEN });
  });

  it('applies a live update', async () => {
    const { state, backend, scope } = setup();
    stopScope = () => scope.stop();
    await flushPromises();
    backend.state('online');
    expect(state.connection.value).toBe('online');
    const next = sampleProgress({ status: 'QUALITY_CHECK', updatedAt: todayAt(11, 0), delay: { reason: '配件晚到', remedy: '免费洗车' } });
    backend.push(next);
    expect(state.progress.value?.status).toBe('QUALITY_CHECK');
    expect(state.progress.value?.delay).toEqual({ reason: '配件晚到', remedy: '免费洗车' });
  });

  it('drops an answer older than what is shown', async () => {
    const { state, backend, scope } = setup();
    stopScope = () => scope.stop();
    await flushPromises();
    backend.push(sampleProgress({ status: 'WASHING', updatedAt: todayAt(12, 0) }));
    backend.push(sampleProgress({ status: 'QUALITY_CHECK', updatedAt: todayAt(11, 0) }));
    expect(state.progress.value?.status).toBe('WASHING');
  });

  it('switches to unavailable on a null payload and stops listening', async () => {
    const { state, backend, scope } = setup();
    stopScope = () => scope.stop();
    await flushPromises();
    backend.push(null);
    expect(state.unavailable.value).toBe(true);
    expect(state.progress.value).toBeNull();
    expect(state.loading.value).toBe(false);
    expect(backend.live.stopped).toBe(true);
  });

  it('is unavailable at once when HTTP answers null, without opening a socket', async () => {
    const { state, backend, scope } = setup(fakeBackend(() => null));
    stopScope = () => scope.stop();
    await flushPromises();
    expect(state.unavailable.value).toBe(true);
    expect(backend.sockets).toHaveLength(0);
  });

  it('is unavailable without any request when the path carries no token', async () => {
    const { state, backend, scope } = setup(fakeBackend(), '');
    stopScope = () => scope.stop();
    await flushPromises();
    expect(state.unavailable.value).toBe(true);
    expect(backend.requests).toHaveLength(0);
  });

  it('falls back to the live connection when HTTP fails', async () => {
    const { state, backend, scope } = setup(fakeBackend(() => new Error('network')));
    stopScope = () => scope.stop();
    await flushPromises();
    expect(state.unavailable.value).toBe(false);
    expect(state.loading.value).toBe(true);
    backend.push(sampleProgress());
    expect(state.loading.value).toBe(false);
    expect(state.progress.value?.status).toBe('IN_PROGRESS');
  });

  it('keeps the time the data was last current when the connection drops', async () => {
    const { state, backend, scope } = setup();
    stopScope = () => scope.stop();
    await flushPromises();
    backend.state('online');
    const dropped = new Date(2026, 10, 22, 14, 25);
    backend.live.opts.onState('offline', dropped);
    expect(state.connection.value).toBe('offline');
    expect(state.syncedAt.value).toEqual(dropped);
    backend.state('connecting'); // a reconnect attempt
    expect(state.connection.value).toBe('offline');
    backend.state('online');
    expect(state.connection.value).toBe('online');
  });

  it('re-checks over HTTP when the server refuses the socket, and shows the link as gone', async () => {
    let gone = false;
    const { state, backend, scope } = setup(fakeBackend(() => (gone ? null : sampleProgress())));
    stopScope = () => scope.stop();
    await flushPromises();
    gone = true;
    backend.state('unauthorized');
    await flushPromises();
    expect(backend.requests).toHaveLength(2);
    expect(state.unavailable.value).toBe(true);
    expect(state.progress.value).toBeNull();
  });

  it('re-queries and re-subscribes in the new language', async () => {
    const backend = fakeBackend((headers) => sampleProgress({ steps: sampleProgress().steps.map((s) => ({ ...s, label: headers['accept-language'] === 'en' ? `${s.key}-en` : s.label })) }));
    const { state, locale, scope } = setup(backend);
    stopScope = () => scope.stop();
    await flushPromises();
    const first = backend.live;
    expect(state.progress.value?.steps[0].label).toBe('接车');
    locale.value = 'en';
    await flushPromises();
    expect(backend.requests.at(-1)?.headers).toEqual({ 'accept-language': 'en' });
    expect(state.progress.value?.steps[0].label).toBe('RECEIVED-en');
    expect(first.stopped).toBe(true);
    expect(backend.sockets).toHaveLength(2);
    expect(backend.live.opts.connectionParams()).toEqual({ trackingToken: TOKEN, locale: 'en' });
    // the old socket's messages no longer count
    first.subs[0].next(null);
    expect(state.unavailable.value).toBe(false);
  });

  it('closes the socket when its scope ends', async () => {
    const { backend, scope } = setup();
    await flushPromises();
    scope.stop();
    expect(backend.live.stopped).toBe(true);
  });
});
