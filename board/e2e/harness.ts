import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { type Browser, chromium } from 'playwright-core';
import { type EmbeddedDatabase, startEmbeddedPostgres } from '../../server/src/db/embedded-postgres';
import { type ServerProcess, startServerProcess } from '../../server/test/helpers/server-process';
import { CHROMIUM_ARGS, chromiumPath } from './chromium';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** A real PostgreSQL for the test file, outliving the server processes that use it. */
export async function startDatabase(): Promise<{ url: string; stop: () => Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'workbay-e2e-'));
  const db: EmbeddedDatabase = await startEmbeddedPostgres(dir, { quiet: true });
  const admin = new pg.Client(db.url('postgres'));
  await admin.connect();
  await admin.query('create database e2e');
  await admin.end();
  return {
    url: db.url('e2e'),
    stop: async () => {
      await db.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type { ServerProcess };

/** `pnpm start`'s server (migrations, demo seed when empty), as its own process on `port`. */
export function startServer(databaseUrl: string, port?: number): Promise<ServerProcess> {
  return startServerProcess({ DATABASE_URL: databaseUrl }, port);
}

export function api(base: string) {
  return async function gql<T = any>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
    const res = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data: T; errors?: unknown };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data;
  };
}

export async function login(base: string, username: string): Promise<string> {
  const data = await api(base)<{ login: { token: string } }>(`mutation($u: String!) { login(input: { username: $u, password: "demo1234" }) { token } }`, { u: username });
  return data.login.token;
}

export async function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath()!, args: CHROMIUM_ARGS });
}

/** The committed README screenshots are rewritten only on request (UPDATE_SCREENSHOTS=1), so a test run leaves the checkout clean. */
export const SCREENSHOTS = process.env.UPDATE_SCREENSHOTS === '1' ? path.join(ROOT, 'docs') : path.join(os.tmpdir(), 'workbay-screenshots');
