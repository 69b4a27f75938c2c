import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../src/graphql/global-id.js';
import { Q, workOrderIn } from './helpers/flows.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app?.stop());

describe('R-WO-8: concurrent edits never silently overwrite each other', () => {
  it('of many concurrent moves from the same version exactly one wins; the rest get STALE_VERSION', async () => {
    const wo = await workOrderIn(app, 'QUEUED');
    const tokens = await Promise.all(['advisor', 'foreman', 'manager', 'parts', 'leader'].map((u) => app.login(u)));
    const attempts = Array.from({ length: 12 }, (_, i) =>
      app.gql(Q.transition, { input: { id: wo.id, to: 'ON_HOLD', holdReason: 'OTHER', reason: `第 ${i} 次`, expectedVersion: wo.version } }, { token: tokens[i % tokens.length] }),
    );
    const results = (await Promise.all(attempts)).map((r) => r.data.transitionWorkOrder);
    const winners = results.filter((r) => r.workOrder);
    const losers = results.filter((r) => !r.workOrder);
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(11);
    for (const l of losers) expect(l.userErrors).toEqual([expect.objectContaining({ code: 'STALE_VERSION', field: ['input', 'expectedVersion'] })]);

    const { data } = await app.gql(Q.workOrder, { id: wo.id }, { token: tokens[2] });
    expect(data.workOrder.version).toBe(wo.version + 1);
    expect(data.workOrder.events.filter((e: { to: string }) => e.to === 'ON_HOLD')).toHaveLength(1);
  });

  it('two foremen dispatching from the same version: the second is refused, not silently overwriting', async () => {
    const wo = await workOrderIn(app, 'QUEUED');
    const token = await app.login('foreman');
    const dispatch = (tech: string) =>
      app.gql(Q.assign, { input: { id: wo.id, bayId: toGlobalId('Bay', app.bays[0].id), technicianIds: [toGlobalId('Staff', app.staffIds[tech])], expectedVersion: wo.version } }, { token });
    const [a, b] = (await Promise.all([dispatch('tech1'), dispatch('leader')])).map((r) => r.data.assignWorkOrder);
    expect([a, b].filter((r) => r.workOrder)).toHaveLength(1);
    expect([a, b].find((r) => !r.workOrder)!.userErrors[0].code).toBe('STALE_VERSION');
  });

  it('a stale version is refused even when the move itself would be legal', async () => {
    const wo = await workOrderIn(app, 'AWAITING_APPROVAL');
    const res = await app.gql(Q.transition, { input: { id: wo.id, to: 'QUEUED', expectedVersion: wo.version - 1 } }, { token: await app.login('advisor') });
    expect(res.data.transitionWorkOrder.userErrors[0]).toMatchObject({ code: 'STALE_VERSION' });
    expect(res.data.transitionWorkOrder.userErrors[0].message).toContain(String(wo.version));
  });
});
