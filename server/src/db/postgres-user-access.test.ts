import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { firstBlockedDirectory, PostgresUserCannotReach } from './postgres-user-access.js';

/** Platform §8: a root checkout the `postgres` user cannot enter is reported with the fix, not as `spawn initdb EACCES`. */
describe('can the postgres user reach the embedded database?', () => {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'pg-access-'));
  fs.chmodSync(base, 0o755);

  it('finds a directory closed to others on the way (a clone under /root)', () => {
    const home = path.join(base, 'root');
    fs.mkdirSync(path.join(home, 'workbay', 'node_modules'), { recursive: true });
    fs.chmodSync(home, 0o700);
    expect(firstBlockedDirectory([path.join(home, 'workbay', 'node_modules')], null)).toBe(home);
    fs.chmodSync(home, 0o701);
    expect(firstBlockedDirectory([path.join(home, 'workbay', 'node_modules')], null)).toBeNull();
  });

  it('lets the postgres user through directories it owns', () => {
    const own = path.join(base, 'own');
    fs.mkdirSync(own, { mode: 0o700 });
    const uid = fs.statSync(own).uid;
    expect(firstBlockedDirectory([own], uid)).toBeNull();
    expect(firstBlockedDirectory([own], uid + 1)).toBe(own);
  });

  it('a data directory not created yet is not a problem', () => {
    expect(firstBlockedDirectory([path.join(base, 'later', 'data')], null)).toBeNull();
  });

  it('the error says what is wrong and how to fix it', () => {
    const message = new PostgresUserCannotReach('/root').message;
    expect(message).toContain('cannot pass through /root');
    expect(message).toContain('chmod o+x /root');
    expect(message).toContain('DATABASE_URL');
  });
});
