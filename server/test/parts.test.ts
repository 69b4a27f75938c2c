import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbId, toGlobalId } from '../src/graphql/global-id.js';
import { ManualClock } from '../src/shared/clock.js';
import { A } from './helpers/appointments.js';
import { approveOneLineEstimate, assign, createCustomerAndVehicle, move, recordWalkAround, workOrderIn } from './helpers/flows.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

const clock = new ManualClock(new Date());
let app: TestApp;
beforeAll(async () => {
  // No worker: its background statements (durable consumers) would be counted with the ones under test.
  app = await startTestApp({ clock, config: { worker: false } });
});
afterAll(() => app?.stop());

const sql = async <T = Record<string, unknown>>(query: string, params: unknown[] = []): Promise<T[]> => app.orm.em.fork().getConnection().execute(query, params);

const P = {
  create: `mutation($input: CreatePartInput!) { createPart(input: $input) { part { id partNumber name source unitPriceFen fitsModels stock { onHand reserved available reorderPoint reorderQuantity } } userErrors { code field message } } }`,
  receive: `mutation($input: ReceiveStockInput!) { receiveStock(input: $input) { part { id stock { onHand reserved available } } purchaseRequest { id status version receivedQuantity } userErrors { code field message } } }`,
  adjust: `mutation($input: AdjustStockInput!) { adjustStock(input: $input) { part { id stock { onHand reserved available } } userErrors { code field message } } }`,
  parts: `query($first: Int, $after: String, $filter: PartFilter) { parts(first: $first, after: $after, filter: $filter) { totalCount edges { cursor node { id partNumber fitsModels stock { onHand available } } } pageInfo { hasNextPage endCursor } } }`,
  requests: `query($filter: PurchaseRequestFilter) { purchaseRequests(first: 20, filter: $filter) { totalCount edges { node { id status version quantity receivedQuantity origin reason part { id partNumber } appointment { id } vehicle { id } followUpTask { id kind status dueAt } createdAt } } } }`,
  transition: `mutation($input: TransitionPurchaseRequestInput!) { transitionPurchaseRequest(input: $input) { purchaseRequest { id status version } userErrors { code field message } } }`,
  issue: `mutation($input: IssuePartsInput!) { issueParts(input: $input) { issues { id quantity fitOverrideReason part { partNumber } job { id } issuedAt issuedBy { id } } userErrors { code field message } } }`,
  returnParts: `mutation($input: ReturnPartsInput!) { returnParts(input: $input) { part { id stock { onHand available } } userErrors { code field message } } }`,
  movements: `query($id: ID!) { node(id: $id) { ... on Part { movements(first: 20) { totalCount edges { node { kind quantity onHandDelta reservedDelta onHandAfter reservedAfter reason actorKind actor { id } } } } } } }`,
};

let serial = 0;
const partNumber = () => `T${Date.now().toString(36).toUpperCase()}${++serial}`;

async function createPart(input: Record<string, unknown> = {}, as = 'parts') {
  const res = await app.gql(P.create, { input: { partNumber: partNumber(), name: '前刹车片', source: 'OEM', unitPriceFen: 42000, fitsModels: ['朗逸 Lavida 1.5L'], ...input } }, { token: await app.login(as) });
  if (!res.data?.createPart?.part) throw new Error(JSON.stringify(res));
  return res.data.createPart.part as { id: string; partNumber: string; stock: { onHand: number } };
}

async function receive(partId: string, quantity: number, extra: Record<string, unknown> = {}) {
  const res = await app.gql(P.receive, { input: { partId, quantity, ...extra } }, { token: await app.login('parts') });
  return res.data?.receiveStock ?? res;
}

async function stockRow(partId: string) {
  const [row] = await sql<{ on_hand: number; reserved: number }>('select on_hand, reserved from part_stock where part_id = ?', [dbId(partId, 'Part')]);
  return row;
}

/** The ledger adds up: the sum of every movement's deltas is the stock row. */
async function ledger(partId: string) {
  const [row] = await sql<{ on_hand: number; reserved: number; n: number }>(
    'select coalesce(sum(on_hand_delta), 0)::int as on_hand, coalesce(sum(reserved_delta), 0)::int as reserved, count(*)::int as n from stock_movement where part_id = ?',
    [dbId(partId, 'Part')],
  );
  return row;
}

/** An order IN_PROGRESS in bay 0 (the fixture has three bays, one car in progress each): earlier ones are put on hold first. */
let inBay: string | null = null;
async function orderInProgress() {
  if (inBay) {
    const held = await move(app, 'foreman', inBay, 'ON_HOLD', { holdReason: 'OTHER', reason: '让出工位' });
    if (!held.workOrder) throw new Error(JSON.stringify(held));
  }
  const wo = await workOrderIn(app, 'IN_PROGRESS', 0);
  inBay = wo.id;
  return wo;
}

async function jobOf(workOrderId: string): Promise<string> {
  const res = await app.gql(`query($id: ID!) { workOrder(id: $id) { jobs { id } } }`, { id: workOrderId }, { token: await app.login('manager') });
  return res.data.workOrder.jobs[0].id;
}

describe('parts catalog and stock (R-WO-5)', () => {
  it('the parts clerk adds a part; the number is unique per store; other roles may not', async () => {
    const number = partNumber();
    const res = await app.gql(P.create, { input: { partNumber: ` ${number.toLowerCase()} `, name: '正时链条张紧器', source: 'OEM', unitPriceFen: 68000, fitsModels: ['迈腾 Magotan 330TSI', '速腾 Sagitar 300TSI'], reorderPoint: 2, reorderQuantity: 4 } }, { token: await app.login('parts') });
    expect(res.data.createPart.userErrors).toEqual([]);
    expect(res.data.createPart.part).toMatchObject({ partNumber: number, source: 'OEM', unitPriceFen: 68000, fitsModels: ['迈腾 Magotan 330TSI', '速腾 Sagitar 300TSI'], stock: { onHand: 0, reserved: 0, available: 0, reorderPoint: 2, reorderQuantity: 4 } });
    const again = await app.gql(P.create, { input: { partNumber: number, name: '重复', source: 'AFTERMARKET', unitPriceFen: 1 } }, { token: await app.login('manager') });
    expect(again.data.createPart.userErrors).toEqual([expect.objectContaining({ code: 'PART_NUMBER_TAKEN', field: ['input', 'partNumber'] })]);
    const advisor = await app.gql(P.create, { input: { partNumber: partNumber(), name: 'x', source: 'OEM', unitPriceFen: 1 } }, { token: await app.login('advisor') });
    expect(advisor.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const bad = await app.gql(P.create, { input: { partNumber: '', name: 'x', source: 'OEM', unitPriceFen: -1 } }, { token: await app.login('parts') });
    expect(bad.data.createPart.userErrors.map((e: { code: string }) => e.code).sort()).toEqual(['OUT_OF_RANGE', 'REQUIRED']);
  });

  it('R-WO-5: every movement is a row with its actor; stock is only changed by movements and the ledger adds up', async () => {
    const part = await createPart();
    expect((await receive(part.id, 10, { note: '到货 10 件' })).part.stock).toEqual({ onHand: 10, reserved: 0, available: 10 });
    const adjusted = await app.gql(P.adjust, { input: { partId: part.id, delta: -3, reason: '盘点差异' } }, { token: await app.login('parts') });
    expect(adjusted.data.adjustStock.part.stock).toEqual({ onHand: 7, reserved: 0, available: 7 });
    const tooMuch = await app.gql(P.adjust, { input: { partId: part.id, delta: -8, reason: '盘点' } }, { token: await app.login('parts') });
    expect(tooMuch.data.adjustStock.userErrors[0].code).toBe('STOCK_BELOW_RESERVED');
    const moves = await app.gql(P.movements, { id: part.id }, { token: await app.login('parts') });
    expect(moves.errors).toBeUndefined();
    expect(moves.data.node.movements.edges.map((e: { node: unknown }) => e.node)).toEqual([
      { kind: 'RECEIVE', quantity: 10, onHandDelta: 10, reservedDelta: 0, onHandAfter: 10, reservedAfter: 0, reason: '到货 10 件', actorKind: 'staff', actor: { id: toGlobalId('Staff', app.staffIds.parts) } },
      { kind: 'ADJUST', quantity: 3, onHandDelta: -3, reservedDelta: 0, onHandAfter: 7, reservedAfter: 0, reason: '盘点差异', actorKind: 'staff', actor: { id: toGlobalId('Staff', app.staffIds.parts) } },
    ]);
    expect(await ledger(part.id)).toMatchObject({ on_hand: 7, reserved: 0, n: 2 });
    // The database itself refuses edits of the ledger and negative stock.
    await expect(sql('update stock_movement set quantity = 1 where part_id = ?', [dbId(part.id, 'Part')])).rejects.toThrow();
    await expect(sql('update part_stock set on_hand = -1 where part_id = ?', [dbId(part.id, 'Part')])).rejects.toThrow();
  });

  it('the parts page filters by search and by the vehicle’s model (universal parts included) with a constant number of SQL statements', async () => {
    const tag = partNumber();
    const { vehicleId } = await createCustomerAndVehicle(app, { model: '迈腾 Magotan 330TSI' });
    await createPart({ partNumber: `${tag}A`, name: '张紧器', fitsModels: ['迈腾 Magotan 330TSI'] });
    await createPart({ partNumber: `${tag}B`, name: '张紧器', fitsModels: ['朗逸 Lavida 1.5L'] });
    await createPart({ partNumber: `${tag}C`, name: '玻璃水', fitsModels: [] });
    const token = await app.login('advisor');
    const fit = await app.gql(P.parts, { first: 10, filter: { search: tag, fitsVehicleId: vehicleId } }, { token });
    expect(fit.data.parts.edges.map((e: { node: { partNumber: string } }) => e.node.partNumber)).toEqual([`${tag}A`, `${tag}C`]);
    const byName = await app.gql(P.parts, { first: 10, filter: { search: '张紧器', fitsVehicleId: vehicleId } }, { token });
    expect(byName.data.parts.edges.map((e: { node: { partNumber: string } }) => e.node.partNumber)).toContain(`${tag}A`);
    const first = await app.gql(P.parts, { first: 2, filter: { search: tag } }, { token });
    expect(first.data.parts).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: true } });
    const next = await app.gql(P.parts, { first: 2, after: first.data.parts.pageInfo.endCursor, filter: { search: tag } }, { token });
    expect(next.data.parts).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: false } });
    expect(next.data.parts.edges.map((e: { node: { partNumber: string } }) => e.node.partNumber)).toEqual([`${tag}C`]);

    const statements = async (n: number) => {
      app.sql.reset();
      const res = await app.gql(P.parts, { first: n }, { token });
      expect(res.data.parts.edges.length).toBe(n);
      return app.sql.statements.length;
    };
    for (let i = 0; i < 6; i++) await createPart();
    expect(await statements(8)).toBe(await statements(1));
  });
});

describe('R-WO-5: issuing parts to a job of an order in progress', () => {
  it('20 concurrent issues of the last units: exactly the available number succeed, the rest are refused with INSUFFICIENT_STOCK, stock stays consistent', async () => {
    const part = await createPart({ fitsModels: [] });
    await receive(part.id, 5);
    const wo = await orderInProgress();
    const jobId = await jobOf(wo.id);
    const token = await app.login('tech1');
    const results = await Promise.all(Array.from({ length: 20 }, () => app.gql(P.issue, { input: { workOrderId: wo.id, jobId, lines: [{ partId: part.id, quantity: 1 }] } }, { token })));
    const ok = results.filter((r) => r.data?.issueParts?.issues.length === 1);
    const refused = results.filter((r) => r.data?.issueParts?.userErrors[0]?.code === 'INSUFFICIENT_STOCK');
    expect(ok.length).toBe(5);
    expect(refused.length).toBe(15);
    expect(await stockRow(part.id)).toEqual({ on_hand: 0, reserved: 0 });
    expect(await ledger(part.id)).toMatchObject({ on_hand: 0, reserved: 0, n: 6 });
    const [issued] = await sql<{ n: number }>('select coalesce(sum(quantity), 0)::int as n from part_issue where part_id = ?', [dbId(part.id, 'Part')]);
    expect(issued.n).toBe(5);
  });

  it('R-WO-5: the part must fit the vehicle’s model; the foreman may override with a reason (recorded); part numbers are recorded per job', async () => {
    const part = await createPart({ fitsModels: ['迈腾 Magotan 330TSI'] });
    await receive(part.id, 3);
    const wo = await orderInProgress();
    const jobId = await jobOf(wo.id);
    const input = { workOrderId: wo.id, jobId, lines: [{ partId: part.id, quantity: 1 }] };
    const refused = await app.gql(P.issue, { input }, { token: await app.login('tech1') });
    expect(refused.data.issueParts).toMatchObject({ issues: [], userErrors: [{ code: 'PART_DOES_NOT_FIT', field: ['input', 'lines', '0', 'partId'] }] });
    expect(refused.data.issueParts.userErrors[0].message).toContain('朗逸 Lavida 1.5L');
    const techOverride = await app.gql(P.issue, { input: { ...input, fitOverrideReason: '同款' } }, { token: await app.login('tech1') });
    expect(techOverride.data.issueParts.userErrors[0].code).toBe('FIT_OVERRIDE_NOT_PERMITTED');
    const foreman = await app.gql(P.issue, { input: { ...input, fitOverrideReason: '与原车件号互换，经技术经理确认' } }, { token: await app.login('foreman') });
    expect(foreman.data.issueParts.userErrors).toEqual([]);
    expect(foreman.data.issueParts.issues[0]).toMatchObject({ quantity: 1, fitOverrideReason: '与原车件号互换，经技术经理确认', part: { partNumber: part.partNumber }, job: { id: jobId }, issuedBy: { id: toGlobalId('Staff', app.staffIds.foreman) } });
    const job = await app.gql(`query($id: ID!) { node(id: $id) { ... on Job { parts { id quantity part { partNumber } } } } }`, { id: jobId }, { token: await app.login('foreman') });
    expect(job.data.node.parts).toEqual([{ id: foreman.data.issueParts.issues[0].id, quantity: 1, part: { partNumber: part.partNumber } }]);
    expect(await stockRow(part.id)).toEqual({ on_hand: 2, reserved: 0 });
  });

  it('R-WO-5: only orders in progress; a technician only on orders assigned to them; nothing written when refused', async () => {
    const part = await createPart({ fitsModels: [] });
    await receive(part.id, 3);
    const queued = await workOrderIn(app, 'QUEUED');
    const q = await app.gql(P.issue, { input: { workOrderId: queued.id, jobId: await jobOf(queued.id), lines: [{ partId: part.id, quantity: 1 }] } }, { token: await app.login('parts') });
    expect(q.data.issueParts.userErrors[0]).toMatchObject({ code: 'ORDER_NOT_IN_PROGRESS' });
    const wo = await orderInProgress();
    const jobId = await jobOf(wo.id);
    const other = await app.gql(P.issue, { input: { workOrderId: wo.id, jobId, lines: [{ partId: part.id, quantity: 1 }] } }, { token: await app.login('tech2') });
    expect(other.data.issueParts.userErrors[0].code).toBe('NOT_ASSIGNED_TO_ORDER');
    const cashier = await app.gql(P.issue, { input: { workOrderId: wo.id, jobId, lines: [{ partId: part.id, quantity: 1 }] } }, { token: await app.login('cashier') });
    expect(cashier.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const twoLines = await app.gql(P.issue, { input: { workOrderId: wo.id, jobId, lines: [{ partId: part.id, quantity: 2 }, { partId: (await createPart({ fitsModels: [] })).id, quantity: 1 }] } }, { token: await app.login('tech1') });
    expect(twoLines.data.issueParts.userErrors[0]).toMatchObject({ code: 'INSUFFICIENT_STOCK', field: ['input', 'lines', '1', 'quantity'] });
    expect(await stockRow(part.id)).toEqual({ on_hand: 3, reserved: 0 });
  });

  it('R-WO-5: returnParts puts stock back with the reason, at most what was issued', async () => {
    const part = await createPart({ fitsModels: [] });
    await receive(part.id, 2);
    const wo = await orderInProgress();
    const issued = await app.gql(P.issue, { input: { workOrderId: wo.id, jobId: await jobOf(wo.id), lines: [{ partId: part.id, quantity: 2 }] } }, { token: await app.login('tech1') });
    const issueId = issued.data.issueParts.issues[0].id;
    const token = await app.login('parts');
    const tooMany = await app.gql(P.returnParts, { input: { partIssueId: issueId, quantity: 3, reason: '退库' } }, { token });
    expect(tooMany.data.returnParts.userErrors[0]).toMatchObject({ code: 'RETURN_EXCEEDS_ISSUED', field: ['input', 'quantity'] });
    const back = await app.gql(P.returnParts, { input: { partIssueId: issueId, quantity: 1, reason: '型号不符，退库' } }, { token });
    expect(back.data.returnParts).toMatchObject({ part: { stock: { onHand: 1, available: 1 } }, userErrors: [] });
    const noReason = await app.gql(P.returnParts, { input: { partIssueId: issueId, quantity: 1, reason: ' ' } }, { token });
    expect(noReason.data.returnParts.userErrors[0].code).toBe('REQUIRED');
    expect(await ledger(part.id)).toMatchObject({ on_hand: 1, reserved: 0, n: 3 });
  });
});

describe('purchase requests', () => {
  it('stock at or below the reorder point raises a purchase request by itself, once while it is open', async () => {
    const part = await createPart({ fitsModels: [], reorderPoint: 2, reorderQuantity: 6 });
    const reqs = async () => {
      const res = await app.gql(P.requests, { filter: { partId: part.id } }, { token: await app.login('parts') });
      expect(res.errors).toBeUndefined();
      return res.data.purchaseRequests;
    };
    // A new part with nothing in stock is at its reorder point.
    expect((await reqs()).edges.map((e: { node: unknown }) => e.node)).toEqual([expect.objectContaining({ status: 'OPEN', quantity: 6, origin: 'REORDER_POINT', reason: '可用库存 0 件，已到补货点 2' })]);
    const first = (await reqs()).edges[0].node;
    const received = await receive(part.id, 6, { purchaseRequestId: first.id });
    expect(received.purchaseRequest).toMatchObject({ status: 'RECEIVED', receivedQuantity: 6 });
    const wo = await orderInProgress();
    const jobId = await jobOf(wo.id);
    const issue = async (quantity: number) => app.gql(P.issue, { input: { workOrderId: wo.id, jobId, lines: [{ partId: part.id, quantity }] } }, { token: await app.login('tech1') });
    await issue(3); // 3 left: above the point
    expect((await reqs()).totalCount).toBe(1);
    await issue(1); // 2 left: at the point
    await issue(1); // 1 left: still open, not again
    const open = (await reqs()).edges.map((e: { node: { status: string; origin: string } }) => e.node).filter((n: { status: string }) => n.status === 'OPEN');
    expect(open).toEqual([expect.objectContaining({ origin: 'REORDER_POINT', quantity: 6 })]);
  });

  it('OPEN → ORDERED → RECEIVED (only by receiving) or CANCELLED with a reason, with expectedVersion', async () => {
    const part = await createPart({ fitsModels: [], reorderPoint: 0, reorderQuantity: 3 });
    const token = await app.login('parts');
    const pr = (await app.gql(P.requests, { filter: { partId: part.id, status: ['OPEN'] } }, { token })).data.purchaseRequests.edges[0].node;
    const stale = await app.gql(P.transition, { input: { id: pr.id, to: 'ORDERED', expectedVersion: 7 } }, { token });
    expect(stale.data.transitionPurchaseRequest.userErrors[0].code).toBe('STALE_VERSION');
    const ordered = await app.gql(P.transition, { input: { id: pr.id, to: 'ORDERED', expectedVersion: 1 } }, { token });
    expect(ordered.data.transitionPurchaseRequest.purchaseRequest).toMatchObject({ status: 'ORDERED', version: 2 });
    const byHand = await app.gql(P.transition, { input: { id: pr.id, to: 'RECEIVED', expectedVersion: 2 } }, { token });
    expect(byHand.data.transitionPurchaseRequest.userErrors[0].code).toBe('RECEIVE_THROUGH_STOCK');
    const back = await app.gql(P.transition, { input: { id: pr.id, to: 'OPEN' } }, { token });
    expect(back.data.transitionPurchaseRequest.userErrors[0].code).toBe('ILLEGAL_PURCHASE_REQUEST_TRANSITION');
    const noReason = await app.gql(P.transition, { input: { id: pr.id, to: 'CANCELLED' } }, { token });
    expect(noReason.data.transitionPurchaseRequest.userErrors[0].code).toBe('REASON_REQUIRED');
    const partial = await receive(part.id, 1, { purchaseRequestId: pr.id });
    expect(partial.purchaseRequest).toMatchObject({ status: 'ORDERED', receivedQuantity: 1 });
    const rest = await receive(part.id, 2, { purchaseRequestId: pr.id });
    expect(rest.purchaseRequest).toMatchObject({ status: 'RECEIVED', receivedQuantity: 3 });
    const closed = await receive(part.id, 1, { purchaseRequestId: pr.id });
    expect(closed.userErrors[0].code).toBe('PURCHASE_REQUEST_CLOSED');
    expect(await stockRow(part.id)).toEqual({ on_hand: 3, reserved: 0 });
    const advisor = await app.gql(P.transition, { input: { id: pr.id, to: 'CANCELLED', reason: 'x' } }, { token: await app.login('advisor') });
    expect(advisor.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

/** Tomorrow at hh:mm in the store's zone (+08:00), from the test clock: inside the booking window, not the same day. */
function tomorrowAt(hhmm: string): string {
  const day = new Date(clock.now().getTime() + 8 * 3600_000 + 86_400_000).toISOString().slice(0, 10);
  return new Date(`${day}T${hhmm}:00+08:00`).toISOString();
}

const BOOK = `mutation($input: BookAppointmentInput!) { bookAppointment(input: $input) {
  appointment { id status version parts { partNumber quantity reserved } }
  alternatives { start end }
  purchaseRequest { id status quantity origin reason part { partNumber } followUpTask { id } }
  purchaseRequests { id }
  followUpTask { id kind status dueAt customer { id } vehicle { id } assignee { id } }
  userErrors { code field message } } }`;

async function bookWith(parts: { partNumber: string; quantity: number }[], slot: string) {
  const { customerId, vehicleId } = await createCustomerAndVehicle(app);
  const input = { customerId, vehicleId, slotStart: slot, channel: 'APP', initiator: 'CUSTOMER', purpose: 'MAINTENANCE', customerWords: '保养，顺便换刹车片', jobs: [{ title: '保养并更换前刹车片', skill: 'MAINTENANCE', standardHours: 1 }], parts };
  const res = await app.gql(BOOK, { input }, { token: await app.login('advisor') });
  if (!res.data) throw new Error(JSON.stringify(res));
  return { ...res.data.bookAppointment, customerId, vehicleId };
}

describe('R-APT-4/5: booking with parts', () => {
  it('R-APT-5: available parts are reserved with the booking; cancelling releases them', async () => {
    const part = await createPart();
    await receive(part.id, 3);
    const res = await bookWith([{ partNumber: part.partNumber.toLowerCase(), quantity: 2 }], tomorrowAt('09:00'));
    expect(res.userErrors).toEqual([]);
    expect(res.appointment.parts).toEqual([{ partNumber: part.partNumber, quantity: 2, reserved: 2 }]);
    expect(res.purchaseRequest).toBeNull();
    expect(res.followUpTask).toBeNull();
    expect(await stockRow(part.id)).toEqual({ on_hand: 3, reserved: 2 });
    const cancel = await app.gql(A.transition, { input: { id: res.appointment.id, to: 'CANCELLED', reason: '客户改期', expectedVersion: 1 } }, { token: await app.login('advisor') });
    expect(cancel.data.transitionAppointment.userErrors).toEqual([]);
    expect(await stockRow(part.id)).toEqual({ on_hand: 3, reserved: 0 });
    const after = await app.gql(`query($id: ID!) { appointment(id: $id) { parts { partNumber quantity reserved } } }`, { id: res.appointment.id }, { token: await app.login('advisor') });
    expect(after.data.appointment.parts).toEqual([{ partNumber: part.partNumber, quantity: 2, reserved: 0 }]);
    expect((await ledger(part.id)).n).toBe(3); // RECEIVE, RESERVE, RELEASE
  });

  it('R-APT-5: a shortage refuses the booking with PARTS_SHORTAGE and the reason, raises a purchase request and a task to call the customer; receiving the parts closes the request and makes the task due', async () => {
    const part = await createPart({ name: '前刹车片' });
    await receive(part.id, 1);
    const before = await sql<{ n: number }>('select count(*)::int as n from appointment');
    const res = await bookWith([{ partNumber: part.partNumber, quantity: 3 }], tomorrowAt('10:00'));
    expect(res.appointment).toBeNull();
    expect(res.userErrors).toEqual([expect.objectContaining({ code: 'PARTS_SHORTAGE', field: ['input', 'parts', '0', 'quantity'] })]);
    expect(res.userErrors[0].message).toContain(part.partNumber);
    expect(res.userErrors[0].message).toContain('缺 2 件');
    expect(await sql<{ n: number }>('select count(*)::int as n from appointment')).toEqual(before);
    expect(await stockRow(part.id)).toEqual({ on_hand: 1, reserved: 0 });
    expect(res.purchaseRequest).toMatchObject({ status: 'OPEN', quantity: 2, origin: 'BOOKING_SHORTAGE', part: { partNumber: part.partNumber }, followUpTask: { id: res.followUpTask.id } });
    expect(res.purchaseRequests).toHaveLength(1);
    expect(res.followUpTask).toMatchObject({ kind: 'CALL_WHEN_PARTS_ARRIVE', status: 'WAITING', customer: { id: res.customerId }, vehicle: { id: res.vehicleId }, assignee: { id: toGlobalId('Staff', app.staffIds.advisor) } });

    clock.set(new Date(clock.now().getTime() + 60_000));
    const received = await receive(part.id, 2, { purchaseRequestId: res.purchaseRequest.id });
    expect(received.purchaseRequest).toMatchObject({ status: 'RECEIVED' });
    const tasks = await app.gql(A.myTasks, {}, { token: await app.login('advisor') });
    const task = tasks.data.myTasks.edges.map((e: { node: { id: string } }) => e.node).find((t: { id: string }) => t.id === res.followUpTask.id);
    expect(task).toMatchObject({ kind: 'CALL_WHEN_PARTS_ARRIVE', status: 'OPEN', dueAt: clock.now().toISOString() });
  });

  it('R-APT-5: a part not in the catalog or not fitting refuses the booking without writing anything', async () => {
    const part = await createPart({ fitsModels: ['迈腾 Magotan 330TSI'] });
    await receive(part.id, 5);
    const before = await sql<{ pr: number; t: number }>('select (select count(*) from purchase_request)::int as pr, (select count(*) from advisor_task)::int as t');
    const unknown = await bookWith([{ partNumber: 'NOPE-1', quantity: 1 }], tomorrowAt('11:00'));
    expect(unknown.userErrors[0]).toMatchObject({ code: 'PART_NOT_IN_CATALOG', field: ['input', 'parts', '0', 'partNumber'] });
    const notFitting = await bookWith([{ partNumber: part.partNumber, quantity: 1 }], tomorrowAt('11:00'));
    expect(notFitting.userErrors[0].code).toBe('PART_DOES_NOT_FIT');
    expect(notFitting.followUpTask).toBeNull();
    expect(await sql('select (select count(*) from purchase_request)::int as pr, (select count(*) from advisor_task)::int as t')).toEqual(before);
  });

  it('R-APT-5: a page of appointments reads what they hold with a constant number of SQL statements', async () => {
    const part = await createPart();
    await receive(part.id, 10);
    for (const hh of ['09:00', '10:00', '11:00']) {
      const inTwoDays = new Date(new Date(tomorrowAt(hh)).getTime() + 86_400_000).toISOString();
      const booked = await bookWith([{ partNumber: part.partNumber, quantity: 1 }], inTwoDays);
      expect(booked.userErrors, JSON.stringify(booked.alternatives)).toEqual([]);
    }
    const token = await app.login('advisor');
    const statements = async (n: number) => {
      app.sql.reset();
      const res = await app.gql(`query($first: Int) { appointments(first: $first) { edges { node { id parts { partNumber reserved } } } } }`, { first: n }, { token });
      expect(res.data.appointments.edges.length).toBe(n);
      return app.sql.statements.length;
    };
    expect(await statements(4)).toBe(await statements(1));
  });

  it('R-APT-5: the order’s appointment’s reserved parts are consumed first when issued', async () => {
    const part = await createPart();
    await receive(part.id, 2);
    const res = await bookWith([{ partNumber: part.partNumber, quantity: 2 }], tomorrowAt('14:00'));
    expect(res.userErrors).toEqual([]);
    // The held units are not available to another order…
    const other = await orderInProgress();
    const refused = await app.gql(P.issue, { input: { workOrderId: other.id, jobId: await jobOf(other.id), lines: [{ partId: part.id, quantity: 1 }] } }, { token: await app.login('tech1') });
    expect(refused.data.issueParts.userErrors[0].code).toBe('INSUFFICIENT_STOCK');
    await move(app, 'foreman', other.id, 'ON_HOLD', { holdReason: 'OTHER', reason: '让出工位' });
    inBay = null;
    // …but are to the order opened for the appointment (reception).
    clock.set(new Date(new Date(tomorrowAt('14:00')).getTime() - 60_000));
    const RECEIVE = `mutation($input: ReceiveVehicleInput!) { receiveVehicle(input: $input) { workOrder { id version jobs { id } } userErrors { code field message } } }`;
    const now = clock.now().toISOString();
    const received = await app.gql(RECEIVE, { input: { appointmentId: res.appointment.id, vehicleId: res.vehicleId, arrivedAt: now, greetedAt: now, identityDocument: 'DRIVING_LICENSE', complaint: '换刹车片', mileageIn: 12000 } }, { token: await app.login('advisor') });
    expect(received.data.receiveVehicle.userErrors).toEqual([]);
    const wo = received.data.receiveVehicle.workOrder;
    // Through walk-around, estimate and dispatch to IN_PROGRESS.
    await recordWalkAround(app, wo.id);
    await move(app, 'advisor', wo.id, 'AWAITING_APPROVAL');
    await approveOneLineEstimate(app, wo.id);
    await assign(app, wo.id, ['tech1'], 0);
    const started = await move(app, 'tech1', wo.id, 'IN_PROGRESS');
    expect(started.workOrder?.status ?? started).toBe('IN_PROGRESS');
    const issued = await app.gql(P.issue, { input: { workOrderId: wo.id, jobId: wo.jobs[0].id, lines: [{ partId: part.id, quantity: 2 }] } }, { token: await app.login('tech1') });
    expect(issued.data.issueParts.userErrors).toEqual([]);
    expect(await stockRow(part.id)).toEqual({ on_hand: 0, reserved: 0 });
    const appt = await app.gql(`query($id: ID!) { appointment(id: $id) { parts { quantity reserved } } }`, { id: res.appointment.id }, { token: await app.login('advisor') });
    expect(appt.data.appointment.parts).toEqual([{ quantity: 2, reserved: 0 }]);
    clock.set(new Date());
  });
});
