import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { createTrackApp } from './app';
import { LOCALE_STORAGE_KEY } from './locale';
import { fakeBackend, sampleEstimate, sampleProgress } from './testing';

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), data };
}

let unmount: (() => void) | null = null;
afterEach(() => {
  unmount?.();
  unmount = null;
  document.body.innerHTML = '';
});

async function start(storage = memoryStorage()) {
  const backend = fakeBackend((headers) => sampleProgress({ steps: sampleProgress().steps.map((s) => ({ ...s, label: headers['accept-language'] === 'en' ? 'Received' : '接车' })) }));
  const el = document.createElement('div');
  document.body.append(el);
  const app = createTrackApp({ token: 'tok', deps: backend.deps, storage });
  app.mount(el);
  unmount = () => app.unmount();
  await flushPromises();
  return { el, backend, storage };
}

describe('createTrackApp — language', () => {
  it('starts in Simplified Chinese', async () => {
    const { el, backend } = await start();
    expect(el.querySelector('h1')?.textContent).toBe('维修进度');
    expect(document.documentElement.lang).toBe('zh-CN');
    expect(backend.requests[0].headers).toEqual({ 'accept-language': 'zh' });
  });

  it('switches to English, remembers it and re-queries for English labels', async () => {
    const { el, backend, storage } = await start();
    (el.querySelector('button.lang') as HTMLButtonElement).click();
    await flushPromises();
    expect(el.querySelector('h1')?.textContent).toBe('Service progress');
    expect(el.querySelector('.status')?.textContent).toBe('Being repaired');
    expect(el.querySelector('button.lang')?.textContent).toBe('中文');
    expect(document.documentElement.lang).toBe('en');
    expect(document.title).toBe('Service progress');
    expect(storage.data.get(LOCALE_STORAGE_KEY)).toBe('en');
    expect(backend.requests.at(-1)?.headers).toEqual({ 'accept-language': 'en' });
    expect(el.querySelector('[data-key="RECEIVED"] .label')?.textContent).toBe('Received');
    expect(backend.live.opts.connectionParams()).toMatchObject({ locale: 'en' });

    (el.querySelector('button.lang') as HTMLButtonElement).click();
    await flushPromises();
    expect(el.querySelector('h1')?.textContent).toBe('维修进度');
    expect(storage.data.get(LOCALE_STORAGE_KEY)).toBe('zh');
  });

  it('opens in the language chosen on an earlier visit', async () => {
    const { el, backend } = await start(memoryStorage({ [LOCALE_STORAGE_KEY]: 'en' }));
    expect(el.querySelector('h1')?.textContent).toBe('Service progress');
    expect(backend.requests[0].headers).toEqual({ 'accept-language': 'en' });
  });
});

describe('createTrackApp — an estimate waiting for approval (R-EST-4)', () => {
  it('shows the estimate while it waits, and drops it when the live progress moves on', async () => {
    const backend = fakeBackend(() => sampleProgress({ status: 'AWAITING_APPROVAL', pendingEstimate: sampleEstimate() }));
    const el = document.createElement('div');
    document.body.append(el);
    const app = createTrackApp({ token: 'tok', deps: backend.deps, storage: memoryStorage() });
    app.mount(el);
    unmount = () => app.unmount();
    await flushPromises();
    expect(el.querySelector('[data-testid="estimate"]')).not.toBeNull();
    expect(el.querySelector('[data-testid="estimate-total"]')?.textContent).toBe('¥2,440.00');
    backend.push(sampleProgress({ status: 'QUEUED', pendingEstimate: null, updatedAt: new Date(Date.parse(sampleProgress().updatedAt) + 60_000).toISOString() }));
    await flushPromises();
    expect(el.querySelector('[data-testid="estimate"]')).toBeNull();
  });
});
