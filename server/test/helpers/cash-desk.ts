import { assign, CASH_DESK_Q, createWalkedAroundOrder, ESTIMATE_Q, move, passQualityCheck } from './flows.js';
import type { TestApp } from './test-app.js';

export const CONFIRM_WARRANTY = `mutation($input: ConfirmWarrantyInput!) { confirmWarranty(input: $input) { line { id } userErrors { code field message } } }`;
export const ADD_SUPPLEMENTAL = `mutation($input: AddSupplementalWorkInput!) { addSupplementalWork(input: $input) { estimate { id status version lines { id } } workOrder { id status version } userErrors { code field message } } }`;
export const ADJUST_POINTS = `mutation($input: AdjustPointsInput!) { adjustPoints(input: $input) { points { balance } userErrors { code field message } } }`;
export const POINTS = `query($id: ID!) { node(id: $id) { ... on Customer { points { balance history(first: 20) { totalCount edges { node { delta reason at balanceAfter } } } } } } }`;
export { CASH_DESK_Q };

type Line = Record<string, unknown> & { decline?: boolean };

const ok = <T>(what: string, res: any, key: string): T => {
  const payload = res.data?.[key];
  if (!payload || payload.userErrors?.length) throw new Error(`${what}: ${JSON.stringify(res)}`);
  return payload;
};

/**
 * A fresh order whose main estimate has `lines` (those with `decline: true` are declined; WARRANTY
 * lines confirmed by the warranty clerk first), approved by phone, then assigned and IN_PROGRESS.
 */
export async function orderInProgressWith(app: TestApp, lines: Line[], bayIndex = 0) {
  const wo = await createWalkedAroundOrder(app);
  const token = await app.login('advisor');
  const saved = ok<any>('save', await app.gql(ESTIMATE_Q.save, { input: { workOrderId: wo.id, lines: lines.map(({ decline: _d, ...l }) => l) } }, { token }), 'saveEstimate');
  const ids: string[] = saved.estimate.lines.map((l: { id: string }) => l.id);
  for (const [i, l] of lines.entries()) {
    if (l.payer === 'WARRANTY') ok('confirm', await app.gql(CONFIRM_WARRANTY, { input: { estimateLineId: ids[i], eligible: true, claimNumber: 'FAW-VW-2026-00001' } }, { token: await app.login('warranty') }), 'confirmWarranty');
  }
  const version = (await app.gql(`query($id: ID!) { node(id: $id) { ... on Estimate { version } } }`, { id: saved.estimate.id }, { token })).data.node.version;
  const sent = ok<any>('send', await app.gql(ESTIMATE_Q.send, { input: { estimateId: saved.estimate.id, expectedVersion: version } }, { token }), 'sendEstimate');
  ok(
    'approve',
    await app.gql(ESTIMATE_Q.approve, { input: { estimateId: saved.estimate.id, expectedVersion: sent.estimate.version, approvedLineIds: ids.filter((_, i) => !lines[i].decline), deferredLineIds: [], method: 'PHONE', note: '电话确认' } }, { token }),
    'approveEstimate',
  );
  const assigned = await assign(app, wo.id, ['tech1'], bayIndex);
  if (!assigned.workOrder) throw new Error(JSON.stringify(assigned));
  const started = await move(app, 'tech1', wo.id, 'IN_PROGRESS');
  if (!started.workOrder) throw new Error(JSON.stringify(started));
  return wo;
}

/** Supplemental work (R-EST-6) on an order in the workshop; `decision`: approve every line, decline all, or leave it pending. */
export async function supplemental(app: TestApp, workOrderId: string, lines: Record<string, unknown>[], decision: 'APPROVE' | 'DECLINE' | 'PENDING') {
  const token = await app.login('advisor');
  const added = ok<any>('supplemental', await app.gql(ADD_SUPPLEMENTAL, { input: { workOrderId, reason: '拆检发现问题', lines } }, { token }), 'addSupplementalWork');
  if (decision === 'PENDING') return added;
  const approvedLineIds = decision === 'APPROVE' ? added.estimate.lines.map((l: { id: string }) => l.id) : [];
  ok('decide', await app.gql(ESTIMATE_Q.approve, { input: { estimateId: added.estimate.id, expectedVersion: added.estimate.version, approvedLineIds, deferredLineIds: [], method: 'PHONE', note: '电话' } }, { token }), 'approveEstimate');
  return added;
}

/** IN_PROGRESS → QUALITY_CHECK → (the three levels signed, R-QC-1) → READY. */
export async function finish(app: TestApp, workOrderId: string) {
  const checked = await move(app, 'tech1', workOrderId, 'QUALITY_CHECK');
  if (!checked.workOrder) throw new Error(`QUALITY_CHECK: ${JSON.stringify(checked)}`);
  await passQualityCheck(app, workOrderId);
  const ready = await move(app, 'qc', workOrderId, 'READY');
  if (!ready.workOrder) throw new Error(`READY: ${JSON.stringify(ready)}`);
}

/** The customer's global id of an order. */
export async function customerOf(app: TestApp, workOrderId: string): Promise<string> {
  return (await app.gql(`query($id: ID!) { workOrder(id: $id) { customer { id } } }`, { id: workOrderId }, { token: await app.login('manager') })).data.workOrder.customer.id;
}
