import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbId } from '../src/graphql/global-id.js';
import { ManualClock } from '../src/shared/clock.js';
import { createWalkedAroundOrder, ESTIMATE_Q } from './helpers/flows.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

const clock = new ManualClock(new Date('2026-11-24T02:00:00Z')); // 10:00 in Beijing
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ clock });
});
afterAll(() => app?.stop());

const ELIGIBILITY = `query($id: ID!, $km: Int!) { warrantyEligibility(vehicleId: $id, mileage: $km) { eligible reason expiresOn kmLimit } }`;
const CONFIRM = `mutation($input: ConfirmWarrantyInput!) { confirmWarranty(input: $input) { line { id payer decision warranty { confirmed claimNumber note confirmedBy { id } } } userErrors { code field message } } }`;
const APPROVE = `mutation($input: ApproveEstimateInput!) { approveEstimate(input: $input) { estimate { status version totals { totalFen customerFen warrantyFen } } workOrder { status } userErrors { code field message } } }`;
const ESTIMATE = `query($id: ID!) { estimate(id: $id) { version status lines { id payer warranty { confirmed } } totals { totalFen customerFen warrantyFen } } }`;
const ARCHIVE = `mutation($input: UpdateVehicleInput!) { updateVehicle(input: $input) { vehicle { version } userErrors { code } } }`;

const token = (u: string) => app.login(u).then((t) => ({ token: t }));

async function vehicleWithTerms(purchaseDate: string | null, warrantyYears = 3, warrantyKm = 100000) {
  const wo = await createWalkedAroundOrder(app, { promisedAt: new Date(clock.now().getTime() + 3600_000).toISOString() });
  const res = await app.gql(ARCHIVE, { input: { id: wo.vehicleId, expectedVersion: 1, purchaseDate, warrantyYears, warrantyKm } }, await token('advisor'));
  expect(res.data.updateVehicle.userErrors).toEqual([]);
  return wo;
}

/** An estimate with a WARRANTY labour line and a CUSTOMER fee, sent. */
async function warrantyEstimate() {
  const wo = await vehicleWithTerms('2024-03-15');
  const saved = (
    await app.gql(
      ESTIMATE_Q.save,
      { input: { workOrderId: wo.id, lines: [{ kind: 'LABOUR', description: '更换正时链条张紧器（索赔）', skill: 'ENGINE', standardHours: 3, hourlyRateFen: 30000, payer: 'WARRANTY' }, { kind: 'FEE', description: '辅料', amountFen: 2000 }] } },
      await token('advisor'),
    )
  ).data.saveEstimate.estimate;
  await app.gql(ESTIMATE_Q.send, { input: { estimateId: saved.id, expectedVersion: 1 } }, await token('advisor'));
  return { wo, estimateId: saved.id as string, lineIds: saved.lines.map((l: { id: string }) => l.id) as string[] };
}

describe('R-EST-5: warranty eligibility by date and mileage against the vehicle’s terms', () => {
  it('answers eligible, reason, expiresOn and kmLimit from the archive', async () => {
    const wo = await vehicleWithTerms('2024-03-15');
    const ask = async (km: number) => (await app.gql(ELIGIBILITY, { id: wo.vehicleId, km }, await token('warranty'))).data.warrantyEligibility;
    expect(await ask(45210)).toEqual({ eligible: true, reason: 'IN_WARRANTY', expiresOn: '2027-03-14', kmLimit: 100000 });
    expect(await ask(100001)).toEqual({ eligible: false, reason: 'EXPIRED_BY_MILEAGE', expiresOn: '2027-03-14', kmLimit: 100000 });
    const old = await vehicleWithTerms('2023-11-24');
    expect((await app.gql(ELIGIBILITY, { id: old.vehicleId, km: 1000 }, await token('warranty'))).data.warrantyEligibility).toMatchObject({ eligible: false, reason: 'EXPIRED_BY_DATE', expiresOn: '2026-11-23' });
    const unknown = await createWalkedAroundOrder(app, { promisedAt: new Date(clock.now().getTime() + 3600_000).toISOString() });
    expect((await app.gql(ELIGIBILITY, { id: unknown.vehicleId, km: 1000 }, await token('advisor'))).data.warrantyEligibility).toMatchObject({ eligible: false, reason: 'NO_PURCHASE_DATE' });
    const bad = await app.gql(ELIGIBILITY, { id: wo.vehicleId, km: -5 }, await token('advisor'));
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await app.gql(ELIGIBILITY, { id: wo.vehicleId, km: 5 }, await token('tech1'))).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('R-EST-5: a WARRANTY line needs the warranty clerk’s confirmation before approval; warranty lines are billed to the OEM', () => {
  it('an unconfirmed WARRANTY line cannot be approved (WARRANTY_NOT_CONFIRMED), and nothing is written', async () => {
    const { estimateId, lineIds } = await warrantyEstimate();
    const res = (await app.gql(APPROVE, { input: { estimateId, expectedVersion: 2, approvedLineIds: lineIds, deferredLineIds: [], method: 'PHONE', note: '电话确认' } }, await token('advisor'))).data.approveEstimate;
    expect(res.userErrors.map((e: { code: string; field: string[] }) => `${e.code}@${e.field.join('.')}`)).toEqual(['WARRANTY_NOT_CONFIRMED@input.approvedLineIds.0']);
    expect((await app.gql(ESTIMATE, { id: estimateId }, await token('advisor'))).data.estimate).toMatchObject({ version: 2, status: 'SENT' });
  });

  it('confirmed: billed to the OEM (warrantyFen), never to the customer; the confirmation moves the version', async () => {
    const { wo, estimateId, lineIds } = await warrantyEstimate();
    const res = (await app.gql(CONFIRM, { input: { estimateLineId: lineIds[0], eligible: true, claimNumber: 'FAW-VW-2026-00017', note: '在保，质保期至 2027-03' } }, await token('warranty'))).data.confirmWarranty;
    expect(res.userErrors).toEqual([]);
    expect(res.line).toMatchObject({ id: lineIds[0], payer: 'WARRANTY', decision: 'PENDING', warranty: { confirmed: true, claimNumber: 'FAW-VW-2026-00017', note: '在保，质保期至 2027-03', confirmedBy: { id: expect.any(String) } } });
    // What the customer saw before the confirmation is stale.
    const stale = (await app.gql(APPROVE, { input: { estimateId, expectedVersion: 2, approvedLineIds: lineIds, deferredLineIds: [], method: 'PHONE', note: '电话确认' } }, await token('advisor'))).data.approveEstimate;
    expect(stale.userErrors.map((e: { code: string }) => e.code)).toEqual(['STALE_VERSION']);
    const ok = (await app.gql(APPROVE, { input: { estimateId, expectedVersion: 3, approvedLineIds: lineIds, deferredLineIds: [], method: 'PHONE', note: '电话确认' } }, await token('advisor'))).data.approveEstimate;
    expect(ok.userErrors).toEqual([]);
    expect(ok.estimate.totals).toEqual({ totalFen: 92000, customerFen: 2000, warrantyFen: 90000 });
    expect(ok.workOrder.status).toBe('QUEUED');
    const [event] = await app.orm.em.fork().execute(`select data from domain_event where aggregate_type = 'Estimate' and kind = 'WARRANTY_DECIDED' and aggregate_id = ?`, [dbId(estimateId, 'Estimate')]);
    expect(event.data).toMatchObject({ workOrderId: dbId(wo.id, 'WorkOrder'), lineId: dbId(lineIds[0], 'EstimateLine'), eligible: true });
  });

  it('confirmed not eligible: the line becomes payer CUSTOMER and can be approved as such', async () => {
    const { estimateId, lineIds } = await warrantyEstimate();
    const res = (await app.gql(CONFIRM, { input: { estimateLineId: lineIds[0], eligible: false, note: '非质量问题（人为损坏）' } }, await token('warranty'))).data.confirmWarranty;
    expect(res.line).toMatchObject({ payer: 'CUSTOMER', warranty: { confirmed: false } });
    const e = (await app.gql(ESTIMATE, { id: estimateId }, await token('advisor'))).data.estimate;
    expect(e.totals).toEqual({ totalFen: 92000, customerFen: 92000, warrantyFen: 0 });
    const ok = (await app.gql(APPROVE, { input: { estimateId, expectedVersion: e.version, approvedLineIds: lineIds, deferredLineIds: [], method: 'PHONE', note: '客户同意自费' } }, await token('advisor'))).data.approveEstimate;
    expect(ok.userErrors).toEqual([]);
  });

  it('only warranty clerks and managers confirm; only warranty lines, only before the decision (nothing written otherwise)', async () => {
    const { estimateId, lineIds } = await warrantyEstimate();
    expect((await app.gql(CONFIRM, { input: { estimateLineId: lineIds[0], eligible: true } }, await token('advisor'))).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const notWarranty = (await app.gql(CONFIRM, { input: { estimateLineId: lineIds[1], eligible: true } }, await token('warranty'))).data.confirmWarranty;
    expect(notWarranty.userErrors.map((e: { code: string }) => e.code)).toEqual(['NOT_A_WARRANTY_LINE']);
    const unknown = (await app.gql(CONFIRM, { input: { estimateLineId: 'bm9wZQ', eligible: true } }, await token('warranty'))).data.confirmWarranty;
    expect(unknown.userErrors.map((e: { code: string }) => e.code)).toEqual(['NOT_FOUND']);
    expect((await app.gql(ESTIMATE, { id: estimateId }, await token('advisor'))).data.estimate.version).toBe(2);
    await app.gql(CONFIRM, { input: { estimateLineId: lineIds[0], eligible: true, claimNumber: 'C-1' } }, await token('manager'));
    await app.gql(APPROVE, { input: { estimateId, expectedVersion: 3, approvedLineIds: lineIds, deferredLineIds: [], method: 'PHONE', note: '电话确认' } }, await token('advisor'));
    const late = (await app.gql(CONFIRM, { input: { estimateLineId: lineIds[0], eligible: false } }, await token('warranty'))).data.confirmWarranty;
    expect(late.userErrors.map((e: { code: string }) => e.code)).toEqual(['ESTIMATE_NOT_EDITABLE']);
  });
});
