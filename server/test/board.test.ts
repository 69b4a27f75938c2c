import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../src/graphql/global-id.js';
import { Customer } from '../src/modules/customer/customer.entity.js';
import { ValueClass } from '../src/modules/customer/customer-type.js';
import { WorkOrder } from '../src/modules/work-order/work-order.entity.js';
import { dbId } from '../src/graphql/global-id.js';
import { approveOneLineEstimate, createWorkOrder, move, passQualityCheck, recordDelivery, recordWalkAround, settle, workOrderIn } from './helpers/flows.js';
import { BOARD_EVENTS, collect } from './helpers/subscriptions.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

let app: TestApp;
beforeAll(async () => {
  // No worker: its background statements (durable consumers) would be counted with the ones under test.
  app = await startTestApp({ config: { worker: false } });
});
afterAll(() => app?.stop());

const BOARD = `query($storeId: ID) { board(storeId: $storeId) { cursor generatedAt staleAfterMinutes bays { id name }
  cards { workOrder { id number status holdReason promisedAt vehicle { plate model color } bay { id name } technicians { name } advisor { name } }
  flags minutesInStatus minutesSinceUpdate standardHours updatedAt staleAt overdueAt } } }`;

type Card = { workOrder: { id: string; status: string; promisedAt: string | null }; flags: string[]; minutesInStatus: number; minutesSinceUpdate: number; updatedAt: string; staleAt: string | null; overdueAt: string | null };
const board = async (token: string) => (await app.gql(BOARD, {}, { token })).data.board as { cursor: string; cards: Card[]; bays: unknown[] };
const cardOf = (cards: Card[], id: string) => cards.find((c) => c.workOrder.id === id);

describe('board(storeId): the workshop floor with flags and timers', () => {
  it('shows every order on the floor with the flags that block it, and none that left', async () => {
    const token = await app.login('foreman');
    const parts = await workOrderIn(app, 'ON_HOLD');
    const approval = await workOrderIn(app, 'AWAITING_APPROVAL');
    const waitingVip = await createWorkOrder(app, { customerWaiting: true, source: 'APPOINTMENT', jobs: [{ title: '索赔更换水泵', skill: 'ENGINE', standardHours: 2, payer: 'WARRANTY' }] });
    const rework = await workOrderIn(app, 'QUALITY_CHECK', 2); // ends IN_PROGRESS on bay 3, leaving bay 1 free
    await move(app, 'qc', rework.id, 'IN_PROGRESS', { reason: '异响未排除' });
    const delivered = await workOrderIn(app, 'DELIVERED');

    // Time passes: the rework car has had no update for 31 minutes and its promise has passed; one customer is A-class.
    const em = app.orm.em.fork();
    await em.nativeUpdate(WorkOrder, { id: dbId(rework.id, 'WorkOrder')! }, { updatedAt: new Date(Date.now() - 31 * 60_000), promisedAt: new Date(Date.now() - 60_000) });
    await em.nativeUpdate(Customer, { id: dbId(waitingVip.customerId, 'Customer')! }, { valueClass: ValueClass.A });

    const { cards, bays } = await board(token);
    expect(bays).toHaveLength(3);
    expect(cardOf(cards, parts.id)!.flags).toContain('WAITING_PARTS');
    expect(cardOf(cards, approval.id)!.flags).toEqual(['WAITING_APPROVAL']);
    expect(cardOf(cards, waitingVip.id)!.flags.sort()).toEqual(['APPOINTMENT', 'CUSTOMER_WAITING', 'VIP', 'WARRANTY']);
    const reworkCard = cardOf(cards, rework.id)!;
    expect(reworkCard.flags.sort()).toEqual(['OVERDUE', 'REWORK', 'STALE']);
    expect(reworkCard.minutesSinceUpdate).toBeGreaterThanOrEqual(31);
    // The times the client compares with its clock: STALE from staleAt (updatedAt + the store's 30 minutes), OVERDUE after overdueAt.
    expect(Date.parse(reworkCard.staleAt!) - Date.parse(reworkCard.updatedAt)).toBe(30 * 60_000);
    expect(reworkCard.overdueAt).toBe(reworkCard.workOrder.promisedAt);
    expect(Date.parse(reworkCard.staleAt!)).toBeLessThanOrEqual(Date.now());
    const partsCard = cardOf(cards, parts.id)!;
    expect(Date.parse(partsCard.staleAt!)).toBeGreaterThan(Date.now());
    expect(cardOf(cards, approval.id)!.staleAt).toBeNull(); // not in the workshop yet: never STALE
    expect(cardOf(cards, delivered.id)).toBeUndefined();
  });

  it('refuses another store’s board', async () => {
    const res = await app.gql(BOARD, { storeId: toGlobalId('Store', app.otherStoreId) }, { token: await app.login('foreman') });
    expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

describe('display tokens: read-only board access for a wall display', () => {
  it('reads the board (not customer data, not other queries) until revoked; revoking closes its sockets', async () => {
    const manager = await app.login('manager');
    const created = await app.gql(`mutation { createDisplayToken(input: { name: "车间北墙" }) { token displayToken { id name } userErrors { code } } }`, {}, { token: manager });
    const { token, displayToken } = created.data.createDisplayToken;
    expect(token).toMatch(/^wbd_/);

    expect((await app.gql(BOARD, {}, { token })).data.board.cards.length).toBeGreaterThan(0);
    const customer = await app.gql(`{ board { cards { workOrder { customer { name } } } } }`, {}, { token });
    expect(customer.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await app.gql(`{ workOrders(first: 1) { totalCount } }`, {}, { token })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await app.gql(`mutation { createDisplayToken(input: { name: "x" }) { token } }`, {}, { token: await app.login('foreman') })).errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const client = app.ws({ authorization: `Bearer ${token}` });
    const closed = new Promise<number>((resolve) => client.on('closed', (e) => resolve((e as { code: number }).code)));
    const events = collect(client, BOARD_EVENTS);
    const wo = await createWorkOrder(app);
    await events.until((items) => items.some((e: { workOrderId: string }) => e.workOrderId === wo.id));

    await app.gql(`mutation($id: ID!) { revokeDisplayToken(input: { id: $id }) { displayToken { revokedAt } } }`, { id: displayToken.id }, { token: manager });
    expect(await closed).toBe(4403);
    expect((await app.gql(BOARD, {}, { token })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('boardEvents: ordered, replayable, live', () => {
  it('refuses WebSocket connections without valid credentials', async () => {
    for (const params of [{}, { authorization: 'Bearer wbs_not-a-real-token-at-all' }]) {
      const client = app.ws(params);
      const sub = collect(client, BOARD_EVENTS);
      await expect(sub.until(() => false, 3000)).rejects.toThrow(/4403|Forbidden|ended/);
    }
  });

  it('streams an UPSERT for each change after the snapshot cursor, and REMOVE when the car leaves', async () => {
    const token = await app.login('foreman');
    const wo = await workOrderIn(app, 'QUALITY_CHECK');
    await passQualityCheck(app, wo.id); // R-QC-1: the car leaves quality check after FINAL passes
    const { cursor } = await board(token);
    const sub = collect(app.ws({ authorization: `Bearer ${token}` }), BOARD_EVENTS, { after: cursor });
    await move(app, 'qc', wo.id, 'READY');
    await settle(app, wo.id); // R-DEL-3: another aggregate's event; the board skips it
    await recordDelivery(app, wo.id); // R-DEL-1/2/4: a change of the order
    await move(app, 'advisor', wo.id, 'DELIVERED');
    const items = await sub.until((xs) => xs.length >= 3);
    expect(items.map((e: any) => [e.kind, e.workOrderId])).toEqual([
      ['UPSERT', wo.id],
      ['UPSERT', wo.id],
      ['REMOVE', wo.id],
    ]);
    expect(items[0].card).toBeTruthy();
    expect(items[2].card).toBeNull();
    sub.stop();
  });

  it('after a reconnect replays exactly the missed events, in order, then continues live', async () => {
    const token = await app.login('foreman');
    const wo = await createWorkOrder(app);
    await recordWalkAround(app, wo.id);
    const { cursor } = await board(token);

    const first = collect(app.ws({ authorization: `Bearer ${token}` }), BOARD_EVENTS, { after: cursor });
    await move(app, 'advisor', wo.id, 'AWAITING_APPROVAL');
    const [seen] = await first.until((xs) => xs.length >= 1);
    first.stop();

    // Offline: four changes happen (the other order's walk-around among them, R-REC-3).
    await approveOneLineEstimate(app, wo.id);
    const other = await createWorkOrder(app);
    await recordWalkAround(app, other.id);
    await move(app, 'advisor', other.id, 'AWAITING_APPROVAL');

    const second = collect(app.ws({ authorization: `Bearer ${token}` }), BOARD_EVENTS, { after: (seen as any).cursor });
    await second.until((xs) => xs.length >= 4);
    await move(app, 'foreman', wo.id, 'ON_HOLD', { holdReason: 'WAITING_PARTS' });
    const all = await second.until((xs) => xs.length >= 5);
    expect(new Set(all.map((e: any) => e.cursor)).size).toBe(5);
    expect(all.map((e: any) => e.workOrderId)).toEqual([wo.id, other.id, other.id, other.id, wo.id]);
    // Cards show the order as it is when delivered: the last event of each order shows its final state,
    // and versions never go down, so a client that drops stale versions ends up exact.
    expect(all.at(-1).card.workOrder).toMatchObject({ status: 'ON_HOLD', version: 5 });
    expect(all[3].card.workOrder).toMatchObject({ status: 'AWAITING_APPROVAL', version: 3 });
    for (const id of [wo.id, other.id]) {
      const versions = all.filter((e: any) => e.workOrderId === id).map((e: any) => e.card.workOrder.version);
      expect(versions).toEqual([...versions].sort((a, b) => a - b));
    }
    second.stop();
  });

  it('a garbage or foreign cursor yields RESET first, then live events', async () => {
    const token = await app.login('foreman');
    const sub = collect(app.ws({ authorization: `Bearer ${token}` }), BOARD_EVENTS, { after: 'not-a-cursor' });
    const [reset] = await sub.until((xs) => xs.length >= 1);
    expect(reset).toMatchObject({ kind: 'RESET', workOrderId: null, card: null });
    const wo = await createWorkOrder(app);
    const items = await sub.until((xs) => xs.length >= 2);
    expect(items[1]).toMatchObject({ kind: 'UPSERT', workOrderId: wo.id });
    sub.stop();
  });

  it('a hundred concurrent changes arrive complete and in cursor order', async () => {
    const token = await app.login('foreman');
    const { cursor } = await board(token);
    const sub = collect(app.ws({ authorization: `Bearer ${token}` }), BOARD_EVENTS, { after: cursor });
    const orders = await Promise.all(Array.from({ length: 10 }, () => createWorkOrder(app)));
    await Promise.all(orders.map((o) => recordWalkAround(app, o.id)));
    await Promise.all(orders.map((o) => move(app, 'advisor', o.id, 'AWAITING_APPROVAL')));
    const items = await sub.until((xs) => xs.length >= 30, 10_000);
    const cursors = items.map((e: any) => e.cursor);
    expect(new Set(cursors).size).toBe(30);
    const seqs = cursors.map((c: string) => Number(Buffer.from(c, 'base64url').toString().split(':')[2]));
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(seqs.at(-1)! - seqs[0]).toBe(29); // gap-free
    sub.stop();
  });
});

describe('volume', () => {
  it('reads with a constant number of SQL statements, 20 cards or 200', async () => {
    const { insertOrders } = await import('./helpers/bulk.js');
    const token = await app.login('foreman');
    const techs = [app.staffIds.tech1, app.staffIds.tech2];
    const count = async () => {
      await board(token); // warm up (session lookup caches nothing, but keep both runs alike)
      app.sql.reset();
      const b = await board(token);
      return { statements: app.sql.statements.length, cards: b.cards.length };
    };
    const base = (await board(token)).cards.length;
    await insertOrders(app.orm, { storeId: app.storeId, count: 20 - base, bayIds: app.bays.map((b) => b.id), technicianIds: techs, advisorId: app.staffIds.advisor });
    const at20 = await count();
    await insertOrders(app.orm, { storeId: app.storeId, count: 180, bayIds: app.bays.map((b) => b.id), technicianIds: techs, advisorId: app.staffIds.advisor });
    const at200 = await count();
    expect(at20.cards).toBe(20);
    expect(at200.cards).toBe(200);
    expect(at200.statements).toBe(at20.statements);
    expect(at20.statements).toBeLessThanOrEqual(15);
  });

  it('workOrders pages resolve their relations in batches (dataloader): 10 or 100 rows, same statements', async () => {
    const { insertOrders } = await import('./helpers/bulk.js');
    const token = await app.login('foreman');
    const have = (await app.gql(`{ workOrders(first: 1) { totalCount } }`, {}, { token })).data.workOrders.totalCount;
    if (have < 100) await insertOrders(app.orm, { storeId: app.storeId, count: 100 - have, bayIds: app.bays.map((b) => b.id), technicianIds: [app.staffIds.tech1], advisorId: app.staffIds.advisor });
    const query = `query($first: Int) { workOrders(first: $first) { edges { node { number vehicle { plate model owner { name } } customer { name } advisor { name } bay { name } technicians { name } jobs { title } } } } }`;
    const count = async (first: number) => {
      await app.gql(query, { first }, { token });
      app.sql.reset();
      const res = await app.gql(query, { first }, { token });
      expect(res.data.workOrders.edges).toHaveLength(first);
      return app.sql.statements.length;
    };
    expect(await count(100)).toBe(await count(10));
  });
});
