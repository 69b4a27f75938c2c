import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkOrder, move, recordWalkAround } from './helpers/flows.js';
import { BOARD_EVENTS, collect } from './helpers/subscriptions.js';
import { type ServerProcess, startServerProcess } from './helpers/server-process.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

let app: TestApp;
let child: ServerProcess;

beforeAll(async () => {
  app = await startTestApp();
  child = await startServerProcess({ DATABASE_URL: app.databaseUrl, WORKBAY_DEMO: '0' });
}, 60_000);

afterAll(async () => {
  await child?.stop();
  await app?.stop();
});

describe('several server processes on one database (LISTEN/NOTIFY wake-ups, event table as truth)', () => {
  it('a change made through one process reaches subscribers of the other, both ways', async () => {
    const token = await app.login('foreman');
    const onChild = collect(createClient({ url: child.url.replace('http', 'ws'), webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` }, retryAttempts: 0 }), BOARD_EVENTS);
    const onMain = collect(app.ws({ authorization: `Bearer ${token}` }), BOARD_EVENTS);
    await new Promise((r) => setTimeout(r, 300)); // both subscriptions established

    const wo = await createWorkOrder(app); // through the in-test process
    await recordWalkAround(app, wo.id); // R-REC-3: before it leaves DRAFT
    await onChild.until((xs) => xs.filter((e: any) => e.workOrderId === wo.id).length >= 2);

    // …and through the child process's HTTP API.
    const res = await fetch(child.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await app.login('advisor')}` },
      body: JSON.stringify({ query: `mutation($id: ID!) { transitionWorkOrder(input: { id: $id, to: AWAITING_APPROVAL }) { workOrder { status } } }`, variables: { id: wo.id } }),
    });
    expect(((await res.json()) as any).data.transitionWorkOrder.workOrder.status).toBe('AWAITING_APPROVAL');
    const mainItems = await onMain.until((xs) => xs.some((e: any) => e.card?.workOrder.status === 'AWAITING_APPROVAL'));
    const childItems = await onChild.until((xs) => xs.some((e: any) => e.card?.workOrder.status === 'AWAITING_APPROVAL'));
    // Both processes deliver the same events with the same cursors.
    expect(mainItems.map((e: any) => e.cursor)).toEqual(childItems.map((e: any) => e.cursor));
    onChild.stop();
    onMain.stop();
  });

  it('stops cleanly on SIGTERM (drains connections, exit code 0)', async () => {
    const wo = await createWorkOrder(app);
    await recordWalkAround(app, wo.id);
    await move(app, 'advisor', wo.id, 'AWAITING_APPROVAL');
    expect(await child.stop('SIGTERM')).toBe(0);
  });
});
