import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, type DefinitionNode, type GraphQLEnumType, parse, print, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../src/config.js';
import { contractOperations } from './helpers/contract.js';

const root = repoRoot();
const NAMES = ['Parts', 'PartFields', 'CreatePart', 'ReceiveStock', 'PurchaseRequests', 'OrderPurchaseRequest', 'BookWithParts', 'IssueParts', 'ReturnParts'];
const extracted = contractOperations('workshop.graphql', NAMES);
const nameOf = (d: DefinitionNode) => ('name' in d && d.name ? d.name.value : '');

describe('issue 8 contract: the parts operations of workshop.graphql', () => {
  it('validate against schema.graphql', () => {
    const schema = buildSchema(fs.readFileSync(path.join(root, 'schema.graphql'), 'utf8'));
    const doc = parse(extracted);
    expect(doc.definitions.map(nameOf).sort()).toEqual([...NAMES].sort());
    expect(validate(schema, doc).map((e) => e.message)).toEqual([]);
  });

  it('are the shared contract’s operations, unchanged', () => {
    const shared = path.join(root, '..', 'shared', 'contract', 'operations', 'workshop.graphql');
    const mine = new Map(parse(extracted).definitions.map((d) => [nameOf(d), print(d)]));
    if (!fs.existsSync(shared)) return;
    const theirs = new Map(parse(fs.readFileSync(shared, 'utf8')).definitions.map((d) => [nameOf(d), print(d)]));
    for (const name of NAMES) expect(mine.get(name), name).toBe(theirs.get(name));
  });

  it('the enums carry the values the contract pins', () => {
    const schema = buildSchema(fs.readFileSync(path.join(root, 'schema.graphql'), 'utf8'));
    const values = (name: string) => (schema.getType(name) as GraphQLEnumType).getValues().map((v) => v.name);
    expect(values('PartSource')).toEqual(expect.arrayContaining(['OEM', 'AFTERMARKET']));
    expect(values('PurchaseRequestStatus')).toEqual(expect.arrayContaining(['OPEN', 'ORDERED', 'RECEIVED', 'CANCELLED']));
    expect(values('DemandChannel')).toEqual(expect.arrayContaining(['APP']));
  });
});
