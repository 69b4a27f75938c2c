import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../src/db/embedded-postgres.js';
import { startServerProcess } from './helpers/server-process.js';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'workbay-start-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

/** `pnpm start` as a user runs it: embedded PostgreSQL in WORKBAY_DATA_DIR, migrations, demo seed, then serve. */
const start = (port: number) => startServerProcess({ DATABASE_URL: '', WORKBAY_DATA_DIR: dataDir }, port);

async function login(port: number) {
  const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: `mutation { login(input: { username: "foreman", password: "demo1234" }) { token } }` }),
  });
  return ((await res.json()) as any).data.login.token as string;
}

describe('starting the product on a fresh machine', () => {
  it('first start creates the database, migrates, seeds the demo store and prints the URL and logins; Ctrl-C stops cleanly; a second start reuses the data', async () => {
    const port = await freePort();
    const first = await start(port);
    expect(first.output()).toContain('Demo store seeded.');
    expect(first.output()).toContain(`http://localhost:${port}/graphql`);
    expect(first.output()).toMatch(/Demo logins.*admin.*foreman.*cs/);
    const token = await login(port);
    const board = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: `{ board { cards { workOrder { number } } } }` }),
    });
    const cards = ((await board.json()) as any).data.board.cards;
    expect(cards.length).toBeGreaterThanOrEqual(15);
    expect(await first.stop('SIGINT')).toBe(0);
    expect(first.output()).toContain('Stopped cleanly.');
    expect(fs.existsSync(path.join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);

    const second = await start(port);
    expect(second.output()).not.toContain('Demo store seeded.');
    // The session from the first run is still valid: the data survived the restart.
    const me = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: `{ me { name } }` }),
    });
    expect(((await me.json()) as any).data.me.name).toBeTruthy();
    expect(await second.stop('SIGTERM')).toBe(0);
  }, 120_000);
});
