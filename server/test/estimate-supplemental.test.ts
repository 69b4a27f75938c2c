import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbId } from '../src/graphql/global-id.js';
import { move, workOrderIn } from './helpers/flows.js';
import { collect, BOARD_EVENTS } from './helpers/subscriptions.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app?.stop());

const ADD = `mutation($input: AddSupplementalWorkInput!) { addSupplementalWork(input: $input) {
  estimate { id status version supplemental reason lines { id kind amountFen } totals { totalFen } }
  workOrder { id status holdReason version jobs { id title status } }
  userErrors { code field message } } }`;
const APPROVE = `mutation($input: ApproveEstimateInput!) { approveEstimate(input: $input) { estimate { status lines { decision } } workOrder { id status jobs { id title status } } userErrors { code field message } } }`;
const BY_LINK = `mutation($input: ApproveEstimateByLinkInput!) { approveEstimateByLink(input: $input) { progress { status pendingEstimate { id } } userErrors { code field message } } }`;
const CARD = `query { board { cards { workOrder { id } flags } } }`;
const token = (u: string) => app.login(u).then((t) => ({ token: t }));
const tokenOf = (trackingUrl: string) => trackingUrl.split('/t/')[1];

const DISCS = { kind: 'PART', partNumber: '5Q0615301F', description: '前刹车盘', quantity: 2, unitPriceFen: 45000, partSource: 'OEM', payer: 'CUSTOMER' };
const DISC_LABOUR = { kind: 'LABOUR', description: '更换前刹车盘', skill: 'CHASSIS', standardHours: 1.2, hourlyRateFen: 32000 };
const WIPERS = { kind: 'LABOUR', description: '更换雨刮', skill: 'MAINTENANCE', standardHours: 0.2, hourlyRateFen: 32000, deferrable: true, risk: '雨天视线不清' };

async function add(workOrderId: string, lines: unknown[] = [DISCS, DISC_LABOUR, WIPERS], as = 'advisor') {
  return (await app.gql(ADD, { input: { workOrderId, reason: '拆检发现前刹车盘磨损超限', lines } }, await token(as))).data.addSupplementalWork;
}

async function flagsOf(workOrderId: string): Promise<string[]> {
  const { data } = await app.gql(CARD, {}, await token('foreman'));
  return data.board.cards.find((c: { workOrder: { id: string } }) => c.workOrder.id === workOrderId).flags;
}

describe('R-EST-6: supplemental work needs a new approval; until then its jobs wait', () => {
  it('addSupplementalWork sends a supplemental estimate and adds its labour as jobs WAITING_APPROVAL; the card shows WAITING_APPROVAL', async () => {
    const wo = await workOrderIn(app, 'IN_PROGRESS', 0);
    const res = await add(wo.id);
    expect(res.userErrors).toEqual([]);
    expect(res.estimate).toMatchObject({ status: 'SENT', supplemental: true, reason: '拆检发现前刹车盘磨损超限', version: 1 });
    expect(res.estimate.lines.map((l: { amountFen: number }) => l.amountFen)).toEqual([90000, 38400, 6400]);
    expect(res.workOrder.status).toBe('IN_PROGRESS');
    expect(res.workOrder.jobs.map((j: { title: string; status: string }) => `${j.title}:${j.status}`)).toEqual(['更换氧传感器:PENDING', '更换前刹车盘:WAITING_APPROVAL', '更换雨刮:WAITING_APPROVAL']);
    expect(await flagsOf(wo.id)).toContain('WAITING_APPROVAL');
    const rows: { aggregate_type: string; kind: string }[] = await app.orm.em.fork().execute(`select aggregate_type, kind from domain_event where store_id = ? order by seq desc limit 3`, [app.storeId]);
    expect(rows.map((r) => `${r.aggregate_type}:${r.kind}`).reverse()).toEqual(['Estimate:SUPPLEMENTAL_ADDED', 'Estimate:ESTIMATE_SENT', 'WorkOrder:JOBS_ADDED']);
    // Nothing unapproved may be charged.
    const charge = await app.gql(`query($id: ID!) { workOrder(id: $id) { chargeableTotals { totalFen labourFen partsFen } } }`, { id: wo.id }, await token('cashier'));
    expect(charge.data.workOrder.chargeableTotals).toEqual({ totalFen: 45000, labourFen: 45000, partsFen: 0 }); // the main estimate's 1.5 h × 300 元
  });

  it('the car does not go to quality check while supplemental work waits for a decision', async () => {
    const wo = await workOrderIn(app, 'IN_PROGRESS', 1);
    await add(wo.id);
    const res = await move(app, 'tech1', wo.id, 'QUALITY_CHECK');
    expect(res.userErrors.map((e: { code: string }) => e.code)).toEqual(['SUPPLEMENTAL_APPROVAL_PENDING']);
  });

  it('approving (by phone) releases the approved jobs, withdraws declined ones, carries deferred ones over; only approved lines are chargeable', async () => {
    const wo = await workOrderIn(app, 'IN_PROGRESS', 2);
    const added = await add(wo.id);
    const ids = added.estimate.lines.map((l: { id: string }) => l.id);
    const board = collect(app.ws({ authorization: `Bearer ${await app.login('foreman')}` }), BOARD_EVENTS, {});
    const raw = await app.gql(APPROVE, { input: { estimateId: added.estimate.id, expectedVersion: 1, approvedLineIds: [ids[0], ids[1]], deferredLineIds: [ids[2]], method: 'PHONE', note: '客户电话同意更换刹车盘' } }, await token('advisor'));
    if (!raw.data) throw new Error(JSON.stringify(raw.errors));
    const res = raw.data.approveEstimate;
    expect(res.userErrors).toEqual([]);
    expect(res.estimate.status).toBe('APPROVED');
    expect(res.workOrder.status).toBe('IN_PROGRESS');
    expect(res.workOrder.jobs.map((j: { title: string; status: string }) => `${j.title}:${j.status}`)).toEqual(['更换氧传感器:PENDING', '更换前刹车盘:PENDING']);
    expect(await flagsOf(wo.id)).not.toContain('WAITING_APPROVAL');
    // The advisor side (the board) learns of it live through the order's JOBS_RELEASED event.
    const events = await board.until((xs) => xs.some((e: any) => e.workOrderId === wo.id && !e.card.flags.includes('WAITING_APPROVAL')));
    expect(events.length).toBeGreaterThan(0);
    board.stop();
    const charge = await app.gql(`query($id: ID!) { workOrder(id: $id) { chargeableTotals { totalFen partsFen labourFen } } }`, { id: wo.id }, await token('cashier'));
    expect(charge.data.workOrder.chargeableTotals).toEqual({ totalFen: 45000 + 90000 + 38400, partsFen: 90000, labourFen: 45000 + 38400 });
    const carried = await app.orm.em.fork().execute(`select description from carried_over_item ci join work_order w on w.vehicle_id = ci.vehicle_id where w.id = ?`, [dbId(wo.id, 'WorkOrder')]);
    expect(carried).toEqual([{ description: '更换雨刮' }]);
    expect((await move(app, 'tech1', wo.id, 'QUALITY_CHECK')).userErrors).toEqual([]);
  });

  it('the customer may decline it all through the link: the estimate is DECLINED and its jobs withdrawn', async () => {
    const wo = await workOrderIn(app, 'IN_PROGRESS', 2); // the previous car left bay 2 for quality check
    const added = await add(wo.id, [DISC_LABOUR]);
    const link = tokenOf(wo.trackingUrl);
    const tracked = (await app.gql(`query($t: String!) { trackWorkOrder(token: $t) { pendingEstimate { id supplemental reason } } }`, { t: link })).data.trackWorkOrder;
    expect(tracked.pendingEstimate).toEqual({ id: added.estimate.id, supplemental: true, reason: '拆检发现前刹车盘磨损超限' });
    const res = (await app.gql(BY_LINK, { input: { token: link, estimateId: added.estimate.id, expectedVersion: 1, approvedLineIds: [], deferredLineIds: [], approverName: '王先生' } })).data.approveEstimateByLink;
    expect(res.userErrors).toEqual([]);
    expect(res.progress).toEqual({ status: 'IN_PROGRESS', pendingEstimate: null });
    const read = await app.gql(`query($id: ID!) { workOrder(id: $id) { jobs { title status } estimates { supplemental status } } }`, { id: wo.id }, await token('advisor'));
    expect(read.data.workOrder.jobs).toEqual([{ title: '更换氧传感器', status: 'PENDING' }]);
    expect(read.data.workOrder.estimates).toEqual([{ supplemental: false, status: 'APPROVED' }, { supplemental: true, status: 'DECLINED' }]);
  });

  it('refusals: not in the workshop, bad lines, wrong role — nothing written', async () => {
    const draft = await workOrderIn(app, 'AWAITING_APPROVAL');
    const before = await app.orm.em.fork().execute(`select count(*)::int as n from estimate where supplemental`);
    expect((await add(draft.id)).userErrors.map((e: { code: string }) => e.code)).toEqual(['ORDER_NOT_IN_WORKSHOP']);
    const queued = await workOrderIn(app, 'QUEUED');
    expect((await add(queued.id, [{ ...DISC_LABOUR, amountFen: 1 }])).userErrors.map((e: { code: string }) => e.code)).toEqual(['LINE_FIELD_NOT_APPLICABLE']);
    const forbidden = await app.gql(ADD, { input: { workOrderId: queued.id, reason: 'x', lines: [DISCS] } }, await token('tech1'));
    expect(forbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await app.orm.em.fork().execute(`select count(*)::int as n from estimate where supplemental`)).toEqual(before);
    // The foreman, who hears of it from the floor, may add it.
    expect((await add(queued.id, [DISCS], 'foreman')).userErrors).toEqual([]);
  });
});
