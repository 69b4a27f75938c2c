import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASH_DESK_Q } from './helpers/flows.js';
import { finish, orderInProgressWith } from './helpers/cash-desk.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app?.stop());

const hasPdftotext = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
if (!hasPdftotext) console.warn('PDFTOTEXT (poppler-utils) IS NOT INSTALLED: THE PRINTED-DOCUMENT TESTS ARE SKIPPED');

const DOCS = `query($id: ID!) { workOrder(id: $id) { number documents { repairOrderUrl settlementUrl } vehicle { plate } } }`;
const fetchPdf = async (url: string) => {
  const u = new URL(url);
  const res = await fetch(new URL(`${u.pathname}${u.search}`, app.url));
  return { status: res.status, type: res.headers.get('content-type'), bytes: Buffer.from(await res.arrayBuffer()) };
};
const textOf = (pdf: Buffer) => {
  const file = path.join(os.tmpdir(), `workbay-doc-${process.pid}-${Math.random().toString(36).slice(2)}.pdf`);
  fs.writeFileSync(file, pdf);
  try {
    return { text: execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }), fonts: execFileSync('pdffonts', [file], { encoding: 'utf8' }), info: execFileSync('pdfinfo', [file], { encoding: 'utf8' }) };
  } finally {
    fs.rmSync(file, { force: true });
  }
};

describe.skipIf(!hasPdftotext)('printed documents (issue 8): 维修委托书 and 结算单 as A4 PDFs with an embedded Chinese font', () => {
  it('render the approved lines, the signatures, the totals to the fen, the payments and the invoice; a tampered link is refused', async () => {
    const wo = await orderInProgressWith(app, [
      { kind: 'PART', description: '机油滤清器', partNumber: '04E115561H', partSource: 'OEM', quantity: 1, unitPriceFen: 8800 },
      { kind: 'LABOUR', description: '保养工时', skill: 'MAINTENANCE', standardHours: 1.5, hourlyRateFen: 30000 },
      { kind: 'PART', description: '雨刮片', partNumber: '5G1955425', partSource: 'OEM', quantity: 2, unitPriceFen: 9000, deferrable: true, risk: '雨天视线不清', decline: true },
    ]);
    await finish(app, wo.id);
    const advisor = await app.login('advisor');
    const before = (await app.gql(DOCS, { id: wo.id }, { token: advisor })).data.workOrder;
    expect(before.documents.settlementUrl).toBeNull();

    const repair = await fetchPdf(before.documents.repairOrderUrl);
    expect(repair.status).toBe(200);
    expect(repair.type).toBe('application/pdf');
    const r = textOf(repair.bytes);
    expect(r.info).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
    expect(r.fonts).toMatch(/NotoSansCJKsc-Regular\s+CID Type 0C\s+Identity-H\s+yes\s+yes/); // embedded, subset
    for (const s of ['维修委托书', before.number, before.vehicle.plate, '机油滤清器', '88.00', '保养工时', '450.00', '538.00', '报价确认', '环车检查']) expect(r.text).toContain(s);
    expect(r.text).not.toContain('雨刮片'); // declined: never on the order's charges

    const cashier = await app.login('cashier');
    const settled = (
      await app.gql(
        CASH_DESK_Q.settle,
        { input: { workOrderId: wo.id, discountFen: 800, discountReason: '会员优惠', payments: [{ method: 'WECHAT_PAY', amountFen: 50000, reference: '4200009999' }, { method: 'CASH', amountFen: 3000 }], invoice: { kind: 'SPECIAL', companyName: '北京博远物流有限公司', taxId: '91350100M000100Y43' } } },
        { token: cashier },
      )
    ).data.settleWorkOrder;
    expect(settled.userErrors).toEqual([]);
    const after = (await app.gql(DOCS, { id: wo.id }, { token: cashier })).data.workOrder;
    const statement = await fetchPdf(after.documents.settlementUrl);
    expect(statement.status).toBe(200);
    const s = textOf(statement.bytes);
    for (const t of ['结算单', settled.settlement.number, '机油滤清器', '合计：538.00 元', '优惠：8.00 元', '客户实付：530.00 元', '微信支付：500.00 元', '4200009999', '现金：30.00 元', '增值税专用发票', '北京博远物流有限公司', '91350100M000100Y43', '会员优惠']) expect(s.text).toContain(t);
    expect(s.text).not.toContain('雨刮片');

    // A tampered link is refused.
    const tampered = after.documents.settlementUrl.replace(/signature=[^&]+/, 'signature=AAAA');
    expect((await fetchPdf(tampered)).status).toBe(403);
    // Technicians do not get the links.
    const tech = await app.gql(DOCS, { id: wo.id }, { token: await app.login('tech1') });
    expect(tech.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
