import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbId, toGlobalId } from '../src/graphql/global-id.js';
import { DomainEvent } from '../src/events/domain-event.entity.js';
import { ManualClock } from '../src/shared/clock.js';
import { insertPastVisits, type PastVisit } from '../src/modules/segmentation/past-visits.js';
import { A, local, MAINTENANCE_1H } from './helpers/appointments.js';
import { approveOneLineEstimate, assign, createCustomerAndVehicle, createWorkOrder, move, passQualityCheck, recordDelivery, recordWalkAround, settle } from './helpers/flows.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';
import { taskList } from '../src/services.js';

// Tuesday 1 December 2026, 09:00 in the store's zone (ahead of the real clock, so nothing scheduled comes due by itself).
const clock = new ManualClock(new Date('2026-12-01T09:00:00+08:00'));
const DAY = 86_400_000;
const MONTH = (365.25 / 12) * DAY;
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ clock, config: { worker: false } });
});
afterAll(() => app?.stop());

const sql = async <T = Record<string, unknown>>(query: string, params: unknown[] = []): Promise<T[]> => app.orm.em.fork().getConnection().execute(query, params);
const ago = (months: number) => new Date(clock.now().getTime() - months * MONTH);

const SEGMENT = `query($id: ID!) { node(id: $id) { ... on Customer { id valueClass segment { valueClass reasons vehicleAgeClass usage tags tagCodes churnRisk { level reason reasons } lastVisitAt } } } }`;
const CHURN = `query($first: Int, $after: String, $levels: [ChurnRiskLevel!]) { churnRisk(first: $first, after: $after, levels: $levels) {
  totalCount edges { cursor node { id customer { id name valueClass } level reason reasons lastVisitAt } } pageInfo { hasNextPage endCursor } } }`;
const AWARD = `mutation($input: AwardPointsInput!) { awardPoints(input: $input) { customer { id points { balance } } userErrors { code field message } } }`;
const LEDGER = `query($id: ID!) { node(id: $id) { ... on Customer { points { balance history(first: 10) { edges { node { id delta reason behaviour } } } } } } }`;

/** A customer with a car (optionally bought on a date, with usage) and the given past visits; their segment recomputed. */
async function customerWith(visits: { monthsAgo: number; fen: number; warrantyFen?: number; repair?: boolean }[], car: { purchaseDate?: string; usage?: string; mileageKm?: number } = {}) {
  const { customerId, vehicleId } = await createCustomerAndVehicle(app);
  const cid = dbId(customerId, 'Customer')!;
  const vid = dbId(vehicleId, 'Vehicle')!;
  await sql('update vehicle set purchase_date = ?, usage = ?, mileage_km = coalesce(?, mileage_km) where id = ?', [car.purchaseDate ?? null, car.usage ?? null, car.mileageKm ?? null, vid]);
  const past: PastVisit[] = visits.map((v) => ({ customerId: cid, vehicleId: vid, advisorId: app.staffIds.advisor, at: ago(v.monthsAgo), customerFen: v.fen, warrantyFen: v.warrantyFen, repair: v.repair }));
  const em = app.orm.em.fork();
  await insertPastVisits(em, app.storeId, past);
  await recompute(cid);
  return { customerId, vehicleId, cid, vid };
}

async function recompute(...ids: number[]) {
  await app.orm.em.fork().transactional((tx) => app.server.services.segmentation.recompute(tx, app.storeId, ids));
}

async function segmentOf(customerId: string, as = 'manager', locale?: string) {
  const res = await app.gql(SEGMENT, { id: customerId }, { token: await app.login(as), locale });
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data.node as { valueClass: string; segment: any };
}

const iso = (d: Date) => d.toISOString().slice(0, 10);
const yearsAgo = (y: number, extraMonths = 0) => iso(new Date(clock.now().getTime() - y * 12 * MONTH - extraMonths * MONTH));

describe('value classes from the history, with the reasons (R-SEG-1..3)', () => {
  it('R-SEG-3 A: high spend and frequency — 4 paid visits for ¥8,600 in 12 months, explained in zh and en', async () => {
    const c = await customerWith(
      [
        { monthsAgo: 1, fen: 260_000 },
        { monthsAgo: 4, fen: 180_000, repair: true },
        { monthsAgo: 7, fen: 220_000 },
        { monthsAgo: 10, fen: 200_000 },
        { monthsAgo: 16, fen: 90_000 },
      ],
      { purchaseDate: yearsAgo(3, 6), usage: 'PRIVATE' },
    );
    const zh = await segmentOf(c.customerId);
    expect(zh.valueClass).toBe('A');
    expect(zh.segment).toMatchObject({ valueClass: 'A', vehicleAgeClass: 'TWO_TO_FIVE_YEARS', usage: 'PRIVATE', churnRisk: null });
    expect(zh.segment.reasons).toEqual(['12 个月消费 ¥8,600', '12 个月到店 4 次（付费 4 次）', expect.stringMatching(/^自 \d{4}-\d{2}-\d{2} 起持续到店$/)]);
    expect(zh.segment.tagCodes).toEqual(['OLD_CAR', 'FREQUENT_VISITS']);
    expect(zh.segment.tags).toEqual(['老客户（购车 3 年以上）', '高频保养']);
    const en = await segmentOf(c.customerId, 'advisor', 'en');
    expect(en.segment.reasons.slice(0, 2)).toEqual(['Spent ¥8,600 in 12 months', '4 visits in 12 months (4 paid)']);
  });

  it('R-SEG-3 B: an opportunity — paying, but under the A thresholds (which the reasons name); a new customer is B too', async () => {
    const c = await customerWith([{ monthsAgo: 2, fen: 80_000 }], { purchaseDate: yearsAgo(0, 8), usage: 'COMMERCIAL', mileageKm: 40_000 });
    const s = await segmentOf(c.customerId);
    expect(s.valueClass).toBe('B');
    expect(s.segment.reasons).toEqual(['12 个月消费 ¥800', '12 个月到店 1 次（付费 1 次）', 'A 类需 12 个月消费 ¥5,000 且付费到店 3 次']);
    expect(s.segment).toMatchObject({ vehicleAgeClass: 'IN_WARRANTY', usage: 'COMMERCIAL', tagCodes: ['NEW_CAR', 'RARE_VISITS', 'HIGH_MILEAGE'] });
    const fresh = await customerWith([]);
    expect((await segmentOf(fresh.customerId)).segment).toMatchObject({ valueClass: 'B', reasons: ['新客户，尚无消费记录'], churnRisk: null });
  });

  it('R-SEG-3 C: marginal — only warranty or free work; or long gaps between visits', async () => {
    const warrantyOnly = await customerWith([
      { monthsAgo: 1, fen: 0, warrantyFen: 120_000 },
      { monthsAgo: 5, fen: 0, warrantyFen: 80_000 },
    ]);
    expect((await segmentOf(warrantyOnly.customerId)).segment).toMatchObject({ valueClass: 'C', reasons: ['12 个月内只做保修或免费项目（2 次）'] });
    const gaps = await customerWith([
      { monthsAgo: 2, fen: 150_000 },
      { monthsAgo: 11, fen: 150_000 },
      { monthsAgo: 20, fen: 150_000 },
    ]);
    const s = await segmentOf(gaps.customerId);
    expect(s.valueClass).toBe('C');
    expect(s.segment.reasons[0]).toMatch(/^平均 27\d 天才到店一次$/);
  });

  it('R-SEG-3 D: lost — no visit for more than 6 months; or left after the warranty (churn HIGH), with the reasons', async () => {
    const idle = await customerWith([{ monthsAgo: 8.2, fen: 300_000 }]);
    const s = await segmentOf(idle.customerId, 'cs');
    expect(s.valueClass).toBe('D');
    expect(s.segment.reasons).toEqual(['近 8 个月未到店']);
    expect(s.segment.churnRisk).toEqual({ level: 'MEDIUM', reason: '近 8 个月未到店', reasons: ['近 8 个月未到店'] });

    // Bought 2 years 4 months ago (2-year warranty by default): came while under warranty, not since it ended 4 months ago.
    const purchaseDate = yearsAgo(2, 4);
    const left = await customerWith(
      [
        { monthsAgo: 26, fen: 50_000 },
        { monthsAgo: 14, fen: 0, warrantyFen: 90_000 },
        { monthsAgo: 5, fen: 60_000 },
      ],
      { purchaseDate },
    );
    const ended = new Date(`${purchaseDate}T00:00:00Z`);
    ended.setUTCFullYear(ended.getUTCFullYear() + 2);
    const d = await segmentOf(left.customerId, 'manager');
    expect(d.valueClass).toBe('D');
    expect(d.segment.reasons).toEqual([`保修期 ${iso(ended)} 结束后未再到店`]);
    expect(d.segment.vehicleAgeClass).toBe('TWO_TO_FIVE_YEARS');
    expect(d.segment.churnRisk).toMatchObject({ level: 'HIGH', reason: `保修期 ${iso(ended)} 结束后未再到店` });
  });

  it('R-SEG-1 vehicle age: over 5 years; the VIN model year stands in for an unknown purchase date', async () => {
    const old = await customerWith([{ monthsAgo: 1, fen: 50_000 }], { purchaseDate: yearsAgo(6) });
    expect((await segmentOf(old.customerId)).segment.vehicleAgeClass).toBe('OVER_FIVE_YEARS');
    // The test VINs carry model year N = 2022: 4 years old, out of the default 2-year warranty.
    const unknown = await customerWith([{ monthsAgo: 1, fen: 50_000 }]);
    expect((await segmentOf(unknown.customerId)).segment.vehicleAgeClass).toBe('TWO_TO_FIVE_YEARS');
  });
});

describe('churn risk (R-SEG-4)', () => {
  it('R-SEG-4 no visit for over 6 months, seen by the nightly recompute as the injected clock moves on', async () => {
    const c = await customerWith([{ monthsAgo: 5, fen: 120_000 }]);
    expect((await segmentOf(c.customerId)).segment.churnRisk).toBeNull();
    const saved = clock.now();
    try {
      clock.set(new Date(saved.getTime() + 2 * MONTH));
      await taskList(app.server.services)['segmentation.nightly']({ storeId: app.storeId }, { attempt: 1, maxAttempts: 25 });
      const s = await segmentOf(c.customerId);
      expect(s.valueClass).toBe('D');
      expect(s.segment.churnRisk).toMatchObject({ level: 'MEDIUM', reason: '近 7 个月未到店' });
      // The next run is queued once, for 03:00 in the store's zone.
      const jobs = await sql<{ local: string }>(`select to_char(run_at at time zone 'Asia/Shanghai', 'HH24:MI') as local from graphile_worker.jobs where key = ?`, [`segmentation.nightly:${app.storeId}`]);
      expect(jobs).toEqual([{ local: '03:00' }]);
    } finally {
      clock.set(saved);
      await app.server.services.segmentation.recomputeStore(app.storeId);
    }
  });

  it('R-SEG-4 a complaint unresolved puts even an A-class customer at risk (durable consumer on the complaint events); the list gives the reason', async () => {
    const c = await customerWith([
      { monthsAgo: 1, fen: 200_000 },
      { monthsAgo: 3, fen: 200_000 },
      { monthsAgo: 6, fen: 200_000 },
    ]);
    expect((await segmentOf(c.customerId)).valueClass).toBe('A');
    const filed = await app.gql(
      `mutation($input: FileComplaintInput!) { fileComplaint(input: $input) { complaint { id } userErrors { code } } }`,
      { input: { customerId: c.customerId, words: '保养后异响', category: 'QUALITY', severity: 'NORMAL', channel: 'PHONE' } },
      { token: await app.login('cs') },
    );
    expect(filed.data.fileComplaint.userErrors).toEqual([]);
    await app.server.services.dispatcher.dispatch(app.storeId);
    const s = await segmentOf(c.customerId, 'cs');
    expect(s.segment.churnRisk).toEqual({ level: 'MEDIUM', reason: '有 1 件投诉未解决', reasons: ['有 1 件投诉未解决'] });
    const list = await app.gql(CHURN, { first: 100 }, { token: await app.login('cs') });
    const entry = list.data.churnRisk.edges.map((e: any) => e.node).find((n: any) => n.customer.id === c.customerId);
    expect(entry).toMatchObject({ customer: { valueClass: 'A' }, level: 'MEDIUM', reason: '有 1 件投诉未解决' });
    expect(Date.parse(entry.lastVisitAt)).toBe(ago(1).getTime());
    // The entry is a node of its own.
    const node = await app.gql(`query($id: ID!) { node(id: $id) { ... on ChurnRiskEntry { level customer { id } } } }`, { id: entry.id }, { token: await app.login('manager') });
    expect(node.data.node).toEqual({ level: 'MEDIUM', customer: { id: c.customerId } });
  });

  it('R-SEG-4 churnRisk pages cost a constant number of SQL statements, and page by cursor', async () => {
    for (let i = 0; i < 6; i++) await customerWith([{ monthsAgo: 9 + i, fen: 10_000 }]);
    const token = await app.login('manager');
    const count = async (first: number) => {
      app.sql.reset();
      const res = await app.gql(CHURN, { first }, { token });
      expect(res.errors).toBeUndefined();
      return { statements: app.sql.statements.length, res: res.data.churnRisk };
    };
    const small = await count(2);
    const large = await count(100);
    expect(large.res.edges.length).toBeGreaterThanOrEqual(6);
    expect(large.statements).toBe(small.statements);
    const next = await app.gql(CHURN, { first: 2, after: small.res.pageInfo.endCursor }, { token });
    expect(next.data.churnRisk.edges.map((e: any) => e.node.id)).toEqual(large.res.edges.slice(2, 4).map((e: any) => e.node.id));
    const high = await app.gql(CHURN, { first: 100, levels: ['HIGH'] }, { token });
    expect(high.data.churnRisk.edges.every((e: any) => e.node.level === 'HIGH')).toBe(true);
  });
});

/** Drives a new order of this vehicle through the API to DELIVERED (estimate, QC, settlement, delivery). */
async function deliverOrderOf(vehicleId: string) {
  const wo = await createWorkOrder(app, { vehicleId, promisedAt: new Date(clock.now().getTime() + 4 * 3_600_000).toISOString() });
  const steps: (() => Promise<any>)[] = [
    () => recordWalkAround(app, wo.id),
    () => move(app, 'advisor', wo.id, 'AWAITING_APPROVAL'),
    () => approveOneLineEstimate(app, wo.id),
    () => assign(app, wo.id, ['tech1'], 0),
    () => move(app, 'tech1', wo.id, 'IN_PROGRESS'),
    () => move(app, 'tech1', wo.id, 'QUALITY_CHECK'),
    () => passQualityCheck(app, wo.id),
    () => move(app, 'qc', wo.id, 'READY'),
    () => settle(app, wo.id),
    () => recordDelivery(app, wo.id),
    () => move(app, 'advisor', wo.id, 'DELIVERED'),
  ];
  for (const step of steps) {
    const res = await step();
    if (!res.workOrder) throw new Error(JSON.stringify(res));
  }
  return wo;
}

describe('recomputed when the history changes (R-SEG-3)', () => {
  it('R-SEG-3 a new settlement moves a B customer to A through the durable consumer; handling the event again changes nothing', async () => {
    const c = await customerWith([
      { monthsAgo: 2, fen: 160_000 },
      { monthsAgo: 5, fen: 160_000 },
      { monthsAgo: 8, fen: 160_000 },
    ]);
    expect((await segmentOf(c.customerId)).valueClass).toBe('B'); // ¥4,800 < ¥5,000
    await deliverOrderOf(c.vehicleId); // 1.5 h × ¥300 = ¥450
    await app.server.services.dispatcher.dispatch(app.storeId);
    const s = await segmentOf(c.customerId);
    expect(s.valueClass).toBe('A');
    expect(s.segment.reasons.slice(0, 2)).toEqual(['12 个月消费 ¥5,250', '12 个月到店 4 次（付费 4 次）']);
    const [row] = await sql<{ value_class: string; version: number }>('select value_class, version from customer where id = ?', [c.cid]);
    expect(row.value_class).toBe('A');
    const [before] = await sql('select value_class, reasons, tags, churn_level from customer_segment where customer_id = ?', [c.cid]);
    const event = await app.orm.em.fork().findOneOrFail(DomainEvent, { aggregateType: 'Settlement', kind: 'SETTLED', data: { customerId: c.cid } });
    await app.orm.em.fork().transactional((tx) => app.server.services.segmentation.onHistoryEvent(tx, event));
    const [after] = await sql('select value_class, reasons, tags, churn_level from customer_segment where customer_id = ?', [c.cid]);
    expect(after).toEqual(before);
    const [again] = await sql<{ version: number }>('select version from customer where id = ?', [c.cid]);
    expect(again.version).toBe(row.version); // the derived class never bumps the archive's version
  });
});

describe('recomputed when the vehicle archive changes (R-SEG-1/2)', () => {
  it('R-SEG-1/2 updateVehicle is an event: the consumer recomputes the vehicle-age class and the usage', async () => {
    const c = await customerWith([{ monthsAgo: 1, fen: 50_000 }]);
    expect((await segmentOf(c.customerId)).segment).toMatchObject({ vehicleAgeClass: 'TWO_TO_FIVE_YEARS', usage: 'PRIVATE' });
    const [{ version }] = await sql<{ version: number }>('select version from vehicle where id = ?', [c.vid]);
    const res = await app.gql(
      `mutation($input: UpdateVehicleInput!) { updateVehicle(input: $input) { vehicle { version } userErrors { code } } }`,
      { input: { id: c.vehicleId, expectedVersion: version, purchaseDate: yearsAgo(0, 6), usage: 'OFFICIAL' } },
      { token: await app.login('advisor') },
    );
    expect(res.data.updateVehicle).toEqual({ vehicle: { version: version + 1 }, userErrors: [] });
    await app.server.services.dispatcher.dispatch(app.storeId);
    expect((await segmentOf(c.customerId)).segment).toMatchObject({ vehicleAgeClass: 'IN_WARRANTY', usage: 'OFFICIAL', tagCodes: expect.arrayContaining(['NEW_CAR']) });
  });
});

describe('A-class priority (R-SEG-3)', () => {
  it('R-SEG-3 the wall’s VIP flag comes from the computed class', async () => {
    const vip = await customerWith([
      { monthsAgo: 1, fen: 300_000 },
      { monthsAgo: 4, fen: 300_000 },
      { monthsAgo: 9, fen: 300_000 },
    ]);
    const plain = await customerWith([{ monthsAgo: 1, fen: 30_000 }]);
    const promisedAt = new Date(clock.now().getTime() + 4 * 3_600_000).toISOString();
    const a = await createWorkOrder(app, { vehicleId: vip.vehicleId, promisedAt });
    const b = await createWorkOrder(app, { vehicleId: plain.vehicleId, promisedAt });
    const res = await app.gql(`{ board { cards { workOrder { id } flags } } }`, {}, { token: await app.login('foreman') });
    const flags = (id: string) => res.data.board.cards.find((card: any) => card.workOrder.id === id).flags;
    expect(flags(a.id)).toContain('VIP');
    expect(flags(b.id)).not.toContain('VIP');
  });

  it('R-SEG-3 A-class customers are offered and may book today’s slots, which others are not (same-day booking is off)', async () => {
    const vip = await customerWith([
      { monthsAgo: 1, fen: 300_000 },
      { monthsAgo: 4, fen: 300_000 },
      { monthsAgo: 9, fen: 300_000 },
    ]);
    const plain = await customerWith([{ monthsAgo: 1, fen: 30_000 }]);
    const token = await app.login('advisor');
    const slots = async (vehicleId: string) => (await app.gql(A.slots, { input: { vehicleId, from: clock.now().toISOString(), days: 2, jobs: MAINTENANCE_1H } }, { token })).data.availableSlots as { start: string }[];
    const today = (list: { start: string }[]) => list.filter((s) => s.start.slice(0, 10) === '2026-12-01' && Date.parse(s.start) < Date.parse(local('2026-12-02T00:00')));
    expect(today(await slots(vip.vehicleId)).length).toBeGreaterThan(0);
    expect(today(await slots(plain.vehicleId))).toEqual([]);
    const input = (c: { customerId: string; vehicleId: string }) => ({ customerId: c.customerId, vehicleId: c.vehicleId, slotStart: local('2026-12-01T14:00'), channel: 'PHONE', initiator: 'CUSTOMER', purpose: 'MAINTENANCE', customerWords: '做保养', jobs: MAINTENANCE_1H });
    const booked = await app.gql(A.book, { input: input(vip) }, { token });
    expect(booked.data.bookAppointment.userErrors).toEqual([]);
    const refused = await app.gql(A.book, { input: input(plain) }, { token });
    expect(refused.data.bookAppointment.userErrors.map((e: any) => e.code)).toEqual(['SAME_DAY_NOT_ALLOWED']);
  });
});

describe('behaviour points (R-SEG-5)', () => {
  it('R-SEG-5 awardPoints goes into the same ledger with its reason and actor, up to the daily cap (refused beyond it, nothing written); a new store day starts again', async () => {
    const { customerId } = await createCustomerAndVehicle(app);
    const advisor = await app.login('advisor');
    const award = async (points: number, reason: string, note?: string, token = advisor) => (await app.gql(AWARD, { input: { customerId, points, reason, note } }, { token })).data.awardPoints;
    expect(await award(50, 'CHECK_IN', '到店签到')).toEqual({ customer: { id: customerId, points: { balance: 50 } }, userErrors: [] });
    expect((await award(50, 'SHARE', undefined, await app.login('cs'))).customer.points.balance).toBe(100);
    const over = await award(10, 'CHECK_IN');
    expect(over.customer).toBeNull();
    expect(over.userErrors).toEqual([{ code: 'POINTS_DAILY_CAP_REACHED', field: ['input', 'points'], message: '今日行为积分已达上限 100（已得 100）' }]);
    const tooMany = await award(101, 'CHECK_IN');
    expect(tooMany.userErrors[0]).toMatchObject({ code: 'OUT_OF_RANGE', field: ['input', 'points'] });
    const read = await app.gql(LEDGER, { id: customerId }, { token: await app.login('manager') });
    expect(read.errors).toBeUndefined();
    const ledger = read.data.node.points;
    expect(ledger.balance).toBe(100);
    const entries = ledger.history.edges.map((e: any) => e.node);
    expect(entries.map(({ id: _, ...rest }: any) => rest)).toEqual([
      { delta: 50, reason: '行为积分：分享', behaviour: 'SHARE' },
      { delta: 50, reason: '行为积分：签到（到店签到）', behaviour: 'CHECK_IN' },
    ]);
    const by = async (id: string) => (await app.gql(`query($id: ID!) { node(id: $id) { ... on PointsEntry { recordedBy { id } } } }`, { id }, { token: await app.login('manager') })).data.node.recordedBy.id;
    expect([await by(entries[0].id), await by(entries[1].id)]).toEqual([toGlobalId('Staff', app.staffIds.cs), toGlobalId('Staff', app.staffIds.advisor)]);
    const saved = clock.now();
    try {
      clock.set(new Date(saved.getTime() + DAY));
      expect((await award(10, 'CHECK_IN')).customer.points.balance).toBe(110);
    } finally {
      clock.set(saved);
    }
  });

  it('R-SEG-5 roles: technicians and cashiers cannot award points; an unknown customer is NOT_FOUND', async () => {
    const { customerId } = await createCustomerAndVehicle(app);
    for (const who of ['tech1', 'cashier']) {
      const res = await app.gql(AWARD, { input: { customerId, points: 10, reason: 'CHECK_IN' } }, { token: await app.login(who) });
      expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    const missing = await app.gql(AWARD, { input: { customerId: toGlobalId('Customer', 999_999), points: 10, reason: 'CHECK_IN' } }, { token: await app.login('advisor') });
    expect(missing.data.awardPoints.userErrors[0].code).toBe('NOT_FOUND');
  });
});

describe('roles (R-SEG)', () => {
  it('R-SEG segment for the people who deal with customers; churn for managers and customer service only', async () => {
    const c = await customerWith([{ monthsAgo: 9, fen: 50_000 }]);
    expect((await segmentOf(c.customerId, 'tech1')).segment).toBeNull();
    expect((await segmentOf(c.customerId, 'advisor')).segment).toMatchObject({ valueClass: 'D', churnRisk: null });
    expect((await segmentOf(c.customerId, 'cs')).segment.churnRisk).toMatchObject({ level: 'MEDIUM' });
    for (const who of ['advisor', 'tech1', 'cashier']) {
      const res = await app.gql(CHURN, { first: 5 }, { token: await app.login(who) });
      expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    expect((await app.gql(CHURN, { first: 5 }, { token: await app.login('cs') })).errors).toBeUndefined();
  });

  it('R-SEG settings: managers change the thresholds (the store is recomputed on the job queue); others cannot', async () => {
    const q = `mutation($input: UpdateSegmentationSettingsInput!) { updateSegmentationSettings(input: $input) { settings { aMinSpendFen behaviourPointsDailyCap version } userErrors { code field } } }`;
    const denied = await app.gql(q, { input: { behaviourPointsDailyCap: 200 } }, { token: await app.login('advisor') });
    expect(denied.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const read = await app.gql(`{ segmentationSettings { aMinSpendFen lostAfterMonths behaviourPointsDailyCap aClassSameDay version } }`, {}, { token: await app.login('cs') });
    expect(read.data.segmentationSettings).toEqual({ aMinSpendFen: 500_000, lostAfterMonths: 6, behaviourPointsDailyCap: 100, aClassSameDay: true, version: 1 });
    const done = await app.gql(q, { input: { behaviourPointsDailyCap: 200, expectedVersion: 1 } }, { token: await app.login('manager') });
    expect(done.data.updateSegmentationSettings).toEqual({ settings: { aMinSpendFen: 500_000, behaviourPointsDailyCap: 200, version: 2 }, userErrors: [] });
    const [job] = await sql<{ n: number }>(`select count(*)::int as n from graphile_worker.jobs where task_identifier = 'segmentation.recompute'`);
    expect(job.n).toBe(1);
    const restored = await app.gql(q, { input: { behaviourPointsDailyCap: 100, expectedVersion: 2 } }, { token: await app.login('manager') });
    expect(restored.data.updateSegmentationSettings.userErrors).toEqual([]);
  });
});
