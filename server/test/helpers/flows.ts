import { toGlobalId } from '../../src/graphql/global-id.js';
import { withCheckDigit } from '../../src/shared/vin.js';
import type { TestApp } from './test-app.js';
import { uploadImage } from './uploads.js';

let counter = 0;
const unique = () => ++counter + Math.floor(Math.random() * 1000) * 1000;

/** A valid, unique VIN / mobile / plate for this test process. */
export function uniqueVin(): string {
  return withCheckDigit(`LSVAU2180N${String(unique()).padStart(7, '0').slice(-7)}`);
}
export function uniqueMobile(): string {
  return `139${String(unique()).padStart(8, '0').slice(-8)}`;
}
export function uniquePlate(): string {
  return `京A${String(unique()).padStart(5, '0').slice(-5)}`;
}

export const Q = {
  createCustomer: `mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { customer { id name mobile } userErrors { code field message } } }`,
  createVehicle: `mutation($input: CreateVehicleInput!) { createVehicle(input: $input) { vehicle { id vin plate model owner { id } } userErrors { code field message } } }`,
  createWorkOrder: `mutation($input: CreateWorkOrderInput!) { createWorkOrder(input: $input) { workOrder { id number status version promisedAt trackingUrl jobs { id title status } } userErrors { code field message } } }`,
  assign: `mutation($input: AssignWorkOrderInput!) { assignWorkOrder(input: $input) { workOrder { id status version bay { id name } technicians { id name } } userErrors { code field message } } }`,
  transition: `mutation($input: TransitionWorkOrderInput!) { transitionWorkOrder(input: $input) { workOrder { id status holdReason version } userErrors { code field message } } }`,
  workOrder: `query($id: ID!) { workOrder(id: $id) { id number status holdReason version reworkCount startedAt trackingUrl bay { id } technicians { id } events { cursor at kind from to reason holdReason version actor { id name } } } }`,
};

export async function createCustomerAndVehicle(app: TestApp, opts: { model?: string } = {}) {
  const token = await app.login('advisor');
  const c = await app.gql(Q.createCustomer, { input: { name: '张伟', mobile: uniqueMobile() } }, { token });
  const customerId = c.data.createCustomer.customer.id as string;
  const v = await app.gql(Q.createVehicle, { input: { vin: uniqueVin(), plate: uniquePlate(), model: opts.model ?? '朗逸 Lavida 1.5L', color: '白', ownerId: customerId, mileageKm: 12000 } }, { token });
  if (!v.data?.createVehicle?.vehicle) throw new Error(JSON.stringify(v));
  return { customerId, vehicleId: v.data.createVehicle.vehicle.id as string, vehicle: v.data.createVehicle.vehicle };
}

export async function createWorkOrder(app: TestApp, input: Record<string, unknown> = {}) {
  const { vehicleId, customerId } = await createCustomerAndVehicle(app);
  const res = await app.gql(
    Q.createWorkOrder,
    {
      input: {
        vehicleId,
        complaint: '发动机故障灯亮，怠速抖动',
        promisedAt: new Date(Date.now() + 4 * 3600_000).toISOString(),
        jobs: [{ title: '更换氧传感器', skill: 'ENGINE', standardHours: 1.5 }],
        ...input,
      },
    },
    { token: await app.login('advisor') },
  );
  if (!res.data?.createWorkOrder?.workOrder) throw new Error(JSON.stringify(res));
  return { ...res.data.createWorkOrder.workOrder, vehicleId, customerId } as { id: string; number: string; version: number; status: string; trackingUrl: string; vehicleId: string; customerId: string };
}

export async function move(app: TestApp, as: string, id: string, to: string, extra: Record<string, unknown> = {}) {
  const res = await app.gql(Q.transition, { input: { id, to, ...extra } }, { token: await app.login(as) });
  return res.data?.transitionWorkOrder ?? res;
}

export async function versionOf(app: TestApp, id: string): Promise<number> {
  return (await app.gql(`query($id: ID!) { workOrder(id: $id) { version } } `, { id }, { token: await app.login('manager') })).data.workOrder.version;
}

export async function assign(app: TestApp, id: string, technicians = ['tech1'], bayIndex = 0, as = 'foreman') {
  const res = await app.gql(
    Q.assign,
    {
      input: {
        id,
        bayId: app.bays[bayIndex] ? toGlobalId('Bay', app.bays[bayIndex].id) : null,
        technicianIds: technicians.map((t) => toGlobalId('Staff', app.staffIds[t])),
        expectedVersion: await versionOf(app, id),
      },
    },
    { token: await app.login(as) },
  );
  return res.data?.assignWorkOrder ?? res;
}

export const RECORD_WALK_AROUND = `mutation($input: RecordWalkAroundInput!) { recordWalkAround(input: $input) {
  walkAround { id declined declineReason mileage fuelLevelPercent coversFitted valuablesReminded interiorNotes tyreNotes signedAt
    damages { area kind sizeCm note photos { id url } } signature { id url } recordedBy { id } }
  workOrder { id status version }
  userErrors { code field message } } }`;

/**
 * R-REC-3: records the walk-around of a DRAFT order so it may leave DRAFT — by default the customer's
 * signed refusal (a real signature upload); pass `input` for a full sheet.
 */
export async function recordWalkAround(app: TestApp, id: string, input: Record<string, unknown> = {}, as = 'advisor') {
  const token = await app.login(as);
  const signature = input.customerSignatureId ?? (await uploadImage(app, 'SIGNATURE', token));
  const res = await app.gql(RECORD_WALK_AROUND, { input: { workOrderId: id, declined: true, declineReason: '客户赶时间，拒绝环检', ...input, customerSignatureId: signature } }, { token });
  return res.data?.recordWalkAround ?? res;
}

/** A fresh DRAFT order whose walk-around is recorded (the customer's signed refusal), so it may leave DRAFT (R-REC-3). */
export async function createWalkedAroundOrder(app: TestApp, input: Record<string, unknown> = {}) {
  const wo = await createWorkOrder(app, input);
  const res = await recordWalkAround(app, wo.id);
  if (!res.workOrder) throw new Error(`recordWalkAround: ${JSON.stringify(res)}`);
  return { ...wo, version: res.workOrder.version as number };
}

export const ESTIMATE_Q = {
  save: `mutation($input: SaveEstimateInput!) { saveEstimate(input: $input) { estimate { id status version lines { id } } userErrors { code field message } } }`,
  send: `mutation($input: SendEstimateInput!) { sendEstimate(input: $input) { estimate { id status version } workOrder { id status version } userErrors { code field message } } }`,
  approve: `mutation($input: ApproveEstimateInput!) { approveEstimate(input: $input) { estimate { id status version } workOrder { id status version } userErrors { code field message } } }`,
};

/**
 * R-EST-4: saves, sends and approves by phone a one-line estimate for an order in DRAFT or
 * AWAITING_APPROVAL; the order ends QUEUED (sending moves a DRAFT order to AWAITING_APPROVAL).
 */
export async function approveOneLineEstimate(app: TestApp, workOrderId: string, as = 'advisor') {
  const token = await app.login(as);
  const saved = await app.gql(ESTIMATE_Q.save, { input: { workOrderId, lines: [{ kind: 'LABOUR', description: '更换氧传感器', skill: 'ENGINE', standardHours: 1.5, hourlyRateFen: 30000 }] } }, { token });
  const estimate = saved.data?.saveEstimate?.estimate;
  if (!estimate) throw new Error(`saveEstimate: ${JSON.stringify(saved)}`);
  const sent = await app.gql(ESTIMATE_Q.send, { input: { estimateId: estimate.id, expectedVersion: estimate.version } }, { token });
  if (!sent.data?.sendEstimate?.estimate) throw new Error(`sendEstimate: ${JSON.stringify(sent)}`);
  const approved = await app.gql(
    ESTIMATE_Q.approve,
    { input: { estimateId: estimate.id, expectedVersion: sent.data.sendEstimate.estimate.version, approvedLineIds: [estimate.lines[0].id], deferredLineIds: [], method: 'PHONE', note: '电话确认' } },
    { token },
  );
  return approved.data?.approveEstimate ?? approved;
}

export const SIGN_QC = `mutation($input: SignQualityCheckInput!) { signQualityCheck(input: $input) {
  workOrder { id status version reworkCount qualityLevel qualityChecks { round level result roadTest notes cause signedAt signedBy { id } responsible { id } } }
  userErrors { code field message } } }`;

/** R-QC-1: signs one level of the check of an order in QUALITY_CHECK (SELF by tech1, MUTUAL by leader, FINAL by qc unless `as` says). */
export async function signQualityCheck(app: TestApp, workOrderId: string, level: string, input: Record<string, unknown> = {}, as?: string) {
  const signer = as ?? ({ SELF: 'tech1', MUTUAL: 'leader', FINAL: 'qc' } as Record<string, string>)[level];
  const res = await app.gql(SIGN_QC, { input: { workOrderId, level, result: 'PASS', ...input } }, { token: await app.login(signer) });
  return res.data?.signQualityCheck ?? res;
}

/** R-QC-1: passes the three levels in order, so the order may leave QUALITY_CHECK (the QC_FINAL_REQUIRED guard). */
export async function passQualityCheck(app: TestApp, workOrderId: string) {
  let res: Record<string, unknown> & { workOrder?: unknown } = {};
  for (const level of ['SELF', 'MUTUAL', 'FINAL']) {
    res = await signQualityCheck(app, workOrderId, level, level === 'FINAL' ? { roadTest: true } : {});
    if (!res.workOrder) throw new Error(`signQualityCheck ${level}: ${JSON.stringify(res)}`);
  }
  return res;
}

/** The moves (actor, status) that take a fresh DRAFT order to each status through the API; WALK_AROUND: R-REC-3, before it leaves DRAFT; APPROVE: the customer approves an estimate (→ QUEUED); QC: the three levels signed (R-QC-1), before it leaves QUALITY_CHECK; SETTLE and DELIVERY_RECORD: R-DEL-3 and R-DEL-1/2/4, before DELIVERED. */
export const PATH_TO: Record<string, [string, string, Record<string, unknown>?][]> = {
  DRAFT: [],
  AWAITING_APPROVAL: [['WALK_AROUND', ''], ['advisor', 'AWAITING_APPROVAL']],
  QUEUED: [['WALK_AROUND', ''], ['advisor', 'AWAITING_APPROVAL'], ['APPROVE', '']],
  IN_PROGRESS: [['WALK_AROUND', ''], ['advisor', 'AWAITING_APPROVAL'], ['APPROVE', ''], ['ASSIGN', ''], ['tech1', 'IN_PROGRESS']],
  ON_HOLD: [['WALK_AROUND', ''], ['advisor', 'AWAITING_APPROVAL'], ['APPROVE', ''], ['ASSIGN', ''], ['tech1', 'IN_PROGRESS'], ['foreman', 'ON_HOLD', { holdReason: 'WAITING_PARTS', reason: '缺件' }]],
  QUALITY_CHECK: [['WALK_AROUND', ''], ['advisor', 'AWAITING_APPROVAL'], ['APPROVE', ''], ['ASSIGN', ''], ['tech1', 'IN_PROGRESS'], ['tech1', 'QUALITY_CHECK']],
  WASHING: [['WALK_AROUND', ''], ['advisor', 'AWAITING_APPROVAL'], ['APPROVE', ''], ['ASSIGN', ''], ['tech1', 'IN_PROGRESS'], ['tech1', 'QUALITY_CHECK'], ['QC', ''], ['qc', 'WASHING']],
  READY: [['WALK_AROUND', ''], ['advisor', 'AWAITING_APPROVAL'], ['APPROVE', ''], ['ASSIGN', ''], ['tech1', 'IN_PROGRESS'], ['tech1', 'QUALITY_CHECK'], ['QC', ''], ['qc', 'WASHING'], ['foreman', 'READY']],
  DELIVERED: [['WALK_AROUND', ''], ['advisor', 'AWAITING_APPROVAL'], ['APPROVE', ''], ['ASSIGN', ''], ['tech1', 'IN_PROGRESS'], ['tech1', 'QUALITY_CHECK'], ['QC', ''], ['qc', 'READY'], ['SETTLE', ''], ['DELIVERY_RECORD', ''], ['advisor', 'DELIVERED']],
  CANCELLED: [['advisor', 'CANCELLED']],
};

/** Creates an order and drives it to `status` through the API; bays rotate so that IN_PROGRESS orders do not collide. */
export async function workOrderIn(app: TestApp, status: string, bayIndex = 0) {
  const wo = await createWorkOrder(app);
  for (const [actor, to, extra] of PATH_TO[status]) {
    const res =
      actor === 'ASSIGN'
        ? await assign(app, wo.id, ['tech1'], bayIndex)
        : actor === 'WALK_AROUND'
          ? await recordWalkAround(app, wo.id)
          : actor === 'APPROVE'
            ? await approveOneLineEstimate(app, wo.id)
            : actor === 'QC'
              ? await passQualityCheck(app, wo.id)
              : actor === 'SETTLE'
                ? await settle(app, wo.id)
                : actor === 'DELIVERY_RECORD'
                  ? await recordDelivery(app, wo.id)
                  : await move(app, actor, wo.id, to, extra);
    if (!res.workOrder) throw new Error(`${actor} → ${to}: ${JSON.stringify(res)}`);
  }
  const current = await app.gql(Q.workOrder, { id: wo.id }, { token: await app.login('manager') });
  return current.data.workOrder as { id: string; status: string; version: number; number: string; trackingUrl: string };
}

export const CASH_DESK_Q = {
  preview: `query($id: ID!) { settlementPreview(workOrderId: $id) { lines { description amountFen payer } totals { partsFen labourFen feesFen discountFen pointsFen taxFen totalFen customerFen warrantyFen insuranceFen } pointsAvailable } }`,
  settle: `mutation($input: SettleWorkOrderInput!) { settleWorkOrder(input: $input) { settlement { id number settledAt lines { description amountFen payer } totals { partsFen labourFen feesFen discountFen pointsFen taxFen totalFen customerFen warrantyFen insuranceFen } payments { method amountFen reference } invoice { kind companyName taxId } pointsEarned pointsRedeemed } workOrder { id status version } userErrors { code field message } } }`,
  recordDelivery: `mutation($input: RecordDeliveryInput!) { recordDelivery(input: $input) { delivery { mileageOut interiorCleaned itemsReturned oldPartsOffered oldPartsTaken explanation advice nextServiceDueOn nextServiceDueKm recordedBy { id } } workOrder { id status version delivery { mileageOut } } userErrors { code field message } } }`,
};

/** R-DEL-3: the cashier settles a READY order, paying what the preview says in cash (no discount, no points, no invoice). */
export async function settle(app: TestApp, workOrderId: string, as = 'cashier') {
  const token = await app.login(as);
  const preview = (await app.gql(CASH_DESK_Q.preview, { id: workOrderId }, { token })).data?.settlementPreview;
  if (!preview) throw new Error(`settlementPreview of ${workOrderId}`);
  const due = preview.totals.customerFen as number;
  const res = await app.gql(CASH_DESK_Q.settle, { input: { workOrderId, payments: due > 0 ? [{ method: 'CASH', amountFen: due }] : [] } }, { token });
  return res.data?.settleWorkOrder ?? res;
}

/** R-DEL-1/2/4: the advisor records the delivery of a READY order (a far future next service). */
export async function recordDelivery(app: TestApp, workOrderId: string, input: Record<string, unknown> = {}, as = 'advisor') {
  const res = await app.gql(
    CASH_DESK_Q.recordDelivery,
    { input: { workOrderId, mileageOut: 12_100, interiorCleaned: true, itemsReturned: true, oldPartsOffered: true, oldPartsTaken: false, explanation: '已更换氧传感器，路试正常', advice: '一个月内复查', nextServiceDueOn: '2099-06-01', nextServiceDueKm: 20_000, ...input } },
    { token: await app.login(as) },
  );
  return res.data?.recordDelivery ?? res;
}
