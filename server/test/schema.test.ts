import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, type GraphQLEnumType, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../src/config.js';
import { openOrm } from '../src/db/orm.js';
import { describeSchema } from '../src/graphql/descriptions.js';
import { printWorkbaySchema } from '../src/graphql/print-schema.js';
import { buildWorkbaySchema } from '../src/graphql/schema.js';
import { createTestDatabase } from './helpers/database.js';

const root = repoRoot();

describe('the schema is the contract', () => {
  it('schema.graphql is exactly what the code emits (run `pnpm schema` after changing the API)', async () => {
    expect(fs.readFileSync(path.join(root, 'schema.graphql'), 'utf8')).toBe(await printWorkbaySchema());
  });

  it('every contract operation kept in tests/contract validates against schema.graphql', () => {
    const schema = buildSchema(fs.readFileSync(path.join(root, 'schema.graphql'), 'utf8'));
    const dir = path.join(root, 'tests', 'contract');
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.graphql'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const errors = validate(schema, parse(fs.readFileSync(path.join(dir, file), 'utf8')));
      expect(errors.map((e) => `${file}: ${e.message}`)).toEqual([]);
    }
  });

  it('tests/contract holds the shared contract’s operations unchanged (../shared/contract/operations)', () => {
    const shared = path.join(root, '..', 'shared', 'contract', 'operations');
    const copies = fs.readdirSync(path.join(root, 'tests', 'contract')).filter((f) => f.endsWith('.graphql'));
    if (!fs.existsSync(shared)) return; // a checkout without shared/ beside it: the copy is all there is
    for (const file of copies) expect(fs.readFileSync(path.join(root, 'tests', 'contract', file), 'utf8'), file).toBe(fs.readFileSync(path.join(shared, file), 'utf8'));
  });

  it('every entry of graphql/descriptions.ts still names something in the schema', async () => {
    expect(describeSchema(await buildWorkbaySchema())).toEqual([]);
  });

  it('the contract enums carry the values clients switch on', () => {
    const schema = buildSchema(fs.readFileSync(path.join(root, 'schema.graphql'), 'utf8'));
    const values = (name: string) => (schema.getType(name) as GraphQLEnumType).getValues().map((v) => v.name).sort();
    expect(values('BoardFlag')).toEqual(['APPOINTMENT', 'CUSTOMER_WAITING', 'OVERDUE', 'REWORK', 'STALE', 'VIP', 'WAITING_APPROVAL', 'WAITING_PARTS', 'WARRANTY']);
    expect(values('BoardEventKind')).toEqual(['REMOVE', 'RESET', 'UPSERT']);
    expect(values('ProgressStepKey')).toEqual(['ESTIMATE', 'QUALITY_CHECK', 'READY', 'RECEIVED', 'REPAIR', 'WASH']);
    expect(values('ProgressStepState')).toEqual(['CURRENT', 'DONE', 'PENDING', 'SKIPPED']);
    expect(values('Skill')).toEqual(['BODY', 'CHASSIS', 'ELECTRICAL', 'ENGINE', 'MAINTENANCE', 'PAINT']);
    expect(values('Role')).toHaveLength(11);
  });
});

describe('migrations', () => {
  it('the checked-in migrations produce exactly the schema the entities describe', async () => {
    const orm = await openOrm({ clientUrl: await createTestDatabase() });
    try {
      expect(await orm.getMigrator().checkMigrationNeeded()).toBe(false);
      expect(await orm.getMigrator().getPendingMigrations()).toEqual([]);
    } finally {
      await orm.close(true);
    }
  });
});
