import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../src/graphql/global-id.js';
import { findTransition } from '../src/modules/work-order/work-order.process.js';
import { WorkOrderStatus } from '../src/modules/work-order/work-order.enums.js';
import { assign, createCustomerAndVehicle, createWorkOrder, move, Q, workOrderIn } from './helpers/flows.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app?.stop());

const STATUSES = Object.values(WorkOrderStatus);
const STARTED = new Set(['IN_PROGRESS', 'ON_HOLD', 'QUALITY_CHECK', 'WASHING', 'READY', 'DELIVERED']);

async function snapshot(id: string) {
  const { data } = await app.gql(Q.workOrder, { id }, { token: await app.login('manager') });
  return { status: data.workOrder.status, version: data.workOrder.version, events: data.workOrder.events.length };
}

describe('R-WO-1: every move outside the transitions table is refused and writes nothing', () => {
  for (const from of STATUSES) {
    it(`from ${from}`, async () => {
      const wo = await workOrderIn(app, from, 1);
      const before = await snapshot(wo.id);
      const illegal = STATUSES.filter((to) => !findTransition(from, to, STARTED.has(from)));
      expect(illegal.length).toBeGreaterThan(0);
      for (const to of illegal) {
        // As a manager, so that the refusal is the table's, not the role's.
        const res = await move(app, 'manager', wo.id, to, to === 'ON_HOLD' ? { holdReason: 'OTHER' } : { reason: '测试' });
        expect(res.workOrder, `${from} → ${to}`).toBeNull();
        expect(res.userErrors).toEqual([expect.objectContaining({ code: 'ILLEGAL_TRANSITION', field: ['input', 'to'] })]);
      }
      expect(await snapshot(wo.id)).toEqual(before);
      if (from === 'IN_PROGRESS') await move(app, 'manager', wo.id, 'CANCELLED', { reason: '测试清理' }); // frees the bay
    });
  }
});

describe('requirements of individual moves', () => {
  it('QUEUED → IN_PROGRESS needs a bay and a technician (NOT_ASSIGNED)', async () => {
    const wo = await workOrderIn(app, 'QUEUED');
    const res = await move(app, 'foreman', wo.id, 'IN_PROGRESS');
    expect(res.userErrors).toEqual([expect.objectContaining({ code: 'NOT_ASSIGNED', field: ['input', 'to'] })]);
    expect((await snapshot(wo.id)).status).toBe('QUEUED');
  });

  it('ON_HOLD needs a hold reason; a hold reason is refused on other moves', async () => {
    const wo = await workOrderIn(app, 'QUEUED');
    const missing = await move(app, 'foreman', wo.id, 'ON_HOLD', { reason: '等料' });
    expect(missing.userErrors).toEqual([expect.objectContaining({ code: 'HOLD_REASON_REQUIRED', field: ['input', 'holdReason'] })]);
    const misplaced = await move(app, 'advisor', wo.id, 'CANCELLED', { holdReason: 'OTHER' });
    expect(misplaced.userErrors).toEqual([expect.objectContaining({ code: 'HOLD_REASON_NOT_APPLICABLE' })]);
    expect(await snapshot(wo.id)).toMatchObject({ status: 'QUEUED', events: 4 }); // CREATED, WALK_AROUND_RECORDED (R-REC-3), two moves
  });

  it('cancelling before work started: advisor may, reason optional', async () => {
    const wo = await workOrderIn(app, 'QUEUED');
    const res = await move(app, 'advisor', wo.id, 'CANCELLED');
    expect(res.userErrors).toEqual([]);
    expect(res.workOrder.status).toBe('CANCELLED');
  });

  it('cancelling after work started needs a manager (TRANSITION_NOT_PERMITTED) and a reason (REASON_REQUIRED)', async () => {
    const wo = await workOrderIn(app, 'ON_HOLD', 2);
    const byAdvisor = await move(app, 'advisor', wo.id, 'CANCELLED', { reason: '客户不修了' });
    expect(byAdvisor.userErrors).toEqual([expect.objectContaining({ code: 'TRANSITION_NOT_PERMITTED' })]);
    const noReason = await move(app, 'manager', wo.id, 'CANCELLED');
    expect(noReason.userErrors).toEqual([expect.objectContaining({ code: 'REASON_REQUIRED', field: ['input', 'reason'] })]);
    expect((await snapshot(wo.id)).status).toBe('ON_HOLD');
    const ok = await move(app, 'manager', wo.id, 'CANCELLED', { reason: '客户不修了' });
    expect(ok.workOrder.status).toBe('CANCELLED');
  });

  it('rework from quality check needs a reason (R-QC-2) and counts', async () => {
    const wo = await workOrderIn(app, 'QUALITY_CHECK');
    expect((await move(app, 'qc', wo.id, 'IN_PROGRESS')).userErrors).toEqual([expect.objectContaining({ code: 'REASON_REQUIRED' })]);
    const ok = await move(app, 'qc', wo.id, 'IN_PROGRESS', { reason: '刹车异响未消除' });
    expect(ok.userErrors).toEqual([]);
    const { data } = await app.gql(Q.workOrder, { id: wo.id }, { token: await app.login('manager') });
    expect(data.workOrder.reworkCount).toBe(1);
    await move(app, 'tech1', wo.id, 'QUALITY_CHECK');
  });

  it('roles are checked per move: a technician cannot deliver, an advisor cannot pass QC', async () => {
    const ready = await workOrderIn(app, 'READY');
    expect((await move(app, 'tech1', ready.id, 'DELIVERED')).userErrors).toEqual([expect.objectContaining({ code: 'TRANSITION_NOT_PERMITTED' })]);
    const qc = await workOrderIn(app, 'QUALITY_CHECK');
    expect((await move(app, 'advisor', qc.id, 'READY')).userErrors).toEqual([expect.objectContaining({ code: 'TRANSITION_NOT_PERMITTED' })]);
    // A cashier may not move work orders at all: that is the operation's role check, a FORBIDDEN error.
    const res = await app.gql(Q.transition, { input: { id: qc.id, to: 'READY' } }, { token: await app.login('cashier') });
    expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('a technician may only start orders assigned to them (NOT_ASSIGNED_TO_YOU)', async () => {
    const wo = await workOrderIn(app, 'QUEUED');
    await assign(app, wo.id, ['tech1'], 2);
    expect((await move(app, 'tech2', wo.id, 'IN_PROGRESS')).userErrors).toEqual([expect.objectContaining({ code: 'NOT_ASSIGNED_TO_YOU' })]);
    expect((await move(app, 'tech1', wo.id, 'IN_PROGRESS')).userErrors).toEqual([]);
    await move(app, 'tech1', wo.id, 'QUALITY_CHECK');
  });

  it('a bay holds one car in progress at a time (BAY_OCCUPIED)', async () => {
    const first = await workOrderIn(app, 'IN_PROGRESS', 2);
    const second = await workOrderIn(app, 'QUEUED');
    await assign(app, second.id, ['tech1'], 2);
    const res = await move(app, 'foreman', second.id, 'IN_PROGRESS');
    expect(res.userErrors).toEqual([expect.objectContaining({ code: 'BAY_OCCUPIED' })]);
    expect(res.userErrors[0].message).toContain(first.number);
    await move(app, 'tech1', first.id, 'QUALITY_CHECK');
  });
});

describe('who may hold and where a car may be', () => {
  it('a technician may only put their own orders on hold', async () => {
    const wo = await workOrderIn(app, 'QUEUED');
    await assign(app, wo.id, ['tech1'], 1);
    expect((await move(app, 'tech2', wo.id, 'ON_HOLD', { holdReason: 'WAITING_PARTS' })).userErrors).toEqual([expect.objectContaining({ code: 'NOT_ASSIGNED_TO_YOU' })]);
    expect((await move(app, 'tech1', wo.id, 'ON_HOLD', { holdReason: 'WAITING_PARTS' })).userErrors).toEqual([]);
    expect((await move(app, 'parts', wo.id, 'QUEUED')).userErrors).toEqual([]); // the parts clerk releases it
  });

  it('re-dispatching a car in progress: never into an occupied bay, never out of every bay', async () => {
    const a = await workOrderIn(app, 'IN_PROGRESS', 1);
    const b = await workOrderIn(app, 'IN_PROGRESS', 2);
    const into = await assign(app, b.id, ['tech1'], 1);
    expect(into.userErrors).toEqual([expect.objectContaining({ code: 'BAY_OCCUPIED', field: ['input', 'bayId'] })]);
    const out = await app.gql(Q.assign, { input: { id: b.id, bayId: null, technicianIds: [toGlobalId('Staff', app.staffIds.tech1)], expectedVersion: b.version } }, { token: await app.login('foreman') });
    expect(out.data.assignWorkOrder.userErrors).toEqual([expect.objectContaining({ code: 'REQUIRED', field: ['input', 'bayId'] })]);
    await move(app, 'tech1', a.id, 'QUALITY_CHECK');
    expect((await assign(app, b.id, ['tech1'], 1)).userErrors).toEqual([]); // bay 2 is free now
    await move(app, 'tech1', b.id, 'QUALITY_CHECK');
  });
});

describe('dispatch (R-WO-3)', () => {
  it('assigns a bay and technicians whose skills cover every job; refuses otherwise', async () => {
    const wo = await createWorkOrder(app, {
      jobs: [
        { title: '空调系统检修', skill: 'ELECTRICAL', standardHours: 2 },
        { title: '前保险杠喷漆', skill: 'PAINT', standardHours: 4 },
      ],
    });
    const mismatch = await assign(app, wo.id, ['tech2'], 1);
    expect(mismatch.userErrors).toEqual([expect.objectContaining({ code: 'SKILL_MISMATCH', field: ['input', 'technicianIds'] })]);
    expect(mismatch.userErrors[0].message).toContain('前保险杠喷漆');

    const notTech = await assign(app, wo.id, ['tech2', 'qc'], 1);
    expect(notTech.userErrors).toEqual([expect.objectContaining({ code: 'NOT_A_TECHNICIAN', field: ['input', 'technicianIds', '1'] })]);

    const otherStore = await assign(app, wo.id, ['tech2', 'other_tech'], 1);
    expect(otherStore.userErrors).toEqual([expect.objectContaining({ code: 'NOT_A_TECHNICIAN' })]);

    const byTech = await app.gql(Q.assign, { input: { id: wo.id, technicianIds: [], expectedVersion: 1 } }, { token: await app.login('tech1') });
    expect(byTech.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    expect((await snapshot(wo.id)).version).toBe(1);
    const ok = await assign(app, wo.id, ['tech2', 'tech3'], 1);
    expect(ok.userErrors).toEqual([]);
    expect(ok.workOrder.technicians).toHaveLength(2);
    expect(ok.workOrder.bay.name).toBe('2号工位');
    expect(ok.workOrder.version).toBe(2);
  });

  it('refuses unknown bays and malformed ids with the field path', async () => {
    const wo = await createWorkOrder(app);
    const res = await app.gql(Q.assign, { input: { id: wo.id, bayId: toGlobalId('Bay', 999999), technicianIds: ['garbage'], expectedVersion: 1 } }, { token: await app.login('foreman') });
    expect(res.data.assignWorkOrder.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_ID', field: ['input', 'technicianIds', '0'] })]);
    const res2 = await app.gql(Q.assign, { input: { id: wo.id, bayId: toGlobalId('Bay', 999999), technicianIds: [toGlobalId('Staff', app.staffIds.tech1)], expectedVersion: 1 } }, { token: await app.login('foreman') });
    expect(res2.data.assignWorkOrder.userErrors).toEqual([expect.objectContaining({ code: 'NOT_FOUND', field: ['input', 'bayId'] })]);
  });
});

describe('create work order: bad input gets userErrors with the field path and writes nothing', () => {
  it('refuses a past promise, non-positive hours, empty and over-long text, unknown vehicle', async () => {
    const { vehicleId } = await createCustomerAndVehicle(app);
    const token = await app.login('advisor');
    const count = async () => (await app.gql(`{ workOrders(first: 1) { totalCount } }`, {}, { token })).data.workOrders.totalCount;
    const before = await count();
    const res = await app.gql(
      Q.createWorkOrder,
      {
        input: {
          vehicleId,
          complaint: '   ',
          promisedAt: new Date(Date.now() - 3600_000).toISOString(),
          jobs: [
            { title: '保养', skill: 'MAINTENANCE', standardHours: -1 },
            { title: 'x'.repeat(121), skill: 'ENGINE', standardHours: 1 },
          ],
          mileageIn: -5,
        },
      },
      { token },
    );
    const errors = res.data.createWorkOrder.userErrors.map((e: { code: string; field: string[] }) => `${e.code}@${e.field.join('.')}`);
    expect(errors.sort()).toEqual(
      ['REQUIRED@input.complaint', 'PROMISED_AT_IN_PAST@input.promisedAt', 'OUT_OF_RANGE@input.jobs.0.standardHours', 'TOO_LONG@input.jobs.1.title', 'OUT_OF_RANGE@input.mileageIn'].sort(),
    );
    expect(res.data.createWorkOrder.workOrder).toBeNull();

    const unknown = await app.gql(Q.createWorkOrder, { input: { vehicleId: toGlobalId('Vehicle', 424242), complaint: '异响' } }, { token });
    expect(unknown.data.createWorkOrder.userErrors).toEqual([expect.objectContaining({ code: 'NOT_FOUND', field: ['input', 'vehicleId'] })]);
    const wrongType = await app.gql(Q.createWorkOrder, { input: { vehicleId: toGlobalId('Customer', 1), complaint: '异响' } }, { token });
    expect(wrongType.data.createWorkOrder.userErrors[0].code).toBe('NOT_FOUND');
    expect(await count()).toBe(before);
  });

  it('a malformed DateTime or enum is a BAD_USER_INPUT / validation error, never a 500', async () => {
    const token = await app.login('advisor');
    const res = await app.gql(Q.createWorkOrder, { input: { vehicleId: 'x', complaint: 'x', promisedAt: 'tomorrow' } }, { token });
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const res2 = await app.gql(`mutation { transitionWorkOrder(input: { id: "x", to: FLYING }) { userErrors { code } } }`, {}, { token });
    expect(res2.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('messages speak Chinese by default and English on request', async () => {
    const wo = await workOrderIn(app, 'QUEUED');
    const zh = await app.gql(Q.transition, { input: { id: wo.id, to: 'DELIVERED' } }, { token: await app.login('advisor') });
    expect(zh.data.transitionWorkOrder.userErrors[0].message).toContain('工单不能从');
    const en = await app.gql(Q.transition, { input: { id: wo.id, to: 'DELIVERED' } }, { token: await app.login('advisor'), locale: 'en-US,en;q=0.9' });
    expect(en.data.transitionWorkOrder.userErrors[0].message).toBe('A work order cannot move from QUEUED to DELIVERED');
  });
});

describe('R-WO-2: the event log is never edited', () => {
  it('has no API to change events, and the database refuses updates and deletes', async () => {
    const wo = await createWorkOrder(app);
    const conn = app.orm.em.fork().getConnection();
    await expect(conn.execute(`update domain_event set kind = 'x'`)).rejects.toThrow(/append-only/);
    await expect(conn.execute(`delete from domain_event`)).rejects.toThrow(/append-only/);
    expect((await snapshot(wo.id)).events).toBe(1);
  });
});
