// @vitest-environment node
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { type ConnectionState, createRealtime } from './realtime-client';

/** A real graphql-ws server whose subscription echoes the variables it was started with. */
async function echoServer(opts: { refuse?: boolean; failFirst?: boolean } = {}) {
  const schema = buildSchema(`type Query { ok: Boolean } type Subscription { echo(after: String): String }`);
  let subscriptions = 0;
  const roots = {
    subscription: {
      echo: async function* ({ after }: { after: string | null }) {
        if (opts.failFirst && subscriptions++ === 0) throw new Error('database blip');
        yield { echo: `from ${after}` };
        await new Promise(() => {}); // stay open
      },
    },
  };
  const server = http.createServer();
  const wss = new WebSocketServer({ server, path: '/graphql' });
  const sockets = new Set<WebSocket>();
  wss.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  useServer({ schema, roots, onConnect: () => !opts.refuse }, wss);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `ws://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    /** Stops answering (no pongs, no data) without closing: a silent network drop. */
    freeze: () => sockets.forEach((s) => s.pause()),
    dropAll: () => sockets.forEach((s) => s.terminate()),
    close: () => new Promise<void>((r) => (sockets.forEach((s) => s.terminate()), wss.close(), server.close(() => r()))),
  };
}

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

function track() {
  const states: ConnectionState[] = [];
  const waitFor = (s: ConnectionState, n = 1) => expect.poll(() => states.filter((x) => x === s).length, { timeout: 3000 }).toBeGreaterThanOrEqual(n);
  return { states, waitFor, onState: (s: ConnectionState) => states.push(s) };
}

describe('realtime client: the one owner of the socket', () => {
  it('reconnects after a drop and re-subscribes with fresh variables', async () => {
    const server = await echoServer();
    cleanups.push(server.close);
    const t = track();
    let cursor = 'c1';
    const seen: string[] = [];
    (globalThis as { WebSocket?: unknown }).WebSocket ??= WebSocket;
    const rt = createRealtime({ url: server.url, connectionParams: () => ({}), onState: t.onState, backoff: () => 20 });
    cleanups.push(() => rt.stop());
    rt.subscribe<string>({ query: 'subscription($after: String) { echo(after: $after) }', variables: () => ({ after: cursor }), next: (v) => seen.push(v) });
    rt.start();
    await expect.poll(() => seen).toEqual(['from c1']);

    cursor = 'c9';
    server.dropAll();
    await t.waitFor('offline');
    await expect.poll(() => seen, { timeout: 3000 }).toEqual(['from c1', 'from c9']);
    expect(t.states.filter((s) => s === 'online')).toHaveLength(2);
  });

  it('keeps retrying while the server is away', async () => {
    const server = await echoServer();
    const t = track();
    const rt = createRealtime({ url: server.url, connectionParams: () => ({}), onState: t.onState, backoff: () => 20 });
    cleanups.push(() => rt.stop());
    rt.start();
    await t.waitFor('online');
    await server.close();
    await t.waitFor('offline');
    await t.waitFor('connecting', 4); // tried again and again
    expect(t.states).not.toContain('unauthorized');
  });

  it('stops retrying when the server refuses the credentials (4403)', async () => {
    const server = await echoServer({ refuse: true });
    cleanups.push(server.close);
    const t = track();
    const rt = createRealtime({ url: server.url, connectionParams: () => ({}), onState: t.onState, backoff: () => 20 });
    cleanups.push(() => rt.stop());
    rt.start();
    await t.waitFor('unauthorized');
    await new Promise((r) => setTimeout(r, 200));
    expect(t.states.filter((s) => s === 'connecting')).toHaveLength(1);
  });

  it('subscribes again when the server fails the stream while the socket stays up', async () => {
    const server = await echoServer({ failFirst: true });
    cleanups.push(server.close);
    const seen: string[] = [];
    const rt = createRealtime({ url: server.url, connectionParams: () => ({}), onState: () => {}, backoff: () => 20 });
    cleanups.push(() => rt.stop());
    rt.subscribe<string>({ query: 'subscription($after: String) { echo(after: $after) }', variables: () => ({ after: 'c3' }), next: (v) => seen.push(v), restart: 'on-error' });
    rt.start();
    await expect.poll(() => seen, { timeout: 3000 }).toEqual(['from c3']);
  });

  it('treats a connection that stops answering pings as dead and reconnects', async () => {
    const server = await echoServer();
    cleanups.push(server.close);
    const t = track();
    const rt = createRealtime({ url: server.url, connectionParams: () => ({}), onState: t.onState, backoff: () => 20, keepAlive: 100, pongTimeout: 150 });
    cleanups.push(() => rt.stop());
    rt.start();
    await t.waitFor('online');
    server.freeze();
    await t.waitFor('offline');
    await t.waitFor('online', 2); // a fresh socket works again
  });
});
