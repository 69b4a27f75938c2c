import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { migrate, openOrm } from '../src/db/orm.js';
import { hashPassword } from '../src/modules/auth/password.js';
import { encodeBoardCursor } from '../src/modules/board/board-cursor.js';
import { toGlobalId } from '../src/shared/global-id.js';
import { BOARD_EVENTS, collect } from './helpers/subscriptions.js';
import { PASSWORD, startTestApp, type TestApp } from './helpers/test-app.js';

/**
 * Platform §1: the migration from the work-order event table to the domain event log keeps every
 * event, its facts and its sequence number, so a board cursor issued before still replays exactly.
 */
describe('R-WO-2: migrating work_order_event to the domain event log', () => {
  let app: TestApp;
  let storeId: number;
  let workOrderId: number;

  beforeAll(async () => {
    const adminUrl = inject('pgAdminUrl');
    const name = `legacy_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client(adminUrl);
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const databaseUrl = adminUrl.replace(/\/postgres$/, `/${name}`);

    // The database as the previous release left it.
    const orm = await openOrm({ clientUrl: databaseUrl });
    await orm.getMigrator().up({ to: 'Migration20261122185852_store_settings_version' });
    const db = new pg.Client(databaseUrl);
    await db.connect();
    const q = async (sql: string, params: unknown[] = []) => (await db.query(sql, params)).rows;
    [{ id: storeId }] = await q(`insert into store (name, code, event_seq) values ('旧店', 'OLD', 4) returning id`);
    const [{ id: staffId }] = await q(`insert into staff (store_id, username, name, roles, skills, password_hash) values ($1, 'foreman', '老调度', '{FOREMAN,SERVICE_ADVISOR}', '{}', $2) returning id`, [
      storeId,
      await hashPassword(PASSWORD),
    ]);
    const [{ id: customerId }] = await q(`insert into customer (store_id, name, mobile) values ($1, '张三', '13800138000') returning id`, [storeId]);
    const [{ id: vehicleId }] = await q(`insert into vehicle (store_id, vin, plate, model, owner_id) values ($1, 'LSVAU2180N2183294', '京A12345', '朗逸', $2) returning id`, [storeId, customerId]);
    [{ id: workOrderId }] = await q(
      `insert into work_order (store_id, number, status, version, vehicle_id, customer_id, advisor_id, complaint, tracking_token, hold_reason, held_from)
       values ($1, 'WO20261120-0001', 'ON_HOLD', 4, $2, $3, $4, '异响', $5, 'WAITING_PARTS', 'QUEUED') returning id`,
      [storeId, vehicleId, customerId, staffId, randomBytes(32).toString('base64url')],
    );
    const event = `insert into work_order_event (store_id, seq, work_order_id, kind, from_status, to_status, hold_reason, reason, actor_id, version, data, at) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`;
    const at = (m: number) => new Date(Date.UTC(2026, 10, 20, 1, m));
    await q(event, [storeId, 1, workOrderId, 'CREATED', null, 'DRAFT', null, null, staffId, 1, null, at(0)]);
    await q(event, [storeId, 2, workOrderId, 'TRANSITIONED', 'DRAFT', 'AWAITING_APPROVAL', null, null, staffId, 2, null, at(10)]);
    await q(event, [storeId, 3, workOrderId, 'TRANSITIONED', 'AWAITING_APPROVAL', 'QUEUED', null, null, null, 3, null, at(20)]);
    await q(event, [storeId, 4, workOrderId, 'TRANSITIONED', 'QUEUED', 'ON_HOLD', 'WAITING_PARTS', '配件缺货', staffId, 4, JSON.stringify({ note: 'kept' }), at(30)]);
    await db.end();

    await migrate(orm);
    await orm.close(true);
    app = await startTestApp({ databaseUrl, fixture: false });
  }, 60_000);

  afterAll(async () => {
    await app?.stop();
  });

  it('keeps every event with its facts, actor and sequence number', async () => {
    const token = await app.login('foreman');
    const res = await app.gql(`query($id: ID!) { workOrder(id: $id) { version events { kind from to holdReason reason version at cursor actor { username } } } }`, { id: toGlobalId('WorkOrder', workOrderId) }, { token });
    expect(res.errors).toBeUndefined();
    expect(res.data.workOrder.events).toEqual([
      { kind: 'CREATED', from: null, to: 'DRAFT', holdReason: null, reason: null, version: 1, at: '2026-11-20T01:00:00.000Z', cursor: encodeBoardCursor(storeId, 1), actor: { username: 'foreman' } },
      { kind: 'TRANSITIONED', from: 'DRAFT', to: 'AWAITING_APPROVAL', holdReason: null, reason: null, version: 2, at: '2026-11-20T01:10:00.000Z', cursor: encodeBoardCursor(storeId, 2), actor: { username: 'foreman' } },
      { kind: 'TRANSITIONED', from: 'AWAITING_APPROVAL', to: 'QUEUED', holdReason: null, reason: null, version: 3, at: '2026-11-20T01:20:00.000Z', cursor: encodeBoardCursor(storeId, 3), actor: null },
      { kind: 'TRANSITIONED', from: 'QUEUED', to: 'ON_HOLD', holdReason: 'WAITING_PARTS', reason: '配件缺货', version: 4, at: '2026-11-20T01:30:00.000Z', cursor: encodeBoardCursor(storeId, 4), actor: { username: 'foreman' } },
    ]);
    const rows = await app.orm.em.fork().execute(`select aggregate_type, actor_kind, data from domain_event where seq = 4 and store_id = ?`, [storeId]);
    expect(rows[0]).toMatchObject({ aggregate_type: 'WorkOrder', actor_kind: 'staff' });
    expect(rows[0].data).toMatchObject({ note: 'kept', from: 'QUEUED', to: 'ON_HOLD' });
  });

  it('a board cursor issued before the migration replays exactly the events after it, then the live ones', async () => {
    const token = await app.login('foreman');
    const feed = collect(app.ws({ authorization: `Bearer ${token}` }), BOARD_EVENTS, { after: encodeBoardCursor(storeId, 2) });
    await feed.until((xs) => xs.length >= 2);
    const moved = await app.gql(`mutation($id: ID!) { transitionWorkOrder(input: { id: $id, to: QUEUED }) { workOrder { version } userErrors { code } } }`, { id: toGlobalId('WorkOrder', workOrderId) }, { token });
    expect(moved.data.transitionWorkOrder).toEqual({ workOrder: { version: 5 }, userErrors: [] });
    const items = await feed.until((xs) => xs.length >= 3);
    expect(items.map((e: any) => e.cursor)).toEqual([3, 4, 5].map((seq) => encodeBoardCursor(storeId, seq)));
    expect(items.map((e: any) => e.kind)).toEqual(['UPSERT', 'UPSERT', 'UPSERT']);
    feed.stop();
  });

  it('the log stays append-only', async () => {
    const em = app.orm.em.fork();
    await expect(em.execute(`update domain_event set kind = 'X' where store_id = ?`, [storeId])).rejects.toThrow(/append-only/);
    await expect(em.execute(`delete from domain_event where store_id = ?`, [storeId])).rejects.toThrow(/append-only/);
  });
});
