import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, type DefinitionNode, type GraphQLEnumType, type GraphQLInputObjectType, parse, print, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../src/config.js';
import { contractOperations } from './helpers/contract.js';

const root = repoRoot();
const NAMES = ['ReceiveBookedVehicle', 'ReceiveWalkIn', 'RecordWalkAround', 'DeclineWalkAround'];
const extracted = contractOperations('frontdesk.graphql', NAMES);
const nameOf = (d: DefinitionNode) => ('name' in d && d.name ? d.name.value : '');
const schema = () => buildSchema(fs.readFileSync(path.join(root, 'schema.graphql'), 'utf8'));

describe('issue 7 contract: the reception operations of frontdesk.graphql (R-REC-1..4)', () => {
  it('validate against schema.graphql', () => {
    const doc = parse(extracted);
    expect(doc.definitions.map(nameOf).sort()).toEqual([...NAMES].sort());
    expect(validate(schema(), doc).map((e) => e.message)).toEqual([]);
  });

  it('are the shared contract’s operations, unchanged', () => {
    const shared = path.join(root, '..', 'shared', 'contract', 'operations', 'frontdesk.graphql');
    const mine = new Map(parse(extracted).definitions.map((d) => [nameOf(d), print(d)]));
    // A checkout without shared/ beside it: the extract is all there is (validated above).
    if (!fs.existsSync(shared)) return;
    const theirs = new Map(parse(fs.readFileSync(shared, 'utf8')).definitions.map((d) => [nameOf(d), print(d)]));
    for (const name of NAMES) expect(mine.get(name), name).toBe(theirs.get(name));
  });

  it('the reception enums and inputs carry the values and fields the contract pins', () => {
    const s = schema();
    const values = (name: string) => (s.getType(name) as GraphQLEnumType).getValues().map((v) => v.name);
    const fields = (name: string) => Object.keys((s.getType(name) as GraphQLInputObjectType).getFields());
    expect(values('IdentityDocument')).toEqual(expect.arrayContaining(['VEHICLE_LICENSE', 'DRIVING_LICENSE', 'ID_CARD', 'OTHER']));
    expect(values('DamageArea')).toEqual(expect.arrayContaining(['FRONT_BUMPER', 'REAR_BUMPER', 'BONNET', 'ROOF', 'BOOT', 'LEFT_FRONT_DOOR']));
    expect(values('DamageKind').sort()).toEqual(['CHIP', 'CRACK', 'DENT', 'OTHER', 'PAINT', 'SCRATCH']);
    expect(values('WorkOrderSource')).toEqual(expect.arrayContaining(['WALK_IN', 'APPOINTMENT']));
    expect(fields('ReceiveVehicleInput')).toEqual(
      expect.arrayContaining(['appointmentId', 'vehicleId', 'arrivedAt', 'greetedAt', 'identityDocument', 'complaint', 'advisorNotes', 'mileageIn', 'customerWaiting', 'promisedAt']),
    );
    expect(fields('RecordWalkAroundInput')).toEqual(
      expect.arrayContaining(['workOrderId', 'declined', 'declineReason', 'mileage', 'fuelLevelPercent', 'coversFitted', 'valuablesReminded', 'interiorNotes', 'tyreNotes', 'damages', 'customerSignatureId']),
    );
    expect(fields('WalkAroundDamageInput')).toEqual(expect.arrayContaining(['area', 'kind', 'sizeCm', 'photoIds']));
  });
});
