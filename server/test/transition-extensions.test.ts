import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ModuleManifest } from '../src/modules/module.js';
import { MOVER_ROLES, TRANSITIONS } from '../src/modules/work-order/work-order.process.js';
import { WorkOrderStatus as S } from '../src/modules/work-order/work-order.enums.js';
import { Role } from '../src/modules/staff/roles.js';
import { approveOneLineEstimate, createWorkOrder, move, passQualityCheck, recordWalkAround, versionOf, workOrderIn } from './helpers/flows.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

/** A module that forbids AWAITING_APPROVAL → QUEUED while the complaint says "待批准" (awaiting approval), and records a fact on → READY. Its guard runs beside the estimate module's APPROVAL_REQUIRED. */
const gatekeeper: ModuleManifest = {
  name: 'gatekeeper',
  transitionGuards: [
    {
      name: 'approval-required',
      applies: (from, to) => from === S.AWAITING_APPROVAL && to === S.QUEUED,
      check: async ({ workOrder }) => (workOrder.complaint.includes('待批准') ? [{ code: 'GATE_CLOSED', field: ['input', 'to'] }] : null),
    },
  ],
  transitionEffects: [
    {
      name: 'ready-noted',
      applies: (_from, to) => to === S.READY,
      run: async ({ workOrder }) => [{ kind: 'READY_NOTED', aggregate: { type: 'Note', id: workOrder.id }, data: { number: workOrder.number } }],
    },
  ],
};

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ modules: [gatekeeper] });
});
afterAll(async () => {
  await app?.stop();
});

describe('modules add guards and effects to the work-order transitions table (Platform §4)', () => {
  it('a guard refuses the move with its code and nothing is written', async () => {
    const wo = await createWorkOrder(app, { complaint: '待批准 异响' });
    await recordWalkAround(app, wo.id);
    await move(app, 'advisor', wo.id, 'AWAITING_APPROVAL');
    const before = await versionOf(app, wo.id);
    // The approval's move to QUEUED goes through every module's guards, in the approval's transaction.
    const res = await approveOneLineEstimate(app, wo.id);
    expect(res.userErrors).toEqual([{ code: 'GATE_CLOSED', field: ['input', 'to'], message: 'GATE_CLOSED' }]);
    expect(await versionOf(app, wo.id)).toBe(before);
  });

  it('the move goes ahead when the guard is satisfied', async () => {
    const wo = await createWorkOrder(app, { complaint: '异响' });
    await recordWalkAround(app, wo.id);
    await move(app, 'advisor', wo.id, 'AWAITING_APPROVAL');
    expect((await approveOneLineEstimate(app, wo.id)).workOrder.status).toBe('QUEUED');
  });

  it("an effect records its facts in the same transaction, in the store's log right after the transition", async () => {
    const wo = await workOrderIn(app, 'QUALITY_CHECK', 1);
    await passQualityCheck(app, wo.id); // R-QC-1: FINAL passed, so QUALITY_CHECK → READY is allowed
    const res = await move(app, 'qc', wo.id, 'READY');
    expect(res.workOrder.status).toBe('READY');
    const rows = await app.orm.em.fork().execute(`select seq, aggregate_type, kind, data from domain_event where store_id = ? order by seq desc limit 2`, [app.storeId]);
    expect(rows[0]).toMatchObject({ aggregate_type: 'Note', kind: 'READY_NOTED', data: { number: wo.number } });
    expect(rows[1]).toMatchObject({ aggregate_type: 'WorkOrder', kind: 'TRANSITIONED', data: { from: 'QUALITY_CHECK', to: 'READY' } });
    expect(Number(rows[0].seq)).toBe(Number(rows[1].seq) + 1);
  });
});

describe('R-WO-1: the transitions table is the one list of who moves orders', () => {
  it('the roles of transitionWorkOrder are derived from the table', () => {
    const fromTable = new Set([Role.ADMIN, Role.SERVICE_MANAGER, ...TRANSITIONS.flatMap((t) => t.roles)]);
    expect(new Set(MOVER_ROLES)).toEqual(fromTable);
    expect(MOVER_ROLES).not.toContain(Role.CASHIER);
  });

  it('a role in no rule is refused by the operation itself', async () => {
    const wo = await createWorkOrder(app);
    const res = await app.gql(`mutation($id: ID!) { transitionWorkOrder(input: { id: $id, to: AWAITING_APPROVAL }) { workOrder { id } } }`, { id: wo.id }, { token: await app.login('cashier') });
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('R-QC-2 with R-WO-3: a failed check sends the car back into its bay only if the bay is free (Platform §8)', () => {
  it('refuses the rework move with BAY_OCCUPIED while another car is in progress in that bay, and writes nothing', async () => {
    const checked = await workOrderIn(app, 'QUALITY_CHECK', 2);
    const other = await workOrderIn(app, 'IN_PROGRESS', 2); // the bay was free while the first car was in QC
    expect(other.status).toBe('IN_PROGRESS');
    const before = await versionOf(app, checked.id);
    const res = await move(app, 'qc', checked.id, 'IN_PROGRESS', { reason: '刹车异响未排除' });
    expect(res.userErrors.map((e: { code: string }) => e.code)).toEqual(['BAY_OCCUPIED']);
    expect(await versionOf(app, checked.id)).toBe(before);

    // Once the bay is free, the rework goes back in.
    await move(app, 'tech1', other.id, 'QUALITY_CHECK');
    const rework = await move(app, 'qc', checked.id, 'IN_PROGRESS', { reason: '刹车异响未排除' });
    expect(rework.workOrder.status).toBe('IN_PROGRESS');
  });
});
