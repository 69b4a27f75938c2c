import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, type DefinitionNode, type GraphQLEnumType, parse, print, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../src/config.js';
import { contractOperations } from './helpers/contract.js';

const root = repoRoot();
const NAMES = ['AvailableSlots', 'BookAppointment', 'InviteForMaintenance', 'AppointmentFields', 'ConfirmAppointment', 'CancelAppointment', 'MarkNoShow', 'Appointments'];
const extracted = contractOperations('frontdesk.graphql', NAMES);
const nameOf = (d: DefinitionNode) => ('name' in d && d.name ? d.name.value : '');

describe('issue 7 contract: the appointment operations of frontdesk.graphql', () => {
  it('validate against schema.graphql', () => {
    const schema = buildSchema(fs.readFileSync(path.join(root, 'schema.graphql'), 'utf8'));
    const doc = parse(extracted);
    expect(doc.definitions.map(nameOf).sort()).toEqual([...NAMES].sort());
    expect(validate(schema, doc).map((e) => e.message)).toEqual([]);
  });

  it('are the shared contract’s operations, unchanged', () => {
    const shared = path.join(root, '..', 'shared', 'contract', 'operations', 'frontdesk.graphql');
    const mine = new Map(parse(extracted).definitions.map((d) => [nameOf(d), print(d)]));
    // A checkout without shared/ beside it: the extract is all there is (validated above).
    if (!fs.existsSync(shared)) return;
    const theirs = new Map(parse(fs.readFileSync(shared, 'utf8')).definitions.map((d) => [nameOf(d), print(d)]));
    for (const name of NAMES) expect(mine.get(name), name).toBe(theirs.get(name));
  });

  it('the appointment enums carry the values the contract pins', () => {
    const schema = buildSchema(fs.readFileSync(path.join(root, 'schema.graphql'), 'utf8'));
    const values = (name: string) => (schema.getType(name) as GraphQLEnumType).getValues().map((v) => v.name).sort();
    expect(values('AppointmentStatus')).toEqual(['ARRIVED', 'BOOKED', 'CANCELLED', 'CONFIRMED', 'NO_SHOW']);
    expect(values('DemandChannel')).toEqual(expect.arrayContaining(['PHONE', 'WECHAT']));
    expect(values('DemandInitiator')).toEqual(['CUSTOMER', 'STORE']);
    expect(values('DemandPurpose')).toEqual(expect.arrayContaining(['FAULT', 'MAINTENANCE']));
  });
});
