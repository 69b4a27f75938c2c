/** Diffs the entities against a scratch database migrated to the latest checked-in migration and writes the next migration. */
import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from '../src/db/embedded-postgres.js';
import { migrate, openOrm } from '../src/db/orm.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'workbay-migration-'));
const db = await startEmbeddedPostgres(dir, { quiet: true });
try {
  const orm = await openOrm({ clientUrl: db.url() });
  await migrate(orm);
  const initial = (await orm.getMigrator().getExecutedMigrations()).length === 0;
  const result = await orm.getMigrator().createMigration(path.resolve(import.meta.dirname, '../src/db/migrations'), false, initial, process.argv[2]);
  console.log(result.fileName ? `wrote ${result.fileName}; add it to src/db/migrations/index.ts` : 'no changes');
  await orm.close();
} finally {
  await db.stop();
  fs.rmSync(dir, { recursive: true, force: true });
}
