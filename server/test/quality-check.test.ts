import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { move, passQualityCheck, SIGN_QC, signQualityCheck, workOrderIn } from './helpers/flows.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app?.stop());

const token = (u: string) => app.login(u).then((t) => ({ token: t }));
const staffId = (u: string) => Buffer.from(`Staff:${app.staffIds[u]}`).toString('base64url');
const codes = (res: { userErrors: { code: string }[] }) => res.userErrors.map((e) => e.code);
const ORDER = `query($id: ID!) { workOrder(id: $id) { id status version reworkCount qualityLevel qualityChecks { round level result roadTest cause signedBy { id } responsible { id } } events { kind from to reason actor { id } } } }`;
const order = async (id: string) => (await app.gql(ORDER, { id }, await token('manager'))).data.workOrder;
const CARDS = `query { board { cards { workOrder { id } qualityLevel flags } } }`;
const cardOf = async (id: string) => (await app.gql(CARDS, {}, await token('foreman'))).data.board.cards.find((c: { workOrder: { id: string } }) => c.workOrder.id === id);
const TRACK = `query($token: String!) { trackWorkOrder(token: $token) { status qualityLevel steps { key state detail } } }`;
const track = async (trackingUrl: string, locale?: string) => (await app.gql(TRACK, { token: trackingUrl.split('/t/')[1] }, { locale })).data.trackWorkOrder;

describe('R-QC-1: three levels in order, none skipped, one person one level', () => {
  it('SELF (assigned technician) → MUTUAL (team leader) → FINAL (QC inspector, road test); the card and the customer page show the level done', async () => {
    const wo = await workOrderIn(app, 'QUALITY_CHECK', 0);
    const self = await signQualityCheck(app, wo.id, 'SELF', { notes: '扭矩已复核' });
    expect(self.userErrors).toEqual([]);
    expect(self.workOrder).toMatchObject({ status: 'QUALITY_CHECK', qualityLevel: 'SELF', qualityChecks: [{ round: 1, level: 'SELF', result: 'PASS', notes: '扭矩已复核', roadTest: false, signedBy: { id: staffId('tech1') }, responsible: null }] });
    expect((await cardOf(wo.id)).qualityLevel).toBe('SELF');
    const zh = await track(wo.trackingUrl);
    expect(zh.qualityLevel).toBe('SELF');
    expect(zh.steps.find((s: { key: string }) => s.key === 'QUALITY_CHECK')).toEqual({ key: 'QUALITY_CHECK', state: 'CURRENT', detail: '自检已完成' });

    const mutual = await signQualityCheck(app, wo.id, 'MUTUAL');
    expect(mutual.workOrder.qualityLevel).toBe('MUTUAL');
    expect((await track(wo.trackingUrl, 'en')).steps[3].detail).toBe('Mutual check done');
    const final = await signQualityCheck(app, wo.id, 'FINAL', { roadTest: true });
    expect(final.userErrors).toEqual([]);
    expect(final.workOrder.qualityChecks.map((c: { level: string; roadTest: boolean }) => `${c.level}:${c.roadTest}`)).toEqual(['SELF:false', 'MUTUAL:false', 'FINAL:true']);
    expect((await cardOf(wo.id)).qualityLevel).toBe('FINAL');
    const events = (await order(wo.id)).events.filter((e: { kind: string }) => e.kind === 'QUALITY_CHECK_SIGNED');
    expect(events.map((e: { actor: { id: string } }) => e.actor.id)).toEqual([staffId('tech1'), staffId('leader'), staffId('qc')]);
    // R-QC-1 guard satisfied: the car may leave quality check.
    expect((await move(app, 'qc', wo.id, 'WASHING')).workOrder.status).toBe('WASHING');
    expect((await cardOf(wo.id)).qualityLevel).toBeNull();
  });

  it('none may be skipped (QC_LEVEL_OUT_OF_ORDER), each level once a round, by its role only; nothing is written', async () => {
    const wo = await workOrderIn(app, 'QUALITY_CHECK', 1);
    const version = (await order(wo.id)).version;
    expect((await signQualityCheck(app, wo.id, 'FINAL')).userErrors).toEqual([expect.objectContaining({ code: 'QC_LEVEL_OUT_OF_ORDER', field: ['input', 'level'], message: '请先完成自检（三检按自检、互检、终检顺序，不能跳过）' })]);
    expect(codes(await signQualityCheck(app, wo.id, 'MUTUAL'))).toEqual(['QC_LEVEL_OUT_OF_ORDER']);
    expect(codes(await signQualityCheck(app, wo.id, 'SELF', {}, 'tech2'))).toEqual(['QC_NOT_ON_CREW']);
    expect(codes(await signQualityCheck(app, wo.id, 'MUTUAL', {}, 'tech1'))).toEqual(['QC_ROLE_REQUIRED']);
    expect(codes(await signQualityCheck(app, wo.id, 'SELF', { roadTest: true }))).toEqual(['ROAD_TEST_FINAL_ONLY']);
    const advisor = await app.gql(SIGN_QC, { input: { workOrderId: wo.id, level: 'SELF', result: 'PASS' } }, await token('advisor'));
    expect(advisor.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await order(wo.id)).version).toBe(version);
    expect(codes(await signQualityCheck(app, wo.id, 'SELF'))).toEqual([]);
    expect(codes(await signQualityCheck(app, wo.id, 'SELF'))).toEqual(['QC_LEVEL_ALREADY_SIGNED']);
    const en = await app.gql(SIGN_QC, { input: { workOrderId: wo.id, level: 'FINAL', result: 'PASS' } }, { token: await app.login('qc'), locale: 'en' });
    expect(en.data.signQualityCheck.userErrors[0].message).toBe('Sign the mutual check first (self, mutual, final — none skipped)');
  });

  it('one person cannot sign two levels of the same work order (QC_SAME_SIGNER)', async () => {
    // The team leader is also a technician: on the crew, they may self-check, and then not mutual-check.
    const wo = await workOrderIn(app, 'IN_PROGRESS', 2);
    const assigned = await app.gql(
      `mutation($input: AssignWorkOrderInput!) { assignWorkOrder(input: $input) { userErrors { code } } }`,
      { input: { id: wo.id, bayId: Buffer.from(`Bay:${app.bays[2].id}`).toString('base64url'), technicianIds: [staffId('tech1'), staffId('leader')], expectedVersion: (await order(wo.id)).version } },
      await token('foreman'),
    );
    expect(assigned.data.assignWorkOrder.userErrors).toEqual([]);
    expect((await move(app, 'tech1', wo.id, 'QUALITY_CHECK')).workOrder.status).toBe('QUALITY_CHECK');
    expect(codes(await signQualityCheck(app, wo.id, 'SELF', {}, 'leader'))).toEqual([]);
    const same = await signQualityCheck(app, wo.id, 'MUTUAL', {}, 'leader');
    expect(same.userErrors).toEqual([expect.objectContaining({ code: 'QC_SAME_SIGNER', message: '您已签过该工单的自检，同一人不能签两级检验' })]);
  });

  it('QC_FINAL_REQUIRED: QUALITY_CHECK → WASHING/READY only after FINAL passes in the current round, for every actor', async () => {
    const wo = await workOrderIn(app, 'QUALITY_CHECK', 0);
    expect(codes(await move(app, 'qc', wo.id, 'READY'))).toEqual(['QC_FINAL_REQUIRED']);
    expect(codes(await move(app, 'manager', wo.id, 'WASHING'))).toEqual(['QC_FINAL_REQUIRED']);
    await signQualityCheck(app, wo.id, 'SELF');
    await signQualityCheck(app, wo.id, 'MUTUAL');
    expect(codes(await move(app, 'qc', wo.id, 'READY'))).toEqual(['QC_FINAL_REQUIRED']);
    await signQualityCheck(app, wo.id, 'FINAL');
    expect((await move(app, 'qc', wo.id, 'READY')).workOrder.status).toBe('READY');
  });
});

describe('R-QC-2: a failed check sends the order back as rework with the cause and the responsible person', () => {
  it('FAIL at FINAL: cause and responsible recorded, back to IN_PROGRESS (reworkCount), a new round that needs all three levels again', async () => {
    const wo = await workOrderIn(app, 'QUALITY_CHECK', 1);
    await signQualityCheck(app, wo.id, 'SELF');
    await signQualityCheck(app, wo.id, 'MUTUAL');
    expect(codes(await signQualityCheck(app, wo.id, 'FINAL', { result: 'FAIL', roadTest: true }))).toEqual(['CAUSE_REQUIRED', 'RESPONSIBLE_REQUIRED']);
    expect(codes(await signQualityCheck(app, wo.id, 'FINAL', { result: 'FAIL', cause: '路试仍有异响', responsibleId: 'garbage' }))).toEqual(['INVALID_ID']);
    const failed = await signQualityCheck(app, wo.id, 'FINAL', { result: 'FAIL', roadTest: true, cause: '路试仍有异响', responsibleId: staffId('tech1') });
    expect(failed.userErrors).toEqual([]);
    expect(failed.workOrder).toMatchObject({ status: 'IN_PROGRESS', reworkCount: 1, qualityLevel: null });
    expect(failed.workOrder.qualityChecks.at(-1)).toMatchObject({ round: 1, level: 'FINAL', result: 'FAIL', roadTest: true, cause: '路试仍有异响', signedBy: { id: staffId('qc') }, responsible: { id: staffId('tech1') } });
    const current = await order(wo.id);
    expect(current.events.slice(-2)).toMatchObject([
      { kind: 'QUALITY_CHECK_SIGNED', actor: { id: staffId('qc') } },
      { kind: 'TRANSITIONED', from: 'QUALITY_CHECK', to: 'IN_PROGRESS', reason: '路试仍有异响', actor: { id: staffId('qc') } },
    ]);
    expect((await cardOf(wo.id)).flags).toContain('REWORK');

    // Round 2: back in quality check, nothing signed yet; the first round's passes do not count.
    expect((await move(app, 'tech1', wo.id, 'QUALITY_CHECK')).workOrder.status).toBe('QUALITY_CHECK');
    expect(codes(await move(app, 'qc', wo.id, 'READY'))).toEqual(['QC_FINAL_REQUIRED']);
    expect(codes(await signQualityCheck(app, wo.id, 'FINAL'))).toEqual(['QC_LEVEL_OUT_OF_ORDER']);
    const passed = await passQualityCheck(app, wo.id);
    expect((passed.workOrder as { qualityChecks: { round: number }[] }).qualityChecks.map((c) => c.round)).toEqual([1, 1, 1, 2, 2, 2]);
    expect((await move(app, 'qc', wo.id, 'READY')).workOrder.status).toBe('READY');
  });

  it('FAIL at SELF by the technician: the system moves the car back for them (the technician is no mover of QC → IN_PROGRESS)', async () => {
    const wo = await workOrderIn(app, 'QUALITY_CHECK', 2);
    const failed = await signQualityCheck(app, wo.id, 'SELF', { result: 'FAIL', cause: '漏装隔热垫', responsibleId: staffId('tech1') });
    expect(failed.userErrors).toEqual([]);
    expect(failed.workOrder).toMatchObject({ status: 'IN_PROGRESS', reworkCount: 1 });
    const last = (await order(wo.id)).events.at(-1);
    expect(last).toMatchObject({ kind: 'TRANSITIONED', from: 'QUALITY_CHECK', to: 'IN_PROGRESS', reason: '漏装隔热垫', actor: null });
    expect(codes(await signQualityCheck(app, wo.id, 'MUTUAL', { result: 'FAIL', cause: 'x', responsibleId: staffId('tech1') }))).toEqual(['ORDER_NOT_IN_QUALITY_CHECK']);
    expect((await move(app, 'foreman', wo.id, 'ON_HOLD', { holdReason: 'OTHER', reason: '测试结束' })).workOrder.status).toBe('ON_HOLD');
  });

  it('a PASS takes no cause or responsible person (NOT_APPLICABLE_ON_PASS); the rework move by transitionWorkOrder still starts a new round', async () => {
    const wo = await workOrderIn(app, 'QUALITY_CHECK', 0);
    expect(codes(await signQualityCheck(app, wo.id, 'SELF', { cause: '无', responsibleId: staffId('tech1') }))).toEqual(['NOT_APPLICABLE_ON_PASS', 'NOT_APPLICABLE_ON_PASS']);
    await signQualityCheck(app, wo.id, 'SELF');
    const back = await move(app, 'qc', wo.id, 'IN_PROGRESS', { reason: '外观检查发现漆面划伤' });
    expect(back.workOrder.status).toBe('IN_PROGRESS');
    const current = await order(wo.id);
    expect(current).toMatchObject({ reworkCount: 1, qualityLevel: null });
    expect((await move(app, 'tech1', wo.id, 'QUALITY_CHECK')).workOrder.status).toBe('QUALITY_CHECK');
    expect(codes(await signQualityCheck(app, wo.id, 'MUTUAL'))).toEqual(['QC_LEVEL_OUT_OF_ORDER']);
  });
});
