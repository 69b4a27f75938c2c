import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbId } from '../src/graphql/global-id.js';
import { WorkOrder } from '../src/modules/work-order/work-order.entity.js';
import { approveOneLineEstimate, createWorkOrder, move, Q, workOrderIn } from './helpers/flows.js';
import { collect } from './helpers/subscriptions.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app?.stop());

const TRACK = `query($token: String!) { trackWorkOrder(token: $token) { number status steps { key label state at }
  vehicle { model color plateMasked } promisedAt estimatedCompletionAt delay { reason remedy } advisor { name phone } } }`;
const PROGRESS = `subscription($token: String!) { workOrderProgress(token: $token) { number status steps { key state at } estimatedCompletionAt } }`;
const tokenOf = (trackingUrl: string) => trackingUrl.split('/t/')[1];

async function personalData(id: string) {
  const { data } = await app.gql(`query($id: ID!) { workOrder(id: $id) { vehicle { vin plate } customer { id name } } }`, { id }, { token: await app.login('advisor') });
  const customer = await app.gql(`query($id: ID!) { node(id: $id) { ... on Customer { mobile } } }`, { id: data.workOrder.customer.id }, { token: await app.login('advisor') });
  return { vin: data.workOrder.vehicle.vin, plate: data.workOrder.vehicle.plate, name: data.workOrder.customer.name, mobile: customer.data.node.mobile };
}

describe('the customer link (§14)', () => {
  it('needs no login and shows only the contract fields: no name, mobile, VIN or full plate', async () => {
    const wo = await workOrderIn(app, 'IN_PROGRESS');
    const res = await app.gql(TRACK, { token: tokenOf(wo.trackingUrl) });
    const progress = res.data.trackWorkOrder;
    expect(progress).toMatchObject({ number: wo.number, status: 'IN_PROGRESS', vehicle: { model: '朗逸 Lavida 1.5L', color: '白' }, advisor: { name: 'advisor-姓名', phone: '010-1234 5600' } });
    expect(progress.steps.map((s: { key: string; state: string }) => `${s.key}:${s.state}`)).toEqual(['RECEIVED:DONE', 'ESTIMATE:DONE', 'REPAIR:CURRENT', 'QUALITY_CHECK:PENDING', 'WASH:PENDING', 'READY:PENDING']);
    expect(progress.steps[0].label).toBe('接车');
    expect(progress.steps.slice(0, 3).every((s: { at: string | null }) => s.at)).toBe(true);
    expect(Date.parse(progress.estimatedCompletionAt)).toBeGreaterThan(Date.now());

    const pii = await personalData(wo.id);
    expect(progress.vehicle.plateMasked).toBe(`${pii.plate.slice(0, 2)}***${pii.plate.slice(5)}`);
    const text = JSON.stringify(res);
    for (const value of Object.values(pii)) expect(text).not.toContain(value);
    await move(app, 'tech1', wo.id, 'QUALITY_CHECK');
  });

  it('estimates the promise while it stands, and from the remaining standard hours once it has passed', async () => {
    const wo = await workOrderIn(app, 'QUEUED');
    const track = async () => (await app.gql(TRACK, { token: tokenOf(wo.trackingUrl) })).data.trackWorkOrder;
    const before = await track();
    expect(before.estimatedCompletionAt).toBe(before.promisedAt);
    await app.orm.em.fork().nativeUpdate(WorkOrder, { id: dbId(wo.id, 'WorkOrder')! }, { promisedAt: new Date(Date.now() - 60_000) });
    const after = await track();
    // 1.5 h of jobs left plus 30 min for QC and wash
    expect(Date.parse(after.estimatedCompletionAt) - Date.now()).toBeGreaterThan(115 * 60_000);
    expect(after.timeZone ?? (await app.gql(`query($t: String!) { trackWorkOrder(token: $t) { timeZone } }`, { t: tokenOf(wo.trackingUrl) })).data.trackWorkOrder.timeZone).toBe('Asia/Shanghai');
  });

  it('cannot reach any other data through the progress type', async () => {
    const wo = await createWorkOrder(app);
    const res = await app.gql(`query($token: String!) { trackWorkOrder(token: $token) { vehicle { vin } } }`, { token: tokenOf(wo.trackingUrl) });
    expect(res.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('shows a delay with its reason and remedy (R-WO-7)', async () => {
    const wo = await workOrderIn(app, 'ON_HOLD', 1);
    const track = async () => (await app.gql(TRACK, { token: tokenOf(wo.trackingUrl) })).data.trackWorkOrder;
    expect((await track()).delay).toEqual({ reason: '等待配件', remedy: null });
    const promisedAt = new Date(Date.now() + 24 * 3600_000).toISOString();
    const res = await app.gql(
      `mutation($input: ReportWorkOrderDelayInput!) { reportWorkOrderDelay(input: $input) { workOrder { promisedAt version } userErrors { code field } } }`,
      { input: { id: wo.id, promisedAt, reason: '原厂配件明早到货', remedy: '提供代步车', expectedVersion: wo.version } },
      { token: await app.login('advisor') },
    );
    expect(res.data.reportWorkOrderDelay.userErrors).toEqual([]);
    expect((await track())).toMatchObject({ delay: { reason: '原厂配件明早到货', remedy: '提供代步车' }, promisedAt: expect.any(String) });
    expect(Date.parse((await track()).promisedAt)).toBe(Date.parse(promisedAt));
  });

  it('speaks English when asked', async () => {
    const wo = await createWorkOrder(app);
    const res = await app.gql(TRACK, { token: tokenOf(wo.trackingUrl) }, { locale: 'en' });
    expect(res.data.trackWorkOrder.steps[0].label).toBe('Received');
  });

  it('marks the wash skipped when the car went straight to READY, and all steps done on delivery', async () => {
    const wo = await workOrderIn(app, 'DELIVERED');
    const steps = (await app.gql(TRACK, { token: tokenOf(wo.trackingUrl) })).data.trackWorkOrder.steps;
    expect(steps.map((s: { state: string }) => s.state)).toEqual(['DONE', 'DONE', 'DONE', 'DONE', 'SKIPPED', 'DONE']);
  });

  it('unknown, malformed and expired links all give null with no hint why', async () => {
    const wo = await workOrderIn(app, 'DELIVERED');
    const token = tokenOf(wo.trackingUrl);
    expect((await app.gql(TRACK, { token })).data.trackWorkOrder).not.toBeNull();
    await app.orm.em.fork().nativeUpdate(WorkOrder, { id: dbId(wo.id, 'WorkOrder')! }, { trackingExpiresAt: new Date(Date.now() - 1000) });
    for (const t of [token, 'A'.repeat(43), 'short', '../../etc/passwd']) {
      const res = await app.gql(TRACK, { token: t });
      expect(res).toEqual({ data: { trackWorkOrder: null } });
    }
  });

  it('the link expires a configurable time after delivery', async () => {
    const wo = await workOrderIn(app, 'DELIVERED');
    const row = await app.orm.em.fork().findOneOrFail(WorkOrder, dbId(wo.id, 'WorkOrder')!, { populate: ['store'] });
    expect(row.trackingExpiresAt!.getTime() - row.deliveredAt!.getTime()).toBe(row.store.getEntity().trackingLinkTtlHours * 3600_000);
  });

  it('tokens are unguessable: 256 bits, URL-safe, all different', async () => {
    const orders = await Promise.all(Array.from({ length: 5 }, () => createWorkOrder(app)));
    const tokens = orders.map((o) => tokenOf(o.trackingUrl));
    expect(new Set(tokens).size).toBe(5);
    for (const t of tokens) expect(Buffer.from(t, 'base64url')).toHaveLength(32);
  });
});

describe('workOrderProgress: live updates for the customer page', () => {
  it('an anonymous socket carrying the tracking token gets the progress now and after each change', async () => {
    const wo = await workOrderIn(app, 'QUEUED');
    const token = tokenOf(wo.trackingUrl);
    const sub = collect(app.ws({ trackingToken: token }), PROGRESS, { token }, 'workOrderProgress');
    const [first] = await sub.until((xs) => xs.length >= 1);
    expect(first).toMatchObject({ number: wo.number, status: 'QUEUED' });
    await createWorkOrder(app); // another order's change is not sent
    await move(app, 'advisor', wo.id, 'ON_HOLD', { holdReason: 'CUSTOMER_REQUEST' });
    const items = await sub.until((xs) => xs.length >= 2);
    expect(items.map((p: any) => p.status)).toEqual(['QUEUED', 'ON_HOLD']);
    expect(JSON.stringify(items)).not.toContain((await personalData(wo.id)).vin);
    sub.stop();
  });

  it('an anonymous socket may not watch the board or another order', async () => {
    const mine = await createWorkOrder(app);
    const other = await createWorkOrder(app);
    const client = app.ws({ trackingToken: tokenOf(mine.trackingUrl) });
    const board = collect(client, `subscription { boardEvents { cursor } }`);
    await expect(board.until(() => false, 3000)).rejects.toThrow(/UNAUTHENTICATED|Authentication/);
    const foreign = collect(client, PROGRESS, { token: tokenOf(other.trackingUrl) }, 'workOrderProgress');
    await expect(foreign.until(() => false, 3000)).rejects.toThrow(/Authentication/);
  });

  it('a socket with neither a staff token nor a live tracking token is refused', async () => {
    const sub = collect(app.ws({ trackingToken: 'A'.repeat(43) }), PROGRESS, { token: 'A'.repeat(43) }, 'workOrderProgress');
    await expect(sub.until(() => false, 3000)).rejects.toThrow(/4403|Forbidden|ended/);
  });

  it('staff may watch an order of their store live', async () => {
    const wo = await workOrderIn(app, 'AWAITING_APPROVAL');
    const token = tokenOf(wo.trackingUrl);
    const sub = collect(app.ws({ authorization: `Bearer ${await app.login('cs')}` }), PROGRESS, { token }, 'workOrderProgress');
    await sub.until((xs) => xs.length >= 1);
    await approveOneLineEstimate(app, wo.id);
    const items = await sub.until((xs) => xs.some((p: any) => p.status === 'QUEUED'));
    expect(items.map((p: any) => p.status).at(-1)).toBe('QUEUED');
    sub.stop();
  });

  it('an expired link yields null and ends the subscription', async () => {
    const wo = await workOrderIn(app, 'DELIVERED');
    await app.orm.em.fork().nativeUpdate(WorkOrder, { id: dbId(wo.id, 'WorkOrder')! }, { trackingExpiresAt: new Date(Date.now() - 1000) });
    const sub = collect(app.ws({ authorization: `Bearer ${await app.login('advisor')}` }), PROGRESS, { token: tokenOf(wo.trackingUrl) }, 'workOrderProgress');
    const [only] = await sub.until((xs) => xs.length >= 1);
    expect(only).toBeNull();
    await sub.until(() => sub.completed);
  });
});

describe('the work-order query is for staff', () => {
  it('trackingUrl is not visible to a display token', async () => {
    const created = await app.gql(`mutation { createDisplayToken(input: { name: "大厅" }) { token } }`, {}, { token: await app.login('manager') });
    const res = await app.gql(`{ board { cards { workOrder { trackingUrl } } } }`, {}, { token: created.data.createDisplayToken.token });
    expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(Q.workOrder).toContain('trackingUrl');
  });
});
