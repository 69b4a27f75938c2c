import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { move, recordDelivery } from './helpers/flows.js';
import { ADJUST_POINTS, CASH_DESK_Q, customerOf, finish, orderInProgressWith, POINTS, supplemental } from './helpers/cash-desk.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app?.stop());

const SETTINGS = `mutation($input: UpdateEstimateSettingsInput!) { updateEstimateSettings(input: $input) { settings { taxBasisPoints version } userErrors { code } } }`;

describe('the whole path: approved estimate → settlement (split payment, special invoice) → delivery (R-DEL-1..4, R-SEG-5, R-EST-6)', () => {
  it('charges approved lines only, warranty and insurance apart, 13 % tax per payer, discount and points, to the fen; then delivers', async () => {
    const manager = await app.login('manager');
    const current = (await app.gql(`query { estimateSettings { version } }`, {}, { token: manager })).data.estimateSettings.version;
    expect((await app.gql(SETTINGS, { input: { taxBasisPoints: 1300, expectedVersion: current } }, { token: manager })).data.updateEstimateSettings.userErrors).toEqual([]);

    const wo = await orderInProgressWith(app, [
      { kind: 'PART', description: '机油 5W-30', partNumber: 'G052195M4', partSource: 'OEM', quantity: 4.5, unitPriceFen: 6800 }, // 30 600
      { kind: 'LABOUR', description: '保养工时', skill: 'MAINTENANCE', standardHours: 1.5, hourlyRateFen: 30000 }, // 45 000
      { kind: 'FEE', description: '环保处理费', amountFen: 2000 }, // 2 000
      { kind: 'LABOUR', description: '更换水泵（索赔）', skill: 'ENGINE', standardHours: 2, hourlyRateFen: 30000, payer: 'WARRANTY' }, // 60 000
      { kind: 'PART', description: '前保险杠（保险）', partNumber: '5G0807221', partSource: 'OEM', quantity: 1, unitPriceFen: 120000, payer: 'INSURANCE' }, // 120 000
      { kind: 'PART', description: '雨刮片', partNumber: '5G1955425', partSource: 'OEM', quantity: 2, unitPriceFen: 9000, deferrable: true, risk: '雨天视线不清', decline: true }, // declined
    ]);
    await supplemental(app, wo.id, [{ kind: 'PART', description: '前刹车片', partNumber: '5Q0698151', partSource: 'OEM', quantity: 1, unitPriceFen: 35000 }], 'APPROVE'); // 35 000
    await supplemental(app, wo.id, [{ kind: 'PART', description: '空调滤芯', partNumber: '5Q0819653', partSource: 'OEM', quantity: 1, unitPriceFen: 18000 }], 'DECLINE');
    await finish(app, wo.id);

    const cashier = await app.login('cashier');
    const preview = (await app.gql(CASH_DESK_Q.preview, { id: wo.id }, { token: cashier })).data.settlementPreview;
    expect(preview.lines).toEqual([
      { description: '机油 5W-30', amountFen: 30600, payer: 'CUSTOMER' },
      { description: '保养工时', amountFen: 45000, payer: 'CUSTOMER' },
      { description: '环保处理费', amountFen: 2000, payer: 'CUSTOMER' },
      { description: '更换水泵（索赔）', amountFen: 60000, payer: 'WARRANTY' },
      { description: '前保险杠（保险）', amountFen: 120000, payer: 'INSURANCE' },
      { description: '前刹车片', amountFen: 35000, payer: 'CUSTOMER' },
    ]);
    // Customer: (77 600 + 10 088 tax) + (35 000 + 4 550 tax) = 127 238; warranty 60 000 + 7 800; insurance 120 000 + 15 600.
    expect(preview.totals).toEqual({ partsFen: 185600, labourFen: 105000, feesFen: 2000, discountFen: 0, pointsFen: 0, taxFen: 38038, totalFen: 330638, customerFen: 127238, warrantyFen: 67800, insuranceFen: 135600 });

    const customerId = await customerOf(app, wo.id);
    expect((await app.gql(ADJUST_POINTS, { input: { customerId, delta: 1500, reason: '会员签到' } }, { token: manager })).data.adjustPoints).toEqual({ points: { balance: 1500 }, userErrors: [] });

    const input = {
      workOrderId: wo.id,
      discountFen: 5000,
      discountReason: '延误补偿',
      pointsToRedeem: 1000, // 100 points = 1 元: 10 元
      payments: [
        { method: 'WECHAT_PAY', amountFen: 100000, reference: '4200001234' },
        { method: 'CASH', amountFen: 21238 },
      ],
      invoice: { kind: 'SPECIAL', companyName: '北京博远物流有限公司', taxId: '91350100M000100Y43' },
    };
    // R-DEL-1/2/4 and R-DEL-3 guards: neither a delivery record nor a settlement yet.
    expect((await move(app, 'advisor', wo.id, 'DELIVERED')).userErrors.map((e: { code: string }) => e.code)).toEqual(['DELIVERY_RECORD_REQUIRED']);

    const res = (await app.gql(CASH_DESK_Q.settle, { input }, { token: cashier })).data.settleWorkOrder;
    expect(res.userErrors).toEqual([]);
    expect(res.settlement.number).toMatch(/^JS\d{8}0001$/);
    expect(res.settlement.totals).toEqual({ partsFen: 185600, labourFen: 105000, feesFen: 2000, discountFen: 5000, pointsFen: 1000, taxFen: 38038, totalFen: 330638, customerFen: 121238, warrantyFen: 67800, insuranceFen: 135600 });
    const t = res.settlement.totals;
    expect(t.customerFen + t.warrantyFen + t.insuranceFen + t.discountFen + t.pointsFen).toBe(t.totalFen);
    expect(res.settlement.payments).toEqual([
      { method: 'WECHAT_PAY', amountFen: 100000, reference: '4200001234' },
      { method: 'CASH', amountFen: 21238, reference: null },
    ]);
    expect(res.settlement.invoice).toEqual({ kind: 'SPECIAL', companyName: '北京博远物流有限公司', taxId: '91350100M000100Y43' });
    expect(res.settlement.pointsRedeemed).toBe(1000);
    expect(res.settlement.pointsEarned).toBe(1212); // 1 point per whole 元 paid
    expect(res.workOrder.status).toBe('READY');

    // Still no delivery record.
    expect((await move(app, 'advisor', wo.id, 'DELIVERED')).userErrors.map((e: { code: string }) => e.code)).toEqual(['DELIVERY_RECORD_REQUIRED']);
    expect((await recordDelivery(app, wo.id)).userErrors).toEqual([]);
    const delivered = await move(app, 'advisor', wo.id, 'DELIVERED');
    expect(delivered.userErrors).toEqual([]);
    expect(delivered.workOrder.status).toBe('DELIVERED');

    const points = (await app.gql(POINTS, { id: customerId }, { token: manager })).data.node.points;
    expect(points.balance).toBe(1712);
    expect(points.history.edges.map((e: any) => [e.node.delta, e.node.reason, e.node.balanceAfter])).toEqual([
      [1212, `消费积分 ${res.settlement.number}`, 1712],
      [-1000, `结算抵扣 ${res.settlement.number}`, 500],
      [1500, '会员签到', 1500],
    ]);
  });
});
