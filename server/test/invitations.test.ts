import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../src/shared/clock.js';
import { MAINTENANCE_1H } from './helpers/appointments.js';
import { approveOneLineEstimate, assign, createCustomerAndVehicle, createWorkOrder, ESTIMATE_Q, move, passQualityCheck, recordDelivery, recordWalkAround, settle } from './helpers/flows.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

// A Tuesday; the worker is off (the tests read what is computed, nothing runs by itself).
const NOW = new Date('2026-12-01T10:00:00+08:00');
const clock = new ManualClock(NOW);
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ clock, config: { worker: false } });
});
afterAll(() => app?.stop());

const LIST = `query($kinds: [InvitationKind!], $first: Int, $after: String) { invitationCandidates(first: $first, after: $after, kinds: $kinds) {
  totalCount edges { cursor node { id customer { id name } vehicle { id plate } kind dueOn reason suggestedSlots { start end } } } pageInfo { hasNextPage endCursor } } }`;
const UPDATE_VEHICLE = `mutation($input: UpdateVehicleInput!) { updateVehicle(input: $input) { vehicle { id version } userErrors { code field } } }`;
const dayOf = (iso: string) => new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

async function list(kinds: string[] | null = null, as = 'advisor', page: { first?: number; after?: string } = { first: 100 }) {
  const res = await app.gql(LIST, { kinds, ...page }, { token: await app.login(as) });
  if (!res.data) throw new Error(JSON.stringify(res));
  return res.data.invitationCandidates;
}
const of = (conn: { edges: { node: any }[] }, vehicleId: string): any[] => conn.edges.map((e) => e.node).filter((n) => n.vehicle.id === vehicleId);

/** A visit delivered through the API with the next service date set at delivery (R-DEL-4). */
async function deliveredWithNextService(nextServiceDueOn: string) {
  const wo = await createWorkOrder(app, { mileageIn: 30_000, promisedAt: new Date(clock.now().getTime() + 4 * 3_600_000).toISOString() });
  for (const step of [
    () => recordWalkAround(app, wo.id),
    () => move(app, 'advisor', wo.id, 'AWAITING_APPROVAL'),
    () => approveOneLineEstimate(app, wo.id),
    () => assign(app, wo.id, ['tech1'], 0),
    () => move(app, 'tech1', wo.id, 'IN_PROGRESS'),
    () => move(app, 'tech1', wo.id, 'QUALITY_CHECK'),
    () => passQualityCheck(app, wo.id),
    () => move(app, 'qc', wo.id, 'READY'),
    () => settle(app, wo.id),
    () => recordDelivery(app, wo.id, { mileageOut: 30_010, nextServiceDueOn, nextServiceDueKm: 40_000 }),
    () => move(app, 'advisor', wo.id, 'DELIVERED'),
  ]) {
    const res = await step();
    if (!res.workOrder) throw new Error(JSON.stringify(res));
  }
  return wo;
}

describe('store invitations (R-APT-7)', () => {
  it('R-APT-7 maintenance due in the coming week is a candidate with at least three free slots on different days from three days before it; booked, it leaves the list', async () => {
    const wo = await deliveredWithNextService('2026-12-06');
    const [c] = of(await list(), wo.vehicleId);
    expect(c).toMatchObject({ kind: 'MAINTENANCE_DUE', dueOn: '2026-12-06', customer: { id: wo.customerId } });
    expect(c.reason).toContain('2026-12-06');
    expect(c.suggestedSlots.length).toBeGreaterThanOrEqual(3);
    const days = c.suggestedSlots.map((s: { start: string }) => dayOf(s.start));
    expect(new Set(days).size).toBe(days.length);
    expect(days.every((d: string) => d >= '2026-12-03')).toBe(true);
    for (const s of c.suggestedSlots) expect(Date.parse(s.end) - Date.parse(s.start)).toBeGreaterThanOrEqual(3_600_000);

    // Booked for one of the slots offered: no longer to invite.
    const booked = await app.gql(`mutation($input: BookAppointmentInput!) { bookAppointment(input: $input) { appointment { id } userErrors { code } } }`, {
      input: { customerId: wo.customerId, vehicleId: wo.vehicleId, slotStart: c.suggestedSlots[0].start, channel: 'PHONE', initiator: 'STORE', purpose: 'MAINTENANCE', customerWords: '邀约保养', jobs: MAINTENANCE_1H },
    }, { token: await app.login('advisor') });
    expect(booked.data.bookAppointment.userErrors).toEqual([]);
    expect(of(await list(), wo.vehicleId)).toEqual([]);
  });

  it('R-APT-7 a new car sold here nearing its first maintenance is a FIRST_MAINTENANCE candidate; due later than a week, not yet', async () => {
    const soon = await createCustomerAndVehicle(app);
    const later = await createCustomerAndVehicle(app);
    const token = await app.login('advisor');
    for (const [v, purchaseDate] of [[soon, '2026-09-04'], [later, '2026-10-20']] as const) {
      const res = await app.gql(UPDATE_VEHICLE, { input: { id: v.vehicleId, expectedVersion: 1, purchaseDate, soldHere: true } }, { token });
      expect(res.data.updateVehicle.userErrors).toEqual([]);
    }
    const all = await list(['FIRST_MAINTENANCE']);
    expect(of(all, soon.vehicleId)).toEqual([expect.objectContaining({ kind: 'FIRST_MAINTENANCE', dueOn: '2026-12-04' })]);
    expect(of(all, later.vehicleId)).toEqual([]);
    expect(of(await list(['DEFERRED_ITEM']), soon.vehicleId)).toEqual([]);
  });

  it('R-APT-7 deferred work still open a month after the visit is a DEFERRED_ITEM candidate, not while the car is in the workshop', async () => {
    clock.set(new Date('2026-10-28T10:00:00+08:00'));
    let wo;
    try {
      wo = await createWorkOrder(app, { promisedAt: new Date(clock.now().getTime() + 4 * 3_600_000).toISOString() });
      await recordWalkAround(app, wo.id);
      const token = await app.login('advisor');
      const saved = await app.gql(ESTIMATE_Q.save, { input: { workOrderId: wo.id, lines: [
        { kind: 'LABOUR', description: '更换机油机滤', skill: 'MAINTENANCE', standardHours: 1, hourlyRateFen: 30000 },
        { kind: 'LABOUR', description: '更换前刹车片', skill: 'CHASSIS', standardHours: 1, hourlyRateFen: 32000, deferrable: true, risk: '刹车片剩 3 mm' },
      ] } }, { token });
      const e = saved.data.saveEstimate.estimate;
      const sent = await app.gql(ESTIMATE_Q.send, { input: { estimateId: e.id, expectedVersion: e.version } }, { token });
      const approved = await app.gql(ESTIMATE_Q.approve, { input: { estimateId: e.id, expectedVersion: sent.data.sendEstimate.estimate.version, approvedLineIds: [e.lines[0].id], deferredLineIds: [e.lines[1].id], method: 'PHONE', note: '电话确认' } }, { token });
      expect(approved.data.approveEstimate.userErrors).toEqual([]);
    } finally {
      clock.set(NOW);
    }
    // Still in the workshop (QUEUED): not invited.
    expect(of(await list(['DEFERRED_ITEM']), wo.vehicleId)).toEqual([]);
    const cancelled = await move(app, 'advisor', wo.id, 'CANCELLED');
    expect(cancelled.workOrder?.status, JSON.stringify(cancelled)).toBe('CANCELLED');
    const [c] = of(await list(['DEFERRED_ITEM']), wo.vehicleId);
    expect(c).toMatchObject({ kind: 'DEFERRED_ITEM', dueOn: '2026-11-27' });
    expect(c.reason).toContain('更换前刹车片');
    expect(c.suggestedSlots.length).toBeGreaterThanOrEqual(3);
  });

  it('pages through the list with cursors; totalCount counts them all; a technician may not read it', async () => {
    for (const d of ['2026-12-05', '2026-12-07']) await deliveredWithNextService(d);
    const all = await list();
    expect(all.totalCount).toBe(all.edges.length);
    expect(all.totalCount).toBeGreaterThanOrEqual(3);
    const dues = all.edges.map((e: { node: { dueOn: string } }) => e.node.dueOn);
    expect([...dues].sort()).toEqual(dues);
    const first = await list(null, 'cs', { first: 2 });
    expect(first.pageInfo.hasNextPage).toBe(true);
    const rest = await list(null, 'cs', { first: 100, after: first.pageInfo.endCursor });
    expect([...first.edges, ...rest.edges].map((e: { node: { vehicle: { id: string }; kind: string } }) => `${e.node.vehicle.id}:${e.node.kind}`)).toEqual(all.edges.map((e: { node: { vehicle: { id: string }; kind: string } }) => `${e.node.vehicle.id}:${e.node.kind}`));
    // Each candidate is a node: the vehicle and the kind.
    const one = all.edges[0].node;
    const node = await app.gql(`query($id: ID!) { node(id: $id) { ... on InvitationCandidate { id kind dueOn reason vehicle { id } suggestedSlots { start } } } }`, { id: one.id }, { token: await app.login('cs') });
    expect(node.data.node).toMatchObject({ id: one.id, kind: one.kind, dueOn: one.dueOn, reason: one.reason, vehicle: { id: one.vehicle.id } });
    expect(node.data.node.suggestedSlots.length).toBeGreaterThanOrEqual(3);
    expect(new Set(all.edges.map((e: { node: { id: string } }) => e.node.id)).size).toBe(all.edges.length);
    const res = await app.gql(LIST, { first: 5 }, { token: await app.login('tech1') });
    expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
