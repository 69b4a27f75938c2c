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
  console.log(`Embedded PostgreSQL started (data in ${config.dataDir})`);
}

const orm = await openOrm({ clientUrl: databaseUrl });
await migrate(orm);
if (config.production && config.demo) console.warn(PRODUCTION_DEMO_WARNING);
if (config.production && (await revokeFixedDemoToken(orm))) console.warn('The published demo wall-display token was revoked: production never accepts it.');
let wallToken: string | null = null;
if (config.demo && (await isEmpty(orm))) {
  wallToken = await seedDemo(orm, { fixedWallToken: !config.production });
  console.log('Demo store seeded.');
}
const modules = await Promise.all(config.extraModules.map(async (file) => (await import(path.resolve(file))).default as ModuleManifest));
const app = await startApp(orm, { ...config, databaseUrl }, { modules });
if (config.demo) {
  console.log(`\nDemo logins (password ${DEMO_PASSWORD}, demo databases only): ${demoStaff.map((s) => s.username).join(', ')}`);
  wallToken ??= (await orm.em.fork().count(DisplayToken, { tokenHash: hashToken(DEMO_DISPLAY_TOKEN), revokedAt: null })) ? DEMO_DISPLAY_TOKEN : null;
  if (wallToken) console.log(`Demo wall display: http://localhost:${app.port}/wall?token=${wallToken}`);
}
if (config.production && config.demo) console.warn(PRODUCTION_DEMO_WARNING);
// Printed last: scripts and tests wait for this line.
console.log(`\nWorkbay GraphQL API: http://localhost:${app.port}/graphql (HTTP and WebSocket)`);
console.log(`Wall display: http://localhost:${app.port}/wall · customer page: http://localhost:${app.port}/t/<token>`);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: draining connections…`);
  await app.stop();
  await orm.close();
  await embedded?.stop();
  console.log('Stopped cleanly.');
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
