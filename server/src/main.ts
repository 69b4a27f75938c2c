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
import { DEMO_DISPLAY_TOKEN, DEMO_PASSWORD, isEmpty, seedDemo } from './seed/seed-demo.js';
import { demoStaff } from './seed/demo-data.js';

const config = readConfig();
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
if (config.demo && (await isEmpty(orm))) {
  await seedDemo(orm);
  console.log('Demo store seeded.');
}
const modules = await Promise.all(config.extraModules.map(async (file) => (await import(path.resolve(file))).default as ModuleManifest));
const app = await startApp(orm, { ...config, databaseUrl }, { modules });
if (config.demo) {
  console.log(`\nDemo logins (password ${DEMO_PASSWORD}, demo databases only): ${demoStaff.map((s) => s.username).join(', ')}`);
  if (await orm.em.fork().count(DisplayToken, { tokenHash: hashToken(DEMO_DISPLAY_TOKEN), revokedAt: null })) {
    console.log(`Demo wall display: http://localhost:${app.port}/wall?token=${DEMO_DISPLAY_TOKEN}`);
  }
}
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
