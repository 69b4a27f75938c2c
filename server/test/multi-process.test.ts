import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../src/db/embedded-postgres.js';
import { createWorkOrder, move } from './helpers/flows.js';
import { BOARD_EVENTS, collect } from './helpers/subscriptions.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

let app: TestApp;
let child: ChildProcess;
let childUrl: string;

/** A second, separate server process (`pnpm start` with DATABASE_URL) on the same database. */
async function startServerProcess(databaseUrl: string): Promise<{ proc: ChildProcess; url: string }> {
  const port = await freePort();
  const proc = spawn(process.execPath, ['--import', 'tsx', path.resolve(import.meta.dirname, '../src/main.ts')], {
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1', WORKBAY_DEMO: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server process did not start:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Workbay GraphQL API')) {
        clearTimeout(timer);
        resolve();
      }
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', onData);
    proc.on('exit', (code) => reject(new Error(`server process exited with ${code}:\n${output}`)));
  });
  return { proc, url: `http://127.0.0.1:${port}/graphql` };
}

beforeAll(async () => {
  app = await startTestApp();
  ({ proc: child, url: childUrl } = await startServerProcess(app.databaseUrl));
}, 60_000);

afterAll(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
  await app?.stop();
});

describe('several server processes on one database (LISTEN/NOTIFY wake-ups, event table as truth)', () => {
  it('a change made through one process reaches subscribers of the other, both ways', async () => {
    const token = await app.login('foreman');
    const onChild = collect(createClient({ url: childUrl.replace('http', 'ws'), webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` }, retryAttempts: 0 }), BOARD_EVENTS);
    const onMain = collect(app.ws({ authorization: `Bearer ${token}` }), BOARD_EVENTS);
    await new Promise((r) => setTimeout(r, 300)); // both subscriptions established

    const wo = await createWorkOrder(app); // through the in-test process
    await onChild.until((xs) => xs.some((e: any) => e.workOrderId === wo.id));

    // …and through the child process's HTTP API.
    const res = await fetch(childUrl, {
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
    await move(app, 'advisor', wo.id, 'AWAITING_APPROVAL');
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
