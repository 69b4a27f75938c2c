import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbId } from '../src/graphql/global-id.js';
import { ManualClock } from '../src/shared/clock.js';
import { A, local } from './helpers/appointments.js';
import { createCustomerAndVehicle } from './helpers/flows.js';
import { collect } from './helpers/subscriptions.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';
import { uploadImage } from './helpers/uploads.js';

/**
 * Issue 7, the whole front of the service process through the public API, as the people do it:
 * book → confirm → arrive → receive → walk-around → diagnose → estimate → the customer approves by
 * the link → QUEUED. Each step's rule is checked where it happens; the advisor's wall and the
 * customer's page see it live.
 */
// Monday 30 November 2026, 10:00 in the store's zone; the slot is the next morning.
const clock = new ManualClock(new Date('2026-11-30T10:00:00+08:00'));
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ clock });
});
afterAll(() => app?.stop());

const sql = async <T = Record<string, unknown>>(query: string, params: unknown[] = []): Promise<T[]> => app.orm.em.fork().getConnection().execute(query, params);

const RECEIVE = `mutation($input: ReceiveVehicleInput!) { receiveVehicle(input: $input) {
  workOrder { id number status version source complaint advisorNotes trackingUrl
    reception { arrivedAt greetedAt identityDocument }
    appointment { id status }
    jobs { id title } }
  userErrors { code field message } } }`;
const WALK_AROUND = `mutation($input: RecordWalkAroundInput!) { recordWalkAround(input: $input) {
  walkAround { id declined signedAt damages { area kind sizeCm photos { id url } } signature { id url } }
  userErrors { code field message } } }`;
const DIAGNOSE = `mutation($input: RecordDiagnosisInput!) { recordDiagnosis(input: $input) {
  diagnosis { id troubleCodes cause diagnosedBy { id } } userErrors { code field message } } }`;
const SAVE = `mutation($input: SaveEstimateInput!) { saveEstimate(input: $input) {
  estimate { id status version lines { id description alternativeGroup deferrable } totals { totalFen customerFen } } userErrors { code field message } } }`;
const SEND = `mutation($input: SendEstimateInput!) { sendEstimate(input: $input) { estimate { id status version } workOrder { id status } userErrors { code field message } } }`;
const TRACK = `query($token: String!) { trackWorkOrder(token: $token) { status
  pendingEstimate { id version supplemental lines { id kind description quantity amountFen payer alternativeGroup tradeOff deferrable risk } totals { totalFen customerFen } } } }`;
const PROGRESS = `subscription($token: String!) { workOrderProgress(token: $token) { status pendingEstimate { id } } }`;
const APPROVE_BY_LINK = `mutation($input: ApproveEstimateByLinkInput!) { approveEstimateByLink(input: $input) { progress { status pendingEstimate { id } } userErrors { code field message } } }`;
const ORDER = `query($id: ID!) { workOrder(id: $id) { id status
  estimates { id status approvals { method approverName totalFen customerFen lines { id } } }
  events { kind from to } } }`;
const BOARD_EVENTS = `subscription { boardEvents { kind workOrderId card { workOrder { id status } flags } } }`;

const tokenOf = (trackingUrl: string) => trackingUrl.split('/t/')[1];

describe('the front desk, from the first call to the approved estimate (issue 7)', () => {
  it('book → confirm → arrive → receive → walk-around → diagnose → estimate → approved by the link → QUEUED', async () => {
    const advisor = await app.login('advisor');
    const { customerId, vehicleId } = await createCustomerAndVehicle(app);

    // R-APT-1/2: the customer calls; the slot holds a bay, a technician and the advisor.
    const booked = await app.gql(A.book, {
      input: { customerId, vehicleId, slotStart: local('2026-12-01T09:00'), channel: 'PHONE', initiator: 'CUSTOMER', purpose: 'FAULT', customerWords: '冷车启动有异响', jobs: [{ title: '检查发动机异响', skill: 'ENGINE', standardHours: 1 }] },
    }, { token: advisor });
    expect(booked.data.bookAppointment.userErrors).toEqual([]);
    const appointment = booked.data.bookAppointment.appointment;
    expect(appointment).toMatchObject({ status: 'BOOKED', bay: { id: expect.any(String) }, advisor: { id: expect.any(String) } });

    // R-APT-6: confirmed with the customer before the slot.
    const confirmed = await app.gql(A.transition, { input: { id: appointment.id, to: 'CONFIRMED', expectedVersion: appointment.version } }, { token: advisor });
    expect(confirmed.data.transitionAppointment.appointment.status).toBe('CONFIRMED');

    // R-REC-1/2/4: the car arrives; greeted within the minute; the customer's words verbatim, the advisor's notes apart.
    clock.set(new Date('2026-12-01T08:59:00+08:00'));
    const received = await app.gql(RECEIVE, {
      input: {
        appointmentId: appointment.id,
        vehicleId,
        arrivedAt: local('2026-12-01T08:58'),
        greetedAt: new Date(Date.parse(local('2026-12-01T08:58')) + 40_000).toISOString(),
        identityDocument: 'VEHICLE_LICENSE',
        complaint: '冷车启动有异响，大约 3 秒',
        advisorNotes: '疑似正时链条张紧器',
        mileageIn: 45210,
        customerWaiting: true,
        promisedAt: local('2026-12-01T12:00'),
      },
    }, { token: advisor });
    expect(received.data.receiveVehicle.userErrors).toEqual([]);
    const order = received.data.receiveVehicle.workOrder;
    expect(order).toMatchObject({ status: 'DRAFT', source: 'APPOINTMENT', complaint: '冷车启动有异响，大约 3 秒', advisorNotes: '疑似正时链条张紧器', appointment: { id: appointment.id, status: 'ARRIVED' }, reception: { identityDocument: 'VEHICLE_LICENSE' } });
    expect(order.jobs.map((j: { title: string }) => j.title)).toEqual(['检查发动机异响']);
    const token = tokenOf(order.trackingUrl);

    // The wall and the customer's page listen from here on.
    const board = collect<any>(app.ws({ authorization: `Bearer ${await app.login('foreman')}` }), BOARD_EVENTS);
    const page = collect<any>(app.ws({ trackingToken: token }), PROGRESS, { token }, 'workOrderProgress');
    await new Promise((r) => setTimeout(r, 300));

    // R-REC-3: the order cannot leave DRAFT before the walk-around.
    const early = await app.gql(`mutation($id: ID!) { transitionWorkOrder(input: { id: $id, to: AWAITING_APPROVAL }) { userErrors { code } } }`, { id: order.id }, { token: advisor });
    expect(early.data.transitionWorkOrder.userErrors.map((e: { code: string }) => e.code)).toEqual(['WALK_AROUND_REQUIRED']);

    // R-REC-3: the walk-around, a damage with its photo, the customer's signature.
    const photo = await uploadImage(app, 'WALK_AROUND_PHOTO', advisor);
    const signature = await uploadImage(app, 'SIGNATURE', advisor);
    const walked = await app.gql(WALK_AROUND, {
      input: { workOrderId: order.id, declined: false, mileage: 45210, fuelLevelPercent: 50, coversFitted: true, valuablesReminded: true, interiorNotes: '后排座椅有污渍', tyreNotes: '左前胎胎纹 2 mm', damages: [{ area: 'FRONT_BUMPER', kind: 'SCRATCH', sizeCm: 5, photoIds: [photo] }], customerSignatureId: signature },
    }, { token: advisor });
    expect(walked.data.recordWalkAround.userErrors).toEqual([]);
    expect(walked.data.recordWalkAround.walkAround.damages[0].photos[0].id).toBe(photo);

    // R-EST-1: the technician's diagnosis, trouble code checked.
    const diagnosed = await app.gql(DIAGNOSE, {
      input: { workOrderId: order.id, symptoms: '冷车启动后发动机异响约 3 秒', troubleCodes: ['P0016'], cause: '正时链条张紧器失效', proposedRepair: '更换正时链条套件', estimatedHours: 4.5 },
    }, { token: await app.login('tech1') });
    expect(diagnosed.data.recordDiagnosis.userErrors).toEqual([]);

    // R-EST-2/3: the itemised estimate; totals derived; an alternative and a deferrable line.
    const saved = await app.gql(SAVE, {
      input: {
        workOrderId: order.id,
        lines: [
          { kind: 'PART', partNumber: '06K109467K', description: '正时链条张紧器（原厂）', quantity: 1, unitPriceFen: 68000, partSource: 'OEM', payer: 'CUSTOMER', alternativeGroup: 'tensioner' },
          { kind: 'PART', partNumber: 'AM-109467', description: '正时链条张紧器（品牌件）', quantity: 1, unitPriceFen: 39000, partSource: 'AFTERMARKET', payer: 'CUSTOMER', alternativeGroup: 'tensioner', tradeOff: '质保 6 个月' },
          { kind: 'LABOUR', description: '更换正时链条套件', skill: 'ENGINE', standardHours: 4.5, hourlyRateFen: 32000, payer: 'CUSTOMER' },
          { kind: 'LABOUR', description: '更换前刹车片', skill: 'CHASSIS', standardHours: 1, hourlyRateFen: 32000, payer: 'CUSTOMER', deferrable: true, risk: '刹车片剩 3 mm，建议一个月内更换' },
          { kind: 'FEE', description: '辅料', amountFen: 2000, payer: 'CUSTOMER' },
        ],
      },
    }, { token: advisor });
    expect(saved.data.saveEstimate.userErrors).toEqual([]);
    const estimate = saved.data.saveEstimate.estimate;
    expect(estimate.totals.totalFen).toBe(68000 + 144000 + 32000 + 2000);
    const sent = await app.gql(SEND, { input: { estimateId: estimate.id, expectedVersion: estimate.version } }, { token: advisor });
    expect(sent.data.sendEstimate.workOrder.status).toBe('AWAITING_APPROVAL');

    // R-EST-4: nothing starts without an approval.
    const bare = await app.gql(`mutation($id: ID!) { transitionWorkOrder(input: { id: $id, to: QUEUED }) { userErrors { code } } }`, { id: order.id }, { token: advisor });
    expect(bare.data.transitionWorkOrder.userErrors.map((e: { code: string }) => e.code)).toEqual(['APPROVAL_REQUIRED']);

    // The customer's page shows the estimate (no internal fields) and approves it: the aftermarket part, the brakes deferred.
    const tracked = (await app.gql(TRACK, { token })).data.trackWorkOrder;
    expect(tracked.status).toBe('AWAITING_APPROVAL');
    const lines = tracked.pendingEstimate.lines as { id: string; description: string }[];
    const id = (description: string) => lines.find((l) => l.description === description)!.id;
    const approved = await app.gql(APPROVE_BY_LINK, {
      input: { token, estimateId: tracked.pendingEstimate.id, expectedVersion: tracked.pendingEstimate.version, approvedLineIds: [id('正时链条张紧器（品牌件）'), id('更换正时链条套件'), id('辅料')], deferredLineIds: [id('更换前刹车片')], approverName: '王先生' },
    });
    expect(approved.data.approveEstimateByLink).toEqual({ progress: { status: 'QUEUED', pendingEstimate: null }, userErrors: [] });

    // Who, when, how, the exact lines and the total approved (R-EST-4); the deferred line waits for the next visit (R-EST-3, R-APT-8).
    const after = (await app.gql(ORDER, { id: order.id }, { token: advisor })).data.workOrder;
    expect(after.status).toBe('QUEUED');
    const approval = after.estimates[0].approvals[0];
    expect(approval).toMatchObject({ method: 'LINK', approverName: '王先生', totalFen: 39000 + 144000 + 2000, customerFen: 39000 + 144000 + 2000 });
    expect(approval.lines.map((l: { id: string }) => l.id).sort()).toEqual([id('正时链条张紧器（品牌件）'), id('更换正时链条套件'), id('辅料')].sort());
    const carried = await app.gql(`query($id: ID!) { node(id: $id) { ... on Vehicle { carriedOverItems { description risk } } } }`, { id: vehicleId }, { token: advisor });
    expect(carried.errors).toBeUndefined();
    expect(carried.data.node.carriedOverItems).toEqual([expect.objectContaining({ description: '更换前刹车片', risk: '刹车片剩 3 mm，建议一个月内更换' })]);
    expect(after.events.filter((e: { kind: string }) => e.kind === 'TRANSITIONED').map((e: { to: string }) => e.to)).toEqual(['AWAITING_APPROVAL', 'QUEUED']);

    // Live: the customer's page saw the estimate arrive and go; the wall saw the card, with its APPOINTMENT flag, reach QUEUED.
    await page.until((items) => items.some((p: { status: string }) => p.status === 'QUEUED'));
    expect(page.items.some((p: { status: string; pendingEstimate: unknown }) => p.status === 'AWAITING_APPROVAL' && p.pendingEstimate)).toBe(true);
    await board.until((items) => items.some((e: any) => e.card?.workOrder.status === 'QUEUED'));
    const card = board.items.findLast((e: any) => e.workOrderId === order.id).card;
    expect(card.flags).toEqual(expect.arrayContaining(['APPOINTMENT', 'CUSTOMER_WAITING']));

    // Everything above is in the store's one log, in order, for this order.
    const kinds = await sql<{ kind: string }>(`select kind from domain_event where aggregate_type = 'WorkOrder' and aggregate_id = ? order by seq`, [dbId(order.id, 'WorkOrder')]);
    expect(kinds.map((k) => k.kind)).toEqual(expect.arrayContaining(['RECEIVED', 'WALK_AROUND_RECORDED', 'TRANSITIONED']));
  });
});
