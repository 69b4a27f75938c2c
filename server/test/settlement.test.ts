import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { move, recordDelivery, workOrderIn } from './helpers/flows.js';
import { ADJUST_POINTS, CASH_DESK_Q, customerOf, finish, orderInProgressWith, POINTS, supplemental } from './helpers/cash-desk.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

let app: TestApp;
beforeAll(async () => {
  // No worker: the durable consumers' background statements would be counted with the ones under test.
  app = await startTestApp({ config: { worker: false } });
});
afterAll(() => app?.stop());

const SETTLEMENT_OF = `query($id: ID!) { workOrder(id: $id) { settlement { id number totals { customerFen } reversal { reason } } } }`;
const REVERSE = `mutation($input: ReverseSettlementInput!) { reverseSettlement(input: $input) { reversal { reason reversedAt reversedBy { id } } userErrors { code field message } } }`;
const codes = (p: { userErrors: { code: string; field: string[] }[] }) => p.userErrors.map((e) => `${e.code}@${e.field.join('.')}`);
const token = (u: string) => app.login(u).then((t) => ({ token: t }));
const settleAs = async (as: string, input: Record<string, unknown>, locale?: string) => (await app.gql(CASH_DESK_Q.settle, { input }, { token: await app.login(as), locale })).data.settleWorkOrder;
const eventCount = async () => Number((await app.orm.em.fork().getConnection().execute(`select count(*) n from domain_event where store_id = ?`, [app.storeId]))[0].n);
const LINE = { kind: 'PART', description: '机油滤清器', partNumber: '04E115561H', partSource: 'OEM', quantity: 1, unitPriceFen: 8800 };

describe('R-DEL-3 / R-EST-6: only approved lines are ever charged', () => {
  it('the preview and the settlement leave out declined main lines, a declined supplemental and a pending one; an order in the workshop is not settled', async () => {
    const wo = await orderInProgressWith(app, [LINE, { ...LINE, description: '雨刮片', unitPriceFen: 9000, decline: true }], 2); // stays in bay 3
    await supplemental(app, wo.id, [{ ...LINE, description: '前刹车片', unitPriceFen: 35000 }], 'APPROVE');
    await supplemental(app, wo.id, [{ ...LINE, description: '空调滤芯', unitPriceFen: 18000 }], 'DECLINE');
    await supplemental(app, wo.id, [{ ...LINE, description: '火花塞', unitPriceFen: 12000 }], 'PENDING');
    const preview = (await app.gql(CASH_DESK_Q.preview, { id: wo.id }, await token('cashier'))).data.settlementPreview;
    expect(preview.lines.map((l: { description: string }) => l.description)).toEqual(['机油滤清器', '前刹车片']);
    expect(preview.totals.customerFen).toBe(43800);
    expect(codes(await settleAs('cashier', { workOrderId: wo.id, payments: [{ method: 'CASH', amountFen: 43800 }] }))).toEqual(['WORK_ORDER_NOT_SETTLEABLE@input.workOrderId']);
  });

  it('a settled order’s statement holds the approved lines only, even after the pending supplemental is declined and the car is READY', async () => {
    const wo = await orderInProgressWith(app, [LINE], 1);
    await supplemental(app, wo.id, [{ ...LINE, description: '空调滤芯', unitPriceFen: 18000 }], 'DECLINE');
    await finish(app, wo.id);
    const res = await settleAs('cashier', { workOrderId: wo.id, payments: [{ method: 'CARD', amountFen: 8800, reference: 'POS-1' }] });
    expect(res.userErrors).toEqual([]);
    expect(res.settlement.lines).toEqual([{ description: '机油滤清器', amountFen: 8800, payer: 'CUSTOMER' }]);
  });
});

describe('R-DEL-3: refusals write nothing', () => {
  it('discount over the store limit needs a manager (DISCOUNT_NEEDS_MANAGER); a discount needs a reason; payments must add up; a special invoice needs a company and a valid code', async () => {
    const wo = await workOrderIn(app, 'READY'); // one line: 45 000 fen
    const before = await eventCount();
    const pay = (amountFen: number) => [{ method: 'ALIPAY', amountFen }];
    expect(codes(await settleAs('cashier', { workOrderId: wo.id, discountFen: 10001, discountReason: '老客户', payments: pay(34999) }))).toEqual(['DISCOUNT_NEEDS_MANAGER@input.discountFen']);
    expect(codes(await settleAs('cashier', { workOrderId: wo.id, discountFen: 100, payments: pay(44900) }))).toEqual(['DISCOUNT_REASON_REQUIRED@input.discountReason']);
    expect(codes(await settleAs('cashier', { workOrderId: wo.id, discountFen: 45001, discountReason: '全免', payments: [] }, undefined))).toEqual(['DISCOUNT_EXCEEDS_AMOUNT@input.discountFen']);
    expect(codes(await settleAs('cashier', { workOrderId: wo.id, payments: [{ method: 'CASH', amountFen: 40000 }, { method: 'WECHAT_PAY', amountFen: 4999 }] }))).toEqual(['PAYMENTS_DO_NOT_ADD_UP@input.payments']);
    expect(codes(await settleAs('cashier', { workOrderId: wo.id, payments: pay(45000), invoice: { kind: 'SPECIAL', taxId: '91350100M000100Y44' } }))).toEqual(['REQUIRED@input.invoice.companyName', 'INVALID_TAX_ID@input.invoice.taxId']);
    expect(codes(await settleAs('cashier', { workOrderId: wo.id, payments: pay(45000), invoice: { kind: 'SPECIAL', companyName: '北京博远物流有限公司' } }))).toEqual(['REQUIRED@input.invoice.taxId']);
    expect(codes(await settleAs('cashier', { workOrderId: wo.id, payments: pay(45000), pointsToRedeem: 100 }))).toEqual(['POINTS_EXCEED_BALANCE@input.pointsToRedeem']);
    expect(codes(await settleAs('cashier', { workOrderId: wo.id, payments: pay(0) }))).toEqual(['OUT_OF_RANGE@input.payments.0.amountFen']);
    const en = await settleAs('cashier', { workOrderId: wo.id, payments: pay(1) }, 'en');
    expect(en.userErrors[0].message).toBe('Payments add up to 1 fen but 45000 fen is due; they must be equal');
    expect(await eventCount()).toBe(before);
    expect((await app.gql(SETTLEMENT_OF, { id: wo.id }, await token('manager'))).data.workOrder.settlement).toBeNull();
    // A manager may give the bigger discount.
    const res = await settleAs('manager', { workOrderId: wo.id, discountFen: 10001, discountReason: '重大延误补偿', payments: pay(34999), invoice: { kind: 'ORDINARY' } });
    expect(res.userErrors).toEqual([]);
    expect(res.settlement.totals).toMatchObject({ totalFen: 45000, discountFen: 10001, customerFen: 34999 });
    expect(codes(await settleAs('manager', { workOrderId: wo.id, payments: pay(45000) }))).toEqual(['ALREADY_SETTLED@input.workOrderId']);
  });

  it('roles: an advisor or a technician cannot settle', async () => {
    const wo = await workOrderIn(app, 'READY');
    for (const who of ['advisor', 'tech1']) {
      const res = await app.gql(CASH_DESK_Q.settle, { input: { workOrderId: wo.id, payments: [{ method: 'CASH', amountFen: 45000 }] } }, await token(who));
      expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
  });
});

describe('R-DEL-3: READY → DELIVERED needs a settlement (SETTLEMENT_REQUIRED)', () => {
  it('for every actor, also with the delivery recorded', async () => {
    const wo = await workOrderIn(app, 'READY');
    expect((await recordDelivery(app, wo.id)).userErrors).toEqual([]);
    for (const who of ['advisor', 'manager', 'admin']) expect((await move(app, who, wo.id, 'DELIVERED')).userErrors.map((e: { code: string }) => e.code)).toEqual(['SETTLEMENT_REQUIRED']);
  });
});

describe('R-DEL-3: numbered, immutable, corrected by a reversal and a new settlement', () => {
  it('numbers per store and day without gaps when settled concurrently', async () => {
    const orders = [];
    for (let i = 0; i < 4; i++) orders.push(await workOrderIn(app, 'READY'));
    const results = await Promise.all(orders.map((wo) => settleAs('cashier', { workOrderId: wo.id, payments: [{ method: 'CASH', amountFen: 45000 }] })));
    const numbers = results.map((r) => r.settlement.number as string).sort();
    const seqs = numbers.map((n) => Number(n.slice(-4)));
    for (let i = 1; i < seqs.length; i++) expect(seqs[i]).toBe(seqs[i - 1] + 1);
    expect(numbers[0]).toMatch(/^JS\d{8}\d{4}$/);
  });

  it('the database refuses to change or delete a settlement, its reversal or a points entry', async () => {
    const wo = await workOrderIn(app, 'READY');
    await settleAs('cashier', { workOrderId: wo.id, payments: [{ method: 'CASH', amountFen: 45000 }] });
    const conn = app.orm.em.fork().getConnection();
    await expect(conn.execute(`update settlement set customer_fen = 1`)).rejects.toThrow();
    await expect(conn.execute(`delete from settlement`)).rejects.toThrow();
    await expect(conn.execute(`update points_entry set delta = 0`)).rejects.toThrow();
  });

  it('a manager reverses with a reason; points go back; the order is settled again with a new number (a cashier cannot reverse)', async () => {
    const wo = await workOrderIn(app, 'READY');
    const customerId = await customerOf(app, wo.id);
    await app.gql(ADJUST_POINTS, { input: { customerId, delta: 2000, reason: '分享有礼' } }, await token('manager'));
    const first = await settleAs('cashier', { workOrderId: wo.id, pointsToRedeem: 2000, payments: [{ method: 'CASH', amountFen: 43000 }] });
    expect(first.userErrors).toEqual([]);
    expect(first.settlement.pointsEarned).toBe(430);
    expect((await app.gql(POINTS, { id: customerId }, await token('manager'))).data.node.points.balance).toBe(430);

    const byCashier = await app.gql(REVERSE, { input: { settlementId: first.settlement.id, reason: '金额有误' } }, await token('cashier'));
    expect(byCashier.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const reversed = (await app.gql(REVERSE, { input: { settlementId: first.settlement.id, reason: '支付方式录错' } }, await token('manager'))).data.reverseSettlement;
    expect(reversed.userErrors).toEqual([]);
    expect(reversed.reversal.reason).toBe('支付方式录错');
    expect(codes((await app.gql(REVERSE, { input: { settlementId: first.settlement.id, reason: '再次' } }, await token('manager'))).data.reverseSettlement)).toEqual(['ALREADY_REVERSED@input.settlementId']);
    expect((await app.gql(POINTS, { id: customerId }, await token('manager'))).data.node.points.balance).toBe(2000);
    expect((await app.gql(SETTLEMENT_OF, { id: wo.id }, await token('cashier'))).data.workOrder.settlement).toBeNull();

    const second = await settleAs('cashier', { workOrderId: wo.id, payments: [{ method: 'WECHAT_PAY', amountFen: 45000 }] });
    expect(second.userErrors).toEqual([]);
    expect(second.settlement.number).not.toBe(first.settlement.number);
    const now = (await app.gql(SETTLEMENT_OF, { id: wo.id }, await token('cashier'))).data.workOrder.settlement;
    expect(now).toMatchObject({ id: second.settlement.id, totals: { customerFen: 45000 }, reversal: null });
  });
});

describe('R-SEG-5: points', () => {
  it('the balance never goes negative, even with 10 concurrent redemptions; every entry has its reason', async () => {
    const wo = await workOrderIn(app, 'QUEUED');
    const customerId = await customerOf(app, wo.id);
    const manager = await token('manager');
    expect((await app.gql(ADJUST_POINTS, { input: { customerId, delta: 500, reason: '签到' } }, manager)).data.adjustPoints.userErrors).toEqual([]);
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => app.gql(ADJUST_POINTS, { input: { customerId, delta: -100, reason: `兑换礼品 ${i}` } }, manager)));
    const outcome = results.map((r) => r.data.adjustPoints.userErrors[0]?.code ?? 'OK');
    expect(outcome.filter((c) => c === 'OK')).toHaveLength(5);
    expect(outcome.filter((c) => c === 'POINTS_EXCEED_BALANCE')).toHaveLength(5);
    const points = (await app.gql(POINTS, { id: customerId }, manager)).data.node.points;
    expect(points.balance).toBe(0);
    expect(points.history.totalCount).toBe(6);
    expect(points.history.edges.every((e: any) => e.node.reason && e.node.balanceAfter >= 0)).toBe(true);
    expect(codes((await app.gql(ADJUST_POINTS, { input: { customerId, delta: -1, reason: '测试' } }, manager)).data.adjustPoints)).toEqual(['POINTS_EXCEED_BALANCE@input.delta']);
  });

  it('points cannot cover more than the customer owes (POINTS_EXCEED_AMOUNT)', async () => {
    const wo = await workOrderIn(app, 'READY');
    const customerId = await customerOf(app, wo.id);
    await app.gql(ADJUST_POINTS, { input: { customerId, delta: 50000, reason: '老客户回馈' } }, await token('manager'));
    expect(codes(await settleAs('cashier', { workOrderId: wo.id, pointsToRedeem: 45001, payments: [] }))).toEqual(['POINTS_EXCEED_AMOUNT@input.pointsToRedeem']);
    const all = await settleAs('cashier', { workOrderId: wo.id, pointsToRedeem: 45000, payments: [] });
    expect(all.userErrors).toEqual([]);
    expect(all.settlement.totals.customerFen).toBe(0);
    expect(all.settlement.pointsEarned).toBe(0);
  });
});

/** A catalog part in stock (R-WO-5), issued to the order's first job by the parts clerk. */
async function issueNewPart(workOrderId: string, n: number) {
  const parts = await token('parts');
  const created = await app.gql(`mutation($input: CreatePartInput!) { createPart(input: $input) { part { id } } }`, { input: { partNumber: `ST${Date.now().toString(36).toUpperCase()}${n}`, name: `配件 ${n}`, source: 'OEM', unitPriceFen: 1000 + n } }, parts);
  const partId = created.data.createPart.part.id;
  await app.gql(`mutation($input: ReceiveStockInput!) { receiveStock(input: $input) { userErrors { code } } }`, { input: { partId, quantity: 2 } }, parts);
  const jobId = (await app.gql(`query($id: ID!) { workOrder(id: $id) { jobs { id } } }`, { id: workOrderId }, parts)).data.workOrder.jobs[0].id;
  const issued = await app.gql(`mutation($input: IssuePartsInput!) { issueParts(input: $input) { userErrors { code } } }`, { input: { workOrderId, jobId, lines: [{ partId, quantity: 2 }] } }, parts);
  expect(issued.data.issueParts.userErrors).toEqual([]);
}

describe('settlementPreview reads with a constant number of SQL statements', () => {
  it('1 line or 30 lines, 1 issued part or 12, the same statements', async () => {
    const one = await orderInProgressWith(app, [LINE], 0);
    const thirty = await orderInProgressWith(app, Array.from({ length: 30 }, (_, i) => ({ ...LINE, description: `配件 ${i + 1}`, unitPriceFen: 1000 + i })), 1);
    await issueNewPart(one.id, 0);
    for (let i = 1; i <= 12; i++) await issueNewPart(thirty.id, i);
    const cashier = await token('cashier');
    const count = async (id: string) => {
      const query = CASH_DESK_Q.preview.replace('pointsAvailable', 'pointsAvailable issuedParts { partNumber issuedQuantity coveredQuantity uncoveredAmountFen }');
      await app.gql(query, { id }, cashier); // warm the session
      app.sql.reset();
      const res = await app.gql(query, { id }, cashier);
      expect(res.errors).toBeUndefined();
      return { n: app.sql.statements.length, lines: res.data.settlementPreview.lines.length, issued: res.data.settlementPreview.issuedParts.length };
    };
    const a = await count(one.id);
    const b = await count(thirty.id);
    expect(a.lines).toBe(1);
    expect(b.lines).toBe(30);
    expect([a.issued, b.issued]).toEqual([1, 12]);
    expect(b.n).toBe(a.n);
    expect(a.n).toBeLessThanOrEqual(8);
  });
});
