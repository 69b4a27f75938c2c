/**
 * Issue 9 §3: one customer link (or one credential) cannot stall the staff board: operations per
 * socket, sockets per link and sockets per credential are capped, the excess refused with a clear
 * code, and everything is given back when a socket closes.
 */
import type { Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLOSE_TOO_MANY_SOCKETS } from '../src/graphql/socket-limits.js';
import { createWorkOrder } from './helpers/flows.js';
import { collect } from './helpers/subscriptions.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

const PROGRESS = `subscription($token: String!) { workOrderProgress(token: $token) { number status } }`;
let app: TestApp;
let token: string;
beforeAll(async () => {
  app = await startTestApp({ config: { socketLimits: { operationsPerSocket: 3, socketsPerLink: 2, socketsPerCredential: 2 } } });
  token = (await createWorkOrder(app)).trackingUrl.split('/t/')[1];
});
afterAll(() => app?.stop());

const closed = (client: Client) => new Promise<number>((resolve) => client.on('closed', (e) => resolve((e as { code: number }).code)));
const until = async (predicate: () => boolean, ms = 5000) => {
  const end = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
};

describe('operations per socket', () => {
  it('a customer socket flooding workOrderProgress runs at most the cap; the rest are refused with TOO_MANY_OPERATIONS', async () => {
    const client = app.ws({ trackingToken: token });
    const subs = Array.from({ length: 200 }, () => collect(client, PROGRESS, { token }, 'workOrderProgress'));
    await until(() => subs.every((s) => s.items.length > 0 || s.errors.length > 0));
    const running = subs.filter((s) => s.items.length > 0);
    const refused = subs.filter((s) => s.errors.length > 0);
    expect(running).toHaveLength(3);
    expect(refused).toHaveLength(197);
    expect(JSON.stringify(refused[0].errors)).toContain('TOO_MANY_OPERATIONS');
    // Completing one gives its slot back.
    running[0].stop();
    await new Promise((r) => setTimeout(r, 200));
    const again = collect(client, PROGRESS, { token }, 'workOrderProgress');
    await again.until((items) => items.length > 0);
    await client.dispose();
  });

  it('a staff socket flooding boardEvents the same', async () => {
    const client = app.ws({ authorization: `Bearer ${await app.login('foreman')}` });
    const subs = Array.from({ length: 50 }, () => collect(client, `subscription { boardEvents { cursor } }`));
    await until(() => subs.filter((s) => s.errors.length > 0).length === 47);
    await new Promise((r) => setTimeout(r, 300));
    expect(subs.filter((s) => s.errors.length > 0)).toHaveLength(47);
    await client.dispose();
  });
});

describe('sockets per customer link and per credential', () => {
  it('a third socket on one link is closed with 4429; closing one frees its slot', async () => {
    const a = app.ws({ trackingToken: token });
    const b = app.ws({ trackingToken: token });
    const subA = collect(a, PROGRESS, { token }, 'workOrderProgress');
    const subB = collect(b, PROGRESS, { token }, 'workOrderProgress');
    await subA.until((i) => i.length > 0);
    await subB.until((i) => i.length > 0);
    const c = app.ws({ trackingToken: token });
    const cClosed = closed(c);
    collect(c, PROGRESS, { token }, 'workOrderProgress');
    expect(await cClosed).toBe(CLOSE_TOO_MANY_SOCKETS);

    await a.dispose();
    await until(() => app.openSockets() === 1);
    const d = app.ws({ trackingToken: token });
    await collect(d, PROGRESS, { token }, 'workOrderProgress').until((i) => i.length > 0);
    await Promise.all([b.dispose(), d.dispose()]);
  });

  it('a third socket of one staff session is closed with 4429; another credential is not affected', async () => {
    const auth = { authorization: `Bearer ${await app.login('advisor')}` };
    const first = [app.ws(auth), app.ws(auth)];
    const subs = first.map((c) => collect(c, `subscription { boardEvents { cursor } }`));
    await until(() => app.openSockets() >= 2);
    const third = app.ws(auth);
    const thirdClosed = closed(third);
    collect(third, `subscription { boardEvents { cursor } }`);
    expect(await thirdClosed).toBe(CLOSE_TOO_MANY_SOCKETS);
    const other = app.ws({ authorization: `Bearer ${await app.login('manager')}` });
    const res = collect(other, `subscription { boardEvents { cursor } }`);
    await new Promise((r) => setTimeout(r, 500));
    expect(res.errors).toEqual([]);
    subs.forEach((s) => s.stop());
    await Promise.all([...first, other].map((c) => c.dispose()));
  });

  it('everything is released on close', async () => {
    await until(() => app.openSockets() === 0);
    expect(app.openSockets()).toBe(0);
  });
});
