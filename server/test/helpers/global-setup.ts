import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from '../../src/db/embedded-postgres.js';
import { migrate, openOrm } from '../../src/db/orm.js';
import pg from 'pg';
import { buildServer } from './build-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
    templateDatabase: string;
  }
}

export const TEMPLATE = 'workbay_template';

/** One real PostgreSQL per test run; a migrated template database that each test file clones. */
export default async function setup(project: TestProject) {
  buildServer(); // for the tests that run server/dist/main.js as a process
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'workbay-test-'));
  const db = await startEmbeddedPostgres(dir, { quiet: true });
  const admin = new pg.Client(db.url('postgres'));
  await admin.connect();
  await admin.query(`create database ${TEMPLATE}`);
  await admin.end();
  const orm = await openOrm({ clientUrl: db.url(TEMPLATE) });
  await migrate(orm);
  await orm.close(true);
  project.provide('pgAdminUrl', db.url('postgres'));
  project.provide('templateDatabase', TEMPLATE);
  return async () => {
    await db.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  };
}
