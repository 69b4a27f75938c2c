import 'reflect-metadata';
import path from 'node:path';
import pg from 'pg';
import type { ModuleManifest } from './modules/module.js';
import { startApp } from './app.js';
import { hashToken } from './modules/auth/tokens.js';
import { DisplayToken } from './modules/display/display-token.entity.js';
import { readConfig } from './config.js';
import { type EmbeddedDatabase, startEmbeddedPostgres } from './db/embedded-postgres.js';
import { migrate, openOrm } from './db/orm.js';
import { PostgresUserCannotReach } from './db/postgres-user-access.js';
import { DEMO_DISPLAY_TOKEN, DEMO_PASSWORD, isEmpty, revokeFixedDemoToken, seedDemo } from './seed/seed-demo.js';
import { demoStaff } from './seed/demo-data.js';
import { rootLogger as log } from './observability/logger.js';

const config = readConfig();
const PRODUCTION_DEMO_WARNING = `
!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!
!! WARNING: WORKBAY_DEMO=1 with NODE_ENV=production. An empty database gets  !!
!! the DEMO store, whose staff sign in with the published password ${DEMO_PASSWORD}. !!
!! Never do this on a server real customers' data will reach.               !!
!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!
`;
let embedded: EmbeddedDatabase | null = null;
let databaseUrl = config.databaseUrl;
if (!databaseUrl) {
  try {
    embedded = await startEmbeddedPostgres(config.dataDir);
  } catch (e) {
    if (!(e instanceof PostgresUserCannotReach)) throw e;
    console.error(`\n${e.message}\n`);
    process.exit(1);
  }
  await ensureDatabase(embedded.url('postgres'), 'workbay');
  databaseUrl = embedded.url('workbay');
  log.info({ dataDir: config.dataDir }, 'Embedded PostgreSQL started');
}

const orm = await openOrm({ clientUrl: databaseUrl });
await migrate(orm);
if (config.production && config.demo) console.warn(PRODUCTION_DEMO_WARNING);
if (config.production && (await revokeFixedDemoToken(orm))) console.warn('The published demo wall-display token was revoked: production never accepts it.');
let wallToken: string | null = null;
if (config.demo && (await isEmpty(orm))) {
  wallToken = await seedDemo(orm, { fixedWallToken: !config.production, config: { ...config, databaseUrl } });
  log.info('Demo store seeded.');
}
const modules = await Promise.all(config.extraModules.map(async (file) => (await import(path.resolve(file))).default as ModuleManifest));
const app = await startApp(orm, { ...config, databaseUrl }, { modules });
const base = `http://localhost:${app.port}`;
if (config.demo) {
  // Demo credentials are public (README) but still never go into the log; the log names the accounts only.
  const usernames = demoStaff.map((s) => s.username);
  wallToken ??= (await orm.em.fork().count(DisplayToken, { tokenHash: hashToken(DEMO_DISPLAY_TOKEN), revokedAt: null })) ? DEMO_DISPLAY_TOKEN : null;
  log.info({ usernames, demoWallDisplay: wallToken !== null }, `Demo logins: ${usernames.join(', ')}`);
  // A demo database is for trying the product: its logins and wall link are printed even without a terminal.
  banner(`\nDemo logins (password ${DEMO_PASSWORD}, demo databases only): ${usernames.join(', ')}`, true);
  if (wallToken) banner(`Demo wall display: ${base}/wall?token=${wallToken}`, true);
}
if (config.production && config.demo) console.warn(PRODUCTION_DEMO_WARNING);
banner(`\nWorkbay GraphQL API: ${base}/graphql (HTTP and WebSocket)${config.explorer ? ` · explorer: ${base}/explorer` : ''}`);
banner(`Wall display: ${base}/wall · customer page: ${base}/t/<token>\n`);
// Logged last: scripts and tests wait for this line.
log.info({ url: `${base}/graphql`, startupMs: Math.round(performance.now()) }, `Workbay GraphQL API: ${base}/graphql (HTTP and WebSocket)`);

/** For the person at a terminal (not a log line): the links, only when stdout is a terminal unless `always`. */
function banner(text: string, always = false) {
  if (always || process.stdout.isTTY) process.stdout.write(`${text}\n`);
}

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, 'draining connections');
  await app.stop();
  await orm.close();
  await embedded?.stop();
  log.info('Stopped cleanly.');
  log.flush();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));

async function ensureDatabase(adminUrl: string, name: string) {
  const client = new pg.Client(adminUrl);
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (!rowCount) await client.query(`create database ${pg.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}
