import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbId } from '../src/graphql/global-id.js';
import { createWalkedAroundOrder, ESTIMATE_Q, move, versionOf } from './helpers/flows.js';
import { collect } from './helpers/subscriptions.js';
import { CREATE_UPLOAD, uploadImage } from './helpers/uploads.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app?.stop());

const FIELDS = `id status version supplemental taxBasisPoints
  lines { id kind description partNumber partSource quantity unitPriceFen skill standardHours hourlyRateFen amountFen payer alternativeGroup tradeOff deferrable risk decision }
  totals { partsFen labourFen feesFen taxFen totalFen customerFen warrantyFen insuranceFen }
  approvals { id method approvedAt approverName totalFen note estimateVersion approvedBy { id } lines { id } deferredLines { id } }`;
const SAVE = `mutation($input: SaveEstimateInput!) { saveEstimate(input: $input) { estimate { ${FIELDS} } userErrors { code field message } } }`;
const APPROVE = `mutation($input: ApproveEstimateInput!) { approveEstimate(input: $input) { estimate { ${FIELDS} } workOrder { id status version } userErrors { code field message } } }`;
const BY_LINK = `mutation($input: ApproveEstimateByLinkInput!) { approveEstimateByLink(input: $input) { progress { status pendingEstimate { id } } userErrors { code field message } } }`;
const TRACK = `query($token: String!) { trackWorkOrder(token: $token) { status pendingEstimate { id version supplemental lines { id kind description quantity unitPriceFen standardHours amountFen payer alternativeGroup tradeOff deferrable risk } totals { totalFen customerFen } } } }`;
const ESTIMATE = `query($id: ID!) { estimate(id: $id) { ${FIELDS} } }`;
const tokenOf = (trackingUrl: string) => trackingUrl.split('/t/')[1];

/** The contract's SaveEstimate lines: two alternative tensioners, engine labour, deferrable brake pads, consumables. */
const CONTRACT_LINES = [
  { kind: 'PART', partNumber: '06K109467K', description: '正时链条张紧器（原厂）', quantity: 1, unitPriceFen: 68000, partSource: 'OEM', payer: 'CUSTOMER', alternativeGroup: 'tensioner' },
  { kind: 'PART', partNumber: 'AM-109467', description: '正时链条张紧器（品牌件）', quantity: 1, unitPriceFen: 39000, partSource: 'AFTERMARKET', payer: 'CUSTOMER', alternativeGroup: 'tensioner', tradeOff: '质保 6 个月' },
  { kind: 'LABOUR', description: '更换正时链条套件', skill: 'ENGINE', standardHours: 4.5, hourlyRateFen: 32000, payer: 'CUSTOMER' },
  { kind: 'LABOUR', description: '更换前刹车片', skill: 'CHASSIS', standardHours: 1, hourlyRateFen: 32000, payer: 'CUSTOMER', deferrable: true, risk: '刹车片剩 3 mm，建议一个月内更换' },
  { kind: 'FEE', description: '辅料', amountFen: 2000, payer: 'CUSTOMER' },
];

async function as(username: string) {
  return { token: await app.login(username) };
}

async function save(workOrderId: string, lines: unknown[] = CONTRACT_LINES, extra: Record<string, unknown> = {}, user = 'advisor') {
  return (await app.gql(SAVE, { input: { workOrderId, lines, ...extra } }, await as(user))).data?.saveEstimate;
}

/** A work order with the contract's estimate sent to the customer (order AWAITING_APPROVAL). */
async function sentEstimate() {
  const wo = await createWalkedAroundOrder(app);
  const saved = await save(wo.id);
  const sent = (await app.gql(ESTIMATE_Q.send, { input: { estimateId: saved.estimate.id, expectedVersion: saved.estimate.version } }, await as('advisor'))).data.sendEstimate;
  expect(sent.userErrors).toEqual([]);
  const estimate = (await app.gql(ESTIMATE, { id: saved.estimate.id }, await as('advisor'))).data.estimate;
  return { wo, estimate, lineIds: estimate.lines.map((l: { id: string }) => l.id) as string[] };
}

async function snapshot(workOrderId: string, estimateId: string) {
  const em = app.orm.em.fork();
  const [row] = await em.execute(
    `select (select version from estimate where id = ?) as ev, (select status from estimate where id = ?) as es, (select count(*) from estimate_approval where estimate_id = ?)::int as approvals,
            (select status from work_order where id = ?) as wo, (select count(*) from carried_over_item ci join work_order w on w.vehicle_id = ci.vehicle_id where w.id = ?)::int as carried,
            (select max(seq) from domain_event where store_id = ?) as seq`,
    [dbId(estimateId, 'Estimate'), dbId(estimateId, 'Estimate'), dbId(estimateId, 'Estimate'), dbId(workOrderId, 'WorkOrder'), dbId(workOrderId, 'WorkOrder'), app.storeId],
  );
  return row;
}

describe('R-EST-2: saveEstimate itemises parts, labour and fees; amounts and totals are derived by the server', () => {
  it('derives each line amount and the totals; of an alternative group only the first line counts', async () => {
    const wo = await createWalkedAroundOrder(app);
    const res = await save(wo.id);
    expect(res.userErrors).toEqual([]);
    const e = res.estimate;
    expect(e).toMatchObject({ status: 'DRAFT', version: 1, supplemental: false, taxBasisPoints: 0 });
    expect(e.lines.map((l: { amountFen: number }) => l.amountFen)).toEqual([68000, 39000, 144000, 32000, 2000]);
    expect(e.lines[0]).toMatchObject({ kind: 'PART', partNumber: '06K109467K', partSource: 'OEM', quantity: 1, unitPriceFen: 68000, decision: 'PENDING', alternativeGroup: 'tensioner' });
    expect(e.lines[2]).toMatchObject({ kind: 'LABOUR', skill: 'ENGINE', standardHours: 4.5, hourlyRateFen: 32000 });
    expect(e.lines[3]).toMatchObject({ deferrable: true, risk: '刹车片剩 3 mm，建议一个月内更换' });
    // The OEM tensioner (first of its group) counts, the aftermarket one is shown beside it.
    expect(e.totals).toEqual({ partsFen: 68000, labourFen: 176000, feesFen: 2000, taxFen: 0, totalFen: 246000, customerFen: 246000, warrantyFen: 0, insuranceFen: 0 });
    const [event] = await app.orm.em.fork().execute(`select kind, data from domain_event where aggregate_type = 'Estimate' and aggregate_id = ? order by seq`, [dbId(e.id, 'Estimate')]);
    expect(event).toMatchObject({ kind: 'ESTIMATE_SAVED', data: { workOrderId: dbId(wo.id, 'WorkOrder'), totalFen: 246000, version: 1 } });
  });

  it('fractional quantities and hours round half up to the fen; tax follows the store setting, per payer', async () => {
    const manager = await as('manager');
    const settings = (await app.gql(`{ estimateSettings { taxBasisPoints version } }`, {}, manager)).data.estimateSettings;
    expect(settings.taxBasisPoints).toBe(0);
    const set = await app.gql(`mutation($input: UpdateEstimateSettingsInput!) { updateEstimateSettings(input: $input) { settings { taxBasisPoints version } userErrors { code } } }`, { input: { taxBasisPoints: 1300, expectedVersion: settings.version } }, manager);
    expect(set.data.updateEstimateSettings.settings.taxBasisPoints).toBe(1300);
    try {
      const wo = await createWalkedAroundOrder(app);
      const res = await save(wo.id, [
        { kind: 'PART', partNumber: 'G052195M2', description: '机油 5W-30', quantity: 4.5, unitPriceFen: 8333, partSource: 'OEM' }, // 37498.5 → 37499
        { kind: 'LABOUR', description: '保养', skill: 'MAINTENANCE', standardHours: 0.75, hourlyRateFen: 30001 }, // 22500.75 → 22501
        { kind: 'FEE', description: '保险理赔服务费', amountFen: 1001, payer: 'INSURANCE' },
      ]);
      expect(res.userErrors).toEqual([]);
      expect(res.estimate.lines.map((l: { amountFen: number }) => l.amountFen)).toEqual([37499, 22501, 1001]);
      // Customer: 60000 net + 7800 tax; insurance: 1001 net + 130.13 → 130 tax.
      expect(res.estimate.totals).toEqual({ partsFen: 37499, labourFen: 22501, feesFen: 1001, taxFen: 7930, totalFen: 68931, customerFen: 67800, warrantyFen: 0, insuranceFen: 1131 });
      expect(res.estimate.taxBasisPoints).toBe(1300);
    } finally {
      const now = (await app.gql(`{ estimateSettings { version } }`, {}, manager)).data.estimateSettings;
      await app.gql(`mutation($input: UpdateEstimateSettingsInput!) { updateEstimateSettings(input: $input) { userErrors { code } } }`, { input: { taxBasisPoints: 0, expectedVersion: now.version } }, manager);
    }
  });

  it('refuses typed amounts for parts and labour, missing fields and bad numbers, and writes nothing', async () => {
    const wo = await createWalkedAroundOrder(app);
    const before = await app.orm.em.fork().execute(`select count(*)::int as n from estimate`);
    const res = await save(wo.id, [
      { kind: 'PART', partNumber: 'X1', description: '滤清器', quantity: 1, unitPriceFen: 100, partSource: 'OEM', amountFen: 50 },
      { kind: 'LABOUR', description: '工时', skill: 'ENGINE', standardHours: 1.234, hourlyRateFen: 100 },
      { kind: 'FEE', description: '辅料' },
      { kind: 'PART', description: '无编号', quantity: -1, unitPriceFen: 100, partSource: 'OEM' },
      { kind: 'FEE', description: '暂缓费', amountFen: 100, deferrable: true },
    ]);
    expect(res.estimate).toBeNull();
    expect(res.userErrors.map((e: { code: string; field: string[] }) => `${e.code}@${e.field.join('.')}`)).toEqual([
      'LINE_FIELD_NOT_APPLICABLE@input.lines.0.amountFen',
      'TOO_MANY_DECIMALS@input.lines.1.standardHours',
      'REQUIRED@input.lines.2.amountFen',
      'REQUIRED@input.lines.3.partNumber',
      'OUT_OF_RANGE@input.lines.3.quantity',
      'REQUIRED@input.lines.4.risk',
    ]);
    expect(await app.orm.em.fork().execute(`select count(*)::int as n from estimate`)).toEqual(before);
  });

  it('amounts stay within bounds: a line above 1 000 000 元 or an estimate above 10 000 000 元 is refused (never a 500)', async () => {
    const wo = await createWalkedAroundOrder(app);
    const big = await save(wo.id, [{ kind: 'PART', partNumber: 'X', description: '整车', quantity: 9999, unitPriceFen: 100_000_000, partSource: 'OEM' }]);
    expect(big.userErrors.map((e: { code: string; field: string[] }) => `${e.code}@${e.field.join('.')}`)).toEqual(['AMOUNT_TOO_LARGE@input.lines.0.quantity']);
    const many = await save(wo.id, Array.from({ length: 11 }, () => ({ kind: 'FEE', description: '大额费用', amountFen: 100_000_000 })));
    expect(many.userErrors.map((e: { code: string; field: string[] }) => `${e.code}@${e.field.join('.')}`)).toEqual(['AMOUNT_TOO_LARGE@input.lines']);
  });

  it('a DRAFT is edited with expectedVersion (STALE_VERSION otherwise); a new estimate supersedes the open one', async () => {
    const wo = await createWalkedAroundOrder(app);
    const first = (await save(wo.id)).estimate;
    const edited = await save(wo.id, CONTRACT_LINES.slice(2), { estimateId: first.id, expectedVersion: 1 });
    expect(edited.userErrors).toEqual([]);
    expect(edited.estimate).toMatchObject({ id: first.id, version: 2, status: 'DRAFT' });
    expect(edited.estimate.lines).toHaveLength(3);
    const stale = await save(wo.id, CONTRACT_LINES, { estimateId: first.id, expectedVersion: 1 });
    expect(stale.userErrors).toEqual([expect.objectContaining({ code: 'STALE_VERSION', field: ['input', 'expectedVersion'] })]);
    expect((await app.gql(ESTIMATE, { id: first.id }, await as('advisor'))).data.estimate.version).toBe(2);
    const missing = await save(wo.id, CONTRACT_LINES, { estimateId: first.id });
    expect(missing.userErrors.map((e: { code: string }) => e.code)).toEqual(['REQUIRED']);

    const second = (await save(wo.id)).estimate;
    expect((await app.gql(ESTIMATE, { id: first.id }, await as('advisor'))).data.estimate).toMatchObject({ status: 'SUPERSEDED', version: 3 });
    const list = await app.gql(`query($id: ID!) { workOrder(id: $id) { estimates { id status } } }`, { id: wo.id }, await as('advisor'));
    expect(list.data.workOrder.estimates).toEqual([{ id: first.id, status: 'SUPERSEDED' }, { id: second.id, status: 'DRAFT' }]);
  });

  it('only advisors and managers write estimates; the order must still be before its approval', async () => {
    const wo = await createWalkedAroundOrder(app);
    const res = await app.gql(SAVE, { input: { workOrderId: wo.id, lines: CONTRACT_LINES } }, await as('tech1'));
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await save(wo.id, CONTRACT_LINES, {}, 'manager')).userErrors).toEqual([]);
    await move(app, 'advisor', wo.id, 'CANCELLED');
    expect((await save(wo.id)).userErrors.map((e: { code: string }) => e.code)).toEqual(['ORDER_NOT_ESTIMATING']);
  });
});

describe('sendEstimate: SENT, and the order moves to AWAITING_APPROVAL through the transitions table', () => {
  it('moves a DRAFT order in the same transaction and records both events; a sent estimate is no longer editable', async () => {
    const wo = await createWalkedAroundOrder(app);
    const saved = (await save(wo.id)).estimate;
    const res = (await app.gql(ESTIMATE_Q.send, { input: { estimateId: saved.id, expectedVersion: 1 } }, await as('advisor'))).data.sendEstimate;
    expect(res.userErrors).toEqual([]);
    expect(res.estimate).toMatchObject({ status: 'SENT', version: 2 });
    expect(res.workOrder).toMatchObject({ status: 'AWAITING_APPROVAL', version: 3 }); // 2: its walk-around (R-REC-3)
    const rows: { aggregate_type: string; kind: string }[] = await app.orm.em.fork().execute(`select aggregate_type, kind, data from domain_event where store_id = ? order by seq desc limit 2`, [app.storeId]);
    expect(rows.map((r: { aggregate_type: string; kind: string }) => `${r.aggregate_type}:${r.kind}`)).toEqual(['WorkOrder:TRANSITIONED', 'Estimate:ESTIMATE_SENT']);
    const edit = await save(wo.id, CONTRACT_LINES, { estimateId: saved.id, expectedVersion: 2 });
    expect(edit.userErrors.map((e: { code: string }) => e.code)).toEqual(['ESTIMATE_NOT_EDITABLE']);
    const again = (await app.gql(ESTIMATE_Q.send, { input: { estimateId: saved.id, expectedVersion: 2 } }, await as('advisor'))).data.sendEstimate;
    expect(again.userErrors.map((e: { code: string }) => e.code)).toEqual(['ESTIMATE_NOT_DRAFT']);
  });
});

describe('R-EST-4: work starts only after the customer approves', () => {
  it('R-EST-4: AWAITING_APPROVAL → QUEUED is refused without an approval (APPROVAL_REQUIRED), and nothing is written', async () => {
    const wo = await createWalkedAroundOrder(app);
    await move(app, 'advisor', wo.id, 'AWAITING_APPROVAL');
    const before = await versionOf(app, wo.id);
    for (const who of ['advisor', 'manager']) {
      const res = await move(app, who, wo.id, 'QUEUED');
      expect(res.userErrors.map((e: { code: string }) => e.code)).toEqual(['APPROVAL_REQUIRED']);
    }
    expect(await versionOf(app, wo.id)).toBe(before);
    // A sent but unapproved estimate is not an approval either.
    const saved = (await save(wo.id)).estimate;
    await app.gql(ESTIMATE_Q.send, { input: { estimateId: saved.id, expectedVersion: 1 } }, await as('advisor'));
    expect((await move(app, 'manager', wo.id, 'QUEUED')).userErrors.map((e: { code: string }) => e.code)).toEqual(['APPROVAL_REQUIRED']);
  });

  it('a phone approval records who, when, how, the exact lines and total; declines the rest, carries deferred lines over and queues the order', async () => {
    const { wo, estimate, lineIds } = await sentEstimate();
    const res = (
      await app.gql(
        APPROVE,
        { input: { estimateId: estimate.id, expectedVersion: estimate.version, approvedLineIds: [lineIds[1], lineIds[2], lineIds[4]], deferredLineIds: [lineIds[3]], method: 'PHONE', note: '14:05 电话确认，录音 #8812' } },
        await as('advisor'),
      )
    ).data.approveEstimate;
    expect(res.userErrors).toEqual([]);
    expect(res.workOrder.status).toBe('QUEUED');
    const e = res.estimate;
    expect(e.status).toBe('APPROVED');
    expect(e.lines.map((l: { decision: string }) => l.decision)).toEqual(['DECLINED', 'APPROVED', 'APPROVED', 'DEFERRED', 'APPROVED']);
    // Approved: aftermarket tensioner 39000 + labour 144000 + fee 2000.
    expect(e.totals).toMatchObject({ partsFen: 39000, labourFen: 144000, feesFen: 2000, totalFen: 185000, customerFen: 185000 });
    expect(e.approvals).toHaveLength(1);
    expect(e.approvals[0]).toMatchObject({
      method: 'PHONE',
      approverName: '张伟',
      totalFen: 185000,
      note: '14:05 电话确认，录音 #8812',
      estimateVersion: 2,
      approvedBy: { id: expect.any(String) },
      lines: [{ id: lineIds[1] }, { id: lineIds[2] }, { id: lineIds[4] }],
      deferredLines: [{ id: lineIds[3] }],
    });
    expect(Date.parse(e.approvals[0].approvedAt)).toBeGreaterThan(Date.now() - 60_000);

    // R-EST-3 / R-APT-8: the deferred line is on the vehicle's archive for the next visit.
    const carried = await app.gql(`query($id: ID!) { node(id: $id) { ... on Vehicle { carriedOverItems { description risk } } } }`, { id: wo.vehicleId }, await as('advisor'));
    expect(carried.data.node.carriedOverItems).toEqual([{ description: '更换前刹车片', risk: '刹车片剩 3 mm，建议一个月内更换' }]);

    // Events: the approval, the carried-over item, the order's move — in that order.
    const rows: { aggregate_type: string; kind: string }[] = await app.orm.em.fork().execute(`select aggregate_type, kind from domain_event where store_id = ? order by seq desc limit 3`, [app.storeId]);
    expect(rows.map((r: { aggregate_type: string; kind: string }) => `${r.aggregate_type}:${r.kind}`).reverse()).toEqual(['Estimate:ESTIMATE_APPROVED', 'CarriedOverItem:RECORDED', 'WorkOrder:TRANSITIONED']);

    // The estimate's timeline, from the log: who saved, sent and approved.
    const timeline = await app.gql(`query($id: ID!) { estimate(id: $id) { events { kind version actorKind actor { name } } } }`, { id: estimate.id }, await as('manager'));
    expect(timeline.data.estimate.events).toEqual([
      { kind: 'ESTIMATE_SAVED', version: 1, actorKind: 'staff', actor: { name: 'advisor-姓名' } },
      { kind: 'ESTIMATE_SENT', version: 2, actorKind: 'staff', actor: { name: 'advisor-姓名' } },
      { kind: 'ESTIMATE_APPROVED', version: 3, actorKind: 'staff', actor: { name: 'advisor-姓名' } },
    ]);

    // Immutable: a second approval is refused, and the database refuses to change the row.
    const again = (await app.gql(APPROVE, { input: { estimateId: estimate.id, expectedVersion: e.version, approvedLineIds: [lineIds[0]], deferredLineIds: [], method: 'PHONE', note: '改主意' } }, await as('advisor'))).data.approveEstimate;
    expect(again.userErrors.map((x: { code: string }) => x.code)).toEqual(['ESTIMATE_NOT_SENT']);
    await expect(app.orm.em.fork().execute(`update estimate_approval set total_fen = 0 where estimate_id = ?`, [dbId(estimate.id, 'Estimate')])).rejects.toThrow();
  });

  it('refuses conflicting alternatives, non-deferrable deferrals, foreign or repeated lines, a phone approval without a note and a stale version — writing nothing', async () => {
    const { wo, estimate, lineIds } = await sentEstimate();
    const other = await sentEstimate();
    const before = await snapshot(wo.id, estimate.id);
    const cases: [Record<string, unknown>, string[]][] = [
      [{ approvedLineIds: [lineIds[0], lineIds[1]], deferredLineIds: [] }, ['ALTERNATIVES_CONFLICT@input.approvedLineIds']],
      [{ approvedLineIds: [lineIds[0]], deferredLineIds: [lineIds[2]] }, ['NOT_DEFERRABLE@input.deferredLineIds.0']],
      [{ approvedLineIds: [lineIds[0], other.lineIds[2]], deferredLineIds: [] }, ['LINE_NOT_IN_ESTIMATE@input.approvedLineIds.1']],
      [{ approvedLineIds: [lineIds[0]], deferredLineIds: [lineIds[0]] }, ['LINE_LISTED_TWICE@input.deferredLineIds.0']],
      [{ approvedLineIds: [], deferredLineIds: [lineIds[3]] }, ['NOTHING_APPROVED@input.approvedLineIds']],
      [{ approvedLineIds: [lineIds[0]], deferredLineIds: [], note: null }, ['NOTE_REQUIRED@input.note']],
      [{ approvedLineIds: [lineIds[0]], deferredLineIds: [], method: 'LINK' }, ['APPROVAL_METHOD_NOT_ALLOWED@input.method']],
      [{ approvedLineIds: ['not-an-id'], deferredLineIds: [] }, ['INVALID_ID@input.approvedLineIds.0']],
      [{ approvedLineIds: [lineIds[0]], deferredLineIds: [], expectedVersion: 1 }, ['STALE_VERSION@input.expectedVersion']],
    ];
    for (const [input, expected] of cases) {
      const res = (await app.gql(APPROVE, { input: { estimateId: estimate.id, expectedVersion: estimate.version, method: 'PHONE', note: '电话确认', ...input } }, await as('advisor'))).data.approveEstimate;
      expect(res.userErrors.map((e: { code: string; field: string[] }) => `${e.code}@${e.field.join('.')}`), JSON.stringify(input)).toEqual(expected);
      expect(res.estimate).toBeNull();
    }
    expect(await snapshot(wo.id, estimate.id)).toEqual(before);
    expect(before).toMatchObject({ es: 'SENT', approvals: 0, wo: 'AWAITING_APPROVAL', carried: 0 });
  });

  it('an on-site approval needs a received SIGNATURE upload; it is kept with the approval', async () => {
    const { wo, estimate, lineIds } = await sentEstimate();
    const before = await snapshot(wo.id, estimate.id);
    const photo = await uploadImage(app, 'WALK_AROUND_PHOTO');
    const pending = (await app.gql(CREATE_UPLOAD, { input: { purpose: 'SIGNATURE', contentType: 'image/png', byteSize: 100 } }, await as('advisor'))).data.createUpload.upload.id;
    const onSite = (extra: Record<string, unknown>) => ({ input: { estimateId: estimate.id, expectedVersion: estimate.version, approvedLineIds: [lineIds[0], lineIds[2]], deferredLineIds: [lineIds[3]], method: 'ON_SITE_SIGNATURE', ...extra } });
    for (const [extra, code] of [
      [{}, 'SIGNATURE_REQUIRED'],
      [{ signatureId: photo }, 'UPLOAD_WRONG_PURPOSE'],
      [{ signatureId: pending }, 'UPLOAD_NOT_RECEIVED'],
      [{ signatureId: wo.id }, 'INVALID_ID'],
    ] as const) {
      const res = (await app.gql(APPROVE, onSite(extra), await as('advisor'))).data.approveEstimate;
      expect(res.userErrors.map((e: { code: string; field: string[] }) => `${e.code}@${e.field.join('.')}`)).toEqual([`${code}@input.signatureId`]);
    }
    expect(await snapshot(wo.id, estimate.id)).toEqual(before);

    const signature = await uploadImage(app, 'SIGNATURE');
    const res = (await app.gql(APPROVE, onSite({ signatureId: signature }), await as('advisor'))).data.approveEstimate;
    expect(res.userErrors).toEqual([]);
    expect(res.workOrder.status).toBe('QUEUED');
    const read = await app.gql(`query($id: ID!) { estimate(id: $id) { approvals { method signature { id purpose url } } } }`, { id: estimate.id }, await as('advisor'));
    expect(read.data.estimate.approvals[0]).toMatchObject({ method: 'ON_SITE_SIGNATURE', signature: { id: signature, purpose: 'SIGNATURE', url: expect.any(String) } });
  });

  it('two approvals of the same version at once: exactly one wins, the other gets STALE_VERSION', async () => {
    const { wo, estimate, lineIds } = await sentEstimate();
    const token = await app.login('advisor');
    const input = (ids: string[]) => ({ input: { estimateId: estimate.id, expectedVersion: estimate.version, approvedLineIds: ids, deferredLineIds: [], method: 'PHONE', note: '电话确认' } });
    const results = await Promise.all([app.gql(APPROVE, input([lineIds[0], lineIds[2]]), { token }), app.gql(APPROVE, input([lineIds[1], lineIds[2]]), { token })]);
    const payloads = results.map((r) => r.data.approveEstimate);
    expect(payloads.filter((p) => p.userErrors.length === 0)).toHaveLength(1);
    expect(payloads.flatMap((p) => p.userErrors.map((e: { code: string }) => e.code))).toEqual(['STALE_VERSION']);
    const s = await snapshot(wo.id, estimate.id);
    expect(s).toMatchObject({ approvals: 1, es: 'APPROVED', wo: 'QUEUED' });
  });
});

describe('R-EST-4: the customer approves through the progress link', () => {
  it('trackWorkOrder shows the pending estimate without internal fields; approveEstimateByLink approves it and queues the order', async () => {
    const { wo, estimate, lineIds } = await sentEstimate();
    const token = tokenOf(wo.trackingUrl);
    const tracked = (await app.gql(TRACK, { token })).data.trackWorkOrder;
    expect(tracked.status).toBe('AWAITING_APPROVAL');
    expect(tracked.pendingEstimate).toMatchObject({ id: estimate.id, version: 2, supplemental: false, totals: { totalFen: 246000, customerFen: 246000 } });
    expect(tracked.pendingEstimate.lines.map((l: { id: string }) => l.id)).toEqual(lineIds);
    expect(tracked.pendingEstimate.lines[1]).toMatchObject({ alternativeGroup: 'tensioner', tradeOff: '质保 6 个月', amountFen: 39000 });
    // The customer's type has no path to staff, approvals, the order or warranty internals.
    const introspect = await app.gql(`{ __type(name: "PendingEstimateLine") { fields { name } } }`);
    expect(introspect.data.__type.fields.map((f: { name: string }) => f.name)).not.toEqual(expect.arrayContaining(['warranty']));
    const forbidden = await app.gql(`query($token: String!) { trackWorkOrder(token: $token) { pendingEstimate { approvals { id } } } }`, { token });
    expect(forbidden.errors?.[0]?.message).toMatch(/Cannot query field/);

    const res = (await app.gql(BY_LINK, { input: { token, estimateId: estimate.id, expectedVersion: 2, approvedLineIds: [lineIds[0], lineIds[2]], deferredLineIds: [lineIds[3]], approverName: '王先生' } })).data.approveEstimateByLink;
    expect(res.userErrors).toEqual([]);
    expect(res.progress).toEqual({ status: 'QUEUED', pendingEstimate: null });
    const approved = (await app.gql(ESTIMATE, { id: estimate.id }, await as('advisor'))).data.estimate;
    expect(approved.approvals[0]).toMatchObject({ method: 'LINK', approverName: '王先生', approvedBy: null, totalFen: 68000 + 144000 + 0 });
    const [event] = await app.orm.em.fork().execute(`select actor_kind, actor_id from domain_event where aggregate_type = 'Estimate' and kind = 'ESTIMATE_APPROVED' and aggregate_id = ?`, [dbId(estimate.id, 'Estimate')]);
    expect(event).toEqual({ actor_kind: 'customer', actor_id: dbId(wo.id, 'WorkOrder') });
  });

  it('a link approves only its own order’s pending estimate, and nothing else (writes nothing)', async () => {
    const mine = await sentEstimate();
    const other = await sentEstimate();
    const token = tokenOf(mine.wo.trackingUrl);
    const before = await snapshot(other.wo.id, other.estimate.id);
    const cases: [Record<string, unknown>, string][] = [
      [{ estimateId: other.estimate.id, approvedLineIds: [other.lineIds[0]] }, 'NO_PENDING_ESTIMATE'],
      [{ token: 'A'.repeat(43) }, 'NO_PENDING_ESTIMATE'],
      [{ approverName: '  ' }, 'REQUIRED'],
      [{ approvedLineIds: [mine.lineIds[0], mine.lineIds[1]] }, 'ALTERNATIVES_CONFLICT'],
    ];
    for (const [override, code] of cases) {
      const res = (await app.gql(BY_LINK, { input: { token, estimateId: mine.estimate.id, expectedVersion: 2, approvedLineIds: [mine.lineIds[0]], deferredLineIds: [], approverName: '王先生', ...override } })).data.approveEstimateByLink;
      expect(res.userErrors.map((e: { code: string }) => e.code)).toEqual([code]);
      expect(res.progress).toBeNull();
    }
    expect(await snapshot(other.wo.id, other.estimate.id)).toEqual(before);
    // A newer draft on the customer's own order supersedes the sent one: neither is theirs to approve now.
    const draft = await save(mine.wo.id, CONTRACT_LINES.slice(2));
    for (const [estimateId, expectedVersion, lineIds] of [[draft.estimate.id, 1, draft.estimate.lines.map((l: { id: string }) => l.id)], [mine.estimate.id, 3, [mine.lineIds[0]]]] as const) {
      const res = (await app.gql(BY_LINK, { input: { token, estimateId, expectedVersion, approvedLineIds: lineIds, deferredLineIds: [], approverName: '王先生' } })).data.approveEstimateByLink;
      expect(res.userErrors.map((e: { code: string }) => e.code)).toEqual(['NO_PENDING_ESTIMATE']);
    }
    expect((await snapshot(mine.wo.id, draft.estimate.id)).approvals).toBe(0);
    expect((await snapshot(mine.wo.id, mine.estimate.id)).approvals).toBe(0);
  });

  it('the customer page learns of an approval live, through the log and the tracking feed', async () => {
    const { wo, estimate, lineIds } = await sentEstimate();
    const token = tokenOf(wo.trackingUrl);
    const sub = collect(app.ws({ trackingToken: token }), `subscription($token: String!) { workOrderProgress(token: $token) { status pendingEstimate { id } } }`, { token }, 'workOrderProgress');
    const [first] = await sub.until((xs) => xs.length >= 1);
    expect(first).toEqual({ status: 'AWAITING_APPROVAL', pendingEstimate: { id: estimate.id } });
    await app.gql(APPROVE, { input: { estimateId: estimate.id, expectedVersion: 2, approvedLineIds: [lineIds[0]], deferredLineIds: [], method: 'PHONE', note: '电话确认' } }, await as('advisor'));
    const items = await sub.until((xs) => xs.some((x: any) => x.status === 'QUEUED'));
    expect(items.at(-1)).toEqual({ status: 'QUEUED', pendingEstimate: null });
    sub.stop();
  });

  it('an estimate sent without moving the order still reaches the customer page (its event names the order)', async () => {
    const wo = await createWalkedAroundOrder(app);
    await move(app, 'advisor', wo.id, 'AWAITING_APPROVAL');
    const token = tokenOf(wo.trackingUrl);
    const sub = collect(app.ws({ trackingToken: token }), `subscription($token: String!) { workOrderProgress(token: $token) { status pendingEstimate { id } } }`, { token }, 'workOrderProgress');
    await sub.until((xs) => xs.length >= 1);
    const saved = (await save(wo.id)).estimate;
    await app.gql(ESTIMATE_Q.send, { input: { estimateId: saved.id, expectedVersion: 1 } }, await as('advisor'));
    const items = await sub.until((xs) => xs.some((x: any) => x.pendingEstimate));
    expect(items.at(-1)).toEqual({ status: 'AWAITING_APPROVAL', pendingEstimate: { id: saved.id } });
    sub.stop();
  });
});


