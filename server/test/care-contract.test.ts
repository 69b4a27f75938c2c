import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, type DefinitionNode, type GraphQLEnumType, parse, print, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../src/config.js';
import { contractOperations } from './helpers/contract.js';

const root = repoRoot();
const NAMES = ['UpdateCustomerArchive', 'ArchiveFields', 'ArchiveCompleteness', 'FollowUpTasks', 'TaskFields', 'CompleteCallbackWithSurvey', 'CallbackNotReached', 'FileComplaint', 'ComplaintFields', 'RespondToComplaint', 'ResolveComplaint', 'Complaints', 'CareCalendar', 'Outbox', 'CreateCampaign', 'ChurnRisk', 'AwardBehaviourPoints', 'InvitationCandidates'];
const extracted = contractOperations('care.graphql', NAMES);
const nameOf = (d: DefinitionNode) => ('name' in d && d.name ? d.name.value : '');

describe('issue 10 contract: every operation of care.graphql', () => {

  it('validate against schema.graphql', () => {
    const schema = buildSchema(fs.readFileSync(path.join(root, 'schema.graphql'), 'utf8'));
    const doc = parse(extracted);
    expect(doc.definitions.map(nameOf).sort()).toEqual([...NAMES].sort());
    expect(validate(schema, doc).map((e) => e.message)).toEqual([]);
  });

  it('are the shared contract’s operations, unchanged', () => {
    const shared = path.join(root, '..', 'shared', 'contract', 'operations', 'care.graphql');
    if (!fs.existsSync(shared)) return;
    const mine = new Map(parse(extracted).definitions.map((d) => [nameOf(d), print(d)]));
    const theirs = new Map(parse(fs.readFileSync(shared, 'utf8')).definitions.map((d) => [nameOf(d), print(d)]));
    for (const name of NAMES) expect(mine.get(name), name).toBe(theirs.get(name));
  });

  it('the enums carry the values the contract pins', () => {
    const schema = buildSchema(fs.readFileSync(path.join(root, 'schema.graphql'), 'utf8'));
    const values = (name: string) => (schema.getType(name) as GraphQLEnumType).getValues().map((v) => v.name);
    expect(values('ComplaintStatus')).toEqual(expect.arrayContaining(['OPEN', 'RESPONDED', 'RESOLVED', 'CONFIRMED', 'REOPENED']));
    expect(values('ComplaintCategory')).toContain('QUALITY');
    expect(values('ComplaintSeverity')).toContain('MAJOR');
    expect(values('ComplaintChannel')).toContain('PHONE');
    expect(values('ContactChannel')).toContain('WECHAT');
    expect(values('CustomerSource')).toContain('SOLD_HERE');
    expect(values('FollowUpKind')).toEqual(expect.arrayContaining(['CALLBACK', 'TRACKING_CALL', 'COMPLAINT_RECALL', 'CALL_WHEN_PARTS_ARRIVE']));
    expect(values('FollowUpStatus')).toEqual(expect.arrayContaining(['OPEN', 'OVERDUE']));
    expect(values('CallOutcome')).toEqual(expect.arrayContaining(['REACHED', 'NO_ANSWER']));
    expect(values('OutboxStatus')).toEqual(expect.arrayContaining(['SCHEDULED', 'SENT', 'FAILED', 'SUPPRESSED']));
    expect(values('OutboxChannel')).toEqual(expect.arrayContaining(['SMS', 'WECHAT', 'APP_PUSH', 'PHONE_TASK']));
    expect(values('CareKind')).toEqual(expect.arrayContaining(['MAINTENANCE_DUE', 'WARRANTY_CHECK', 'INSURANCE_EXPIRY', 'INSPECTION_DUE', 'BIRTHDAY', 'HOLIDAY', 'NEW_CAR_WELCOME']));
    expect(values('VehicleAgeClass').sort()).toEqual(['IN_WARRANTY', 'OVER_FIVE_YEARS', 'TWO_TO_FIVE_YEARS']);
    expect(values('BehaviourPointsReason')).toEqual(expect.arrayContaining(['CHECK_IN', 'SHARE']));
    expect(values('ValueClass')).toEqual(['A', 'B', 'C', 'D']);
    expect(values('InvitationKind')).toEqual(expect.arrayContaining(['FIRST_MAINTENANCE', 'MAINTENANCE_DUE', 'DEFERRED_ITEM']));
  });
});
