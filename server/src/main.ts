import 'reflect-metadata';
import pg from 'pg';
import { startApp } from './app.js';
import { hashToken } from './modules/auth/tokens.js';
import { DisplayToken } from './modules/display/display-token.entity.js';
import { readConfig } from './config.js';
import { type EmbeddedDatabase, startEmbeddedPostgres } from './db/embedded-postgres.js';
import { migrate, openOrm } from './db/orm.js';
import { DEMO_DISPLAY_TOKEN, DEMO_PASSWORD, isEmpty, seedDemo } from './seed/seed-demo.js';
import { demoStaff } from './seed/demo-data.js';
import { rootLogger as log } from './observability/logger.js';

const config = readConfig();
let embedded: EmbeddedDatabase | null = null;
let databaseUrl = config.databaseUrl;
if (!databaseUrl) {
  embedded = await startEmbeddedPostgres(config.dataDir);
  await ensureDatabase(embedded.url('postgres'), 'workbay');
  databaseUrl = embedded.url('workbay');
  log.info({ dataDir: config.dataDir }, 'Embedded PostgreSQL started');
}

const orm = await openOrm({ clientUrl: databaseUrl });
await migrate(orm);
if (config.demo && (await isEmpty(orm))) {
  await seedDemo(orm);
  log.info('Demo store seeded.');
}
const app = await startApp(orm, { ...config, databaseUrl });
const base = `http://localhost:${app.port}`;
if (config.demo) {
  // Demo credentials are public (README) but still never go into the log; the log names the accounts only.
  const usernames = demoStaff.map((s) => s.username);
  const wall = (await orm.em.fork().count(DisplayToken, { tokenHash: hashToken(DEMO_DISPLAY_TOKEN), revokedAt: null })) > 0;
  log.info({ usernames, demoWallDisplay: wall }, `Demo logins: ${usernames.join(', ')}`);
  banner(`\nDemo logins (password ${DEMO_PASSWORD}, demo databases only): ${usernames.join(', ')}`);
  if (wall) banner(`Demo wall display: ${base}/wall?token=${DEMO_DISPLAY_TOKEN}`);
}
banner(`\nWorkbay GraphQL API: ${base}/graphql (HTTP and WebSocket)${config.explorer ? ` · explorer: ${base}/explorer` : ''}`);
banner(`Wall display: ${base}/wall · customer page: ${base}/t/<token>\n`);
// Logged last: scripts and tests wait for this line.
log.info({ url: `${base}/graphql`, startupMs: Math.round(performance.now()) }, `Workbay GraphQL API: ${base}/graphql (HTTP and WebSocket)`);

/** For the person at a terminal (not a log line): the links and demo logins, only when stdout is a terminal. */
function banner(text: string) {
  if (process.stdout.isTTY) process.stdout.write(`${text}\n`);
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
