import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approveOneLineEstimate, assign, createWorkOrder, move, Q, recordDelivery, recordWalkAround, settle, signQualityCheck } from './helpers/flows.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app?.stop());

describe('the core flow through the GraphQL API (R-WO-1, R-WO-2)', () => {
  it('takes a work order from reception to delivery, one event per change, versions counting up', async () => {
    const wo = await createWorkOrder(app, {
      jobs: [
        { title: '更换氧传感器', skill: 'ENGINE', standardHours: 1.5 },
        { title: '常规保养', skill: 'MAINTENANCE', standardHours: 1.0 },
      ],
    });
    expect(wo.status).toBe('DRAFT');
    expect(wo.version).toBe(1);
    expect(wo.number).toMatch(/^WO\d{8}-\d{4}$/);
    expect(wo.trackingUrl).toMatch(/^http:\/\/workbay\.test\/t\/[A-Za-z0-9_-]{43}$/);

    const steps: [string, string, Record<string, unknown>?][] = [
      ['WALK_AROUND', ''],
      ['advisor', 'AWAITING_APPROVAL'],
      ['APPROVE', ''], // R-EST-4: the customer's approval queues the order
      ['ASSIGN', ''],
      ['tech1', 'IN_PROGRESS'],
      ['parts', 'ON_HOLD', { holdReason: 'WAITING_PARTS', reason: '氧传感器缺货' }],
      ['foreman', 'IN_PROGRESS'],
      ['tech1', 'QUALITY_CHECK'],
      ['qc', 'IN_PROGRESS', { reason: '怠速仍抖动' }],
      ['tech1', 'QUALITY_CHECK'],
      ['SIGN', 'SELF'], // R-QC-1: the three levels, then the car may leave quality check
      ['SIGN', 'MUTUAL'],
      ['SIGN', 'FINAL'],
      ['qc', 'WASHING'],
      ['foreman', 'READY'],
      ['SETTLE', ''], // R-DEL-3: the cashier settles (its own aggregate: the order's version stays)
      ['DELIVERY_RECORD', ''], // R-DEL-1/2/4
      ['advisor', 'DELIVERED'],
    ];
    let version = 1;
    for (const [actor, to, extra] of steps) {
      const res =
        actor === 'ASSIGN'
          ? await assign(app, wo.id, ['tech1'], 0)
          : actor === 'WALK_AROUND'
            ? await recordWalkAround(app, wo.id, { expectedVersion: version })
            : actor === 'APPROVE'
              ? await approveOneLineEstimate(app, wo.id)
              : actor === 'SIGN'
                ? await signQualityCheck(app, wo.id, to)
                : actor === 'SETTLE'
                  ? await settle(app, wo.id)
                  : actor === 'DELIVERY_RECORD'
                    ? await recordDelivery(app, wo.id, { expectedVersion: version })
                    : await move(app, actor, wo.id, to, { expectedVersion: version, ...extra });
      expect(res.userErrors, `${actor} → ${to}`).toEqual([]);
      expect(res.workOrder.version).toBe(actor === 'SETTLE' ? version : ++version);
      if (to === 'ON_HOLD') expect(res.workOrder.holdReason).toBe('WAITING_PARTS');
      if (to === 'IN_PROGRESS') expect(res.workOrder.holdReason).toBeNull();
    }

    const { data } = await app.gql(Q.workOrder, { id: wo.id }, { token: await app.login('manager') });
    const order = data.workOrder;
    expect(order.status).toBe('DELIVERED');
    expect(order.reworkCount).toBe(1);
    expect(order.startedAt).not.toBeNull();
    expect(order.events).toHaveLength(steps.length); // CREATED, and one per step but the settlement's
    expect(order.events[0]).toMatchObject({ kind: 'CREATED', from: null, to: 'DRAFT', version: 1, actor: { name: 'advisor-姓名' } });
    expect(order.events[1]).toMatchObject({ kind: 'WALK_AROUND_RECORDED', from: null, to: 'DRAFT', version: 2, actor: { name: 'advisor-姓名' } });
    expect(order.events[6]).toMatchObject({ kind: 'TRANSITIONED', from: 'IN_PROGRESS', to: 'ON_HOLD', holdReason: 'WAITING_PARTS', reason: '氧传感器缺货', actor: { name: 'parts-姓名' } });
    expect(order.events[4]).toMatchObject({ kind: 'ASSIGNED', from: null, to: 'QUEUED', actor: { name: 'foreman-姓名' } });
    expect(order.events[9]).toMatchObject({ from: 'QUALITY_CHECK', to: 'IN_PROGRESS', reason: '怠速仍抖动' });
    // Cursors are distinct and times never go backwards.
    expect(new Set(order.events.map((e: { cursor: string }) => e.cursor)).size).toBe(order.events.length);
    const times = order.events.map((e: { at: string }) => Date.parse(e.at));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
  });

  it('lists work orders as a connection with filters and pagination, and resolves them as nodes', async () => {
    const a = await createWorkOrder(app);
    const b = await createWorkOrder(app);
    await recordWalkAround(app, b.id);
    await move(app, 'advisor', b.id, 'AWAITING_APPROVAL');
    const token = await app.login('foreman');
    const query = `query($first: Int, $after: String, $filter: WorkOrderFilter) { workOrders(first: $first, after: $after, filter: $filter) {
      totalCount edges { cursor node { id number status vehicle { vin plate } } } pageInfo { hasNextPage endCursor } } }`;

    const drafts = await app.gql(query, { first: 100, filter: { status: ['DRAFT'] } }, { token });
    const draftIds = drafts.data.workOrders.edges.map((e: { node: { id: string } }) => e.node.id);
    expect(draftIds).toContain(a.id);
    expect(draftIds).not.toContain(b.id);

    const all = await app.gql(query, { first: 100 }, { token });
    const total = all.data.workOrders.totalCount;
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: any = await app.gql(query, { first: 2, after }, { token });
      seen.push(...page.data.workOrders.edges.map((e: { node: { id: string } }) => e.node.id));
      after = page.data.workOrders.pageInfo.hasNextPage ? page.data.workOrders.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    expect(seen[0]).toBe(all.data.workOrders.edges[0].node.id); // newest first

    const byPlate = await app.gql(query, { first: 10, filter: { search: all.data.workOrders.edges[0].node.vehicle.plate } }, { token });
    expect(byPlate.data.workOrders.totalCount).toBe(1);

    const node = await app.gql(`query($id: ID!) { node(id: $id) { id ... on WorkOrder { number status } } }`, { id: a.id }, { token });
    expect(node.data.node).toEqual({ id: a.id, number: a.number, status: 'DRAFT' });
  });

  it('numbers work orders per store and day without gaps, even when created concurrently', async () => {
    const orders = await Promise.all(Array.from({ length: 6 }, () => createWorkOrder(app)));
    const numbers = orders.map((o) => o.number);
    expect(new Set(numbers).size).toBe(6);
    const seqs = numbers.map((n) => Number(n.split('-')[1])).sort((x, y) => x - y);
    expect(seqs.at(-1)! - seqs[0]).toBe(5);
  });
});
