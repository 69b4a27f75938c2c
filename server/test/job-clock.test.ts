import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../src/shared/clock.js';
import { assign, createWalkedAroundOrder, move, approveOneLineEstimate, workOrderIn } from './helpers/flows.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

// The services' clock (clockings, events) starts at the real now and is moved forward by the tests.
const clock = new ManualClock(new Date());
const advance = (minutes: number) => clock.set(new Date(clock.now().getTime() + minutes * 60_000));
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ clock });
});
afterAll(() => app?.stop());

const CLOCK = `mutation($input: ClockJobInput!) { clockJob(input: $input) {
  job { id status standardHours actualHours clockings { technician { id name } start end } }
  userErrors { code field message } } }`;
const PROGRESS = `mutation($input: ReportProgressInput!) { reportProgress(input: $input) {
  workOrder { id status version progressPercent lastProgressAt lastProgressNote progressNotes { note percent at by { id } } }
  userErrors { code field message } } }`;
const ORDER = `query($id: ID!) { workOrder(id: $id) { id status version startedAt jobs { id status actualHours clockings { technician { id } start end } } events { kind from to actor { id } } } }`;
const CARDS = `query { board { cards { workOrder { id } clockedHours clockedOn standardHours progressPercent progressNote lastProgressAt staleAt updatedAt flags } } }`;
const TRACK = `query($token: String!) { trackWorkOrder(token: $token) { progressPercent progressNote progressAt } }`;

const token = (u: string) => app.login(u).then((t) => ({ token: t }));
const staffId = (u: string) => Buffer.from(`Staff:${app.staffIds[u]}`).toString('base64url');
const clockJob = async (as: string, input: Record<string, unknown>) => (await app.gql(CLOCK, { input }, await token(as))).data?.clockJob;
const order = async (id: string) => (await app.gql(ORDER, { id }, await token('manager'))).data.workOrder;
const codes = (res: { userErrors: { code: string }[] }) => res.userErrors.map((e) => e.code);
const sql = async <T = Record<string, unknown>>(query: string, params: unknown[] = []): Promise<T[]> => app.orm.em.fork().getConnection().execute(query, params);

/** Frees the order's bay for the next test (the foreman holds it; a bay holds one car in progress). */
async function release(id: string) {
  const res = await move(app, 'foreman', id, 'ON_HOLD', { holdReason: 'OTHER', reason: '测试结束' });
  if (!res.workOrder) throw new Error(JSON.stringify(res));
}

/** A QUEUED order assigned to `technicians` on a bay (default: tech1 on `bay`). */
async function queued(bay: number, technicians = ['tech1'], jobs?: unknown[]) {
  const wo = await createWalkedAroundOrder(app, jobs ? { jobs } : {});
  await move(app, 'advisor', wo.id, 'AWAITING_APPROVAL');
  await approveOneLineEstimate(app, wo.id);
  const assigned = await assign(app, wo.id, technicians, bay);
  if (assigned.userErrors?.length) throw new Error(JSON.stringify(assigned));
  return { id: wo.id as string, trackingUrl: wo.trackingUrl, jobs: (await order(wo.id)).jobs as { id: string; status: string }[] };
}

describe('R-WO-4: the job clock', () => {
  it('clocking ON the first job of a QUEUED order starts it (→ IN_PROGRESS through the transitions table); OFF finished marks the job DONE with actual hours', async () => {
    const wo = await queued(0);
    const on = await clockJob('tech1', { jobId: wo.jobs[0].id, action: 'ON' });
    expect(on.userErrors).toEqual([]);
    expect(on.job).toMatchObject({ status: 'IN_PROGRESS', clockings: [{ technician: { id: staffId('tech1') }, end: null }] });
    let current = await order(wo.id);
    expect(current.status).toBe('IN_PROGRESS');
    expect(current.startedAt).not.toBeNull();
    // The move and the clocking, in one transaction, in this order; the technician is the actor of both.
    expect(current.events.slice(-2)).toMatchObject([
      { kind: 'TRANSITIONED', from: 'QUEUED', to: 'IN_PROGRESS', actor: { id: staffId('tech1') } },
      { kind: 'CLOCKED_ON', to: 'IN_PROGRESS', actor: { id: staffId('tech1') } },
    ]);

    advance(90);
    const off = await clockJob('tech1', { jobId: wo.jobs[0].id, action: 'OFF', finished: true });
    expect(off.userErrors).toEqual([]);
    expect(off.job.status).toBe('DONE');
    expect(off.job.actualHours).toBe(1.5);
    expect(off.job.standardHours).toBe(1.5);
    const [clocking] = off.job.clockings;
    expect(Date.parse(clocking.end) - Date.parse(clocking.start)).toBe(90 * 60_000);
    current = await order(wo.id);
    expect(current.events.at(-1)).toMatchObject({ kind: 'CLOCKED_OFF', to: 'IN_PROGRESS' });
    // The card: clocked against standard hours.
    const card = (await app.gql(CARDS, {}, await token('foreman'))).data.board.cards.find((c: { workOrder: { id: string } }) => c.workOrder.id === wo.id);
    expect(card).toMatchObject({ clockedHours: 1.5, standardHours: 1.5, clockedOn: 0 });
    await release(wo.id);
  });

  it('actual hours are kept per job and per technician; the card counts open clockings as they run', async () => {
    const wo = await queued(1, ['tech1', 'leader'], [
      { title: '更换氧传感器', skill: 'ENGINE', standardHours: 1.5 },
      { title: '更换空调滤芯', skill: 'MAINTENANCE', standardHours: 0.5 },
    ]);
    expect((await clockJob('tech1', { jobId: wo.jobs[0].id, action: 'ON' })).userErrors).toEqual([]);
    expect((await clockJob('leader', { jobId: wo.jobs[0].id, action: 'ON' })).userErrors).toEqual([]);
    advance(30);
    // Finishing while another technician is still on the job is refused.
    expect(codes(await clockJob('tech1', { jobId: wo.jobs[0].id, action: 'OFF', finished: true }))).toEqual(['JOB_STILL_CLOCKED']);
    expect(codes(await clockJob('leader', { jobId: wo.jobs[0].id, action: 'OFF' }))).toEqual([]);
    expect((await clockJob('leader', { jobId: wo.jobs[1].id, action: 'ON' })).job.status).toBe('IN_PROGRESS');
    advance(15);
    const done = await clockJob('tech1', { jobId: wo.jobs[0].id, action: 'OFF', finished: true });
    expect(done.job.actualHours).toBe(1.25); // 45 minutes by tech1 + 30 by the leader
    expect(done.job.clockings.map((c: { technician: { id: string } }) => c.technician.id).sort()).toEqual([staffId('tech1'), staffId('leader')].sort());
    const card = (await app.gql(CARDS, {}, await token('foreman'))).data.board.cards.find((c: { workOrder: { id: string } }) => c.workOrder.id === wo.id);
    // 1.25 h closed on the first job; the leader's open clocking on the second counts from its start.
    expect(card.clockedOn).toBe(1);
    expect(card.clockedHours).toBeGreaterThanOrEqual(1.25);
    expect((await clockJob('leader', { jobId: wo.jobs[1].id, action: 'OFF', finished: true })).job).toMatchObject({ status: 'DONE', actualHours: 0.25 });
    await release(wo.id);
  });

  it('only a technician assigned to the order clocks (CLOCK_NOT_ON_CREW; other roles are FORBIDDEN)', async () => {
    const wo = await queued(2);
    expect(codes(await clockJob('tech2', { jobId: wo.jobs[0].id, action: 'ON' }))).toEqual(['CLOCK_NOT_ON_CREW']);
    const foreman = await app.gql(CLOCK, { input: { jobId: wo.jobs[0].id, action: 'ON' } }, await token('foreman'));
    expect(foreman.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await order(wo.id)).status).toBe('QUEUED');
  });

  it('one open clocking per technician at a time (ALREADY_CLOCKED_ON names the other job); nothing is written', async () => {
    const a = await queued(0);
    const b = await queued(1);
    expect((await clockJob('tech1', { jobId: a.jobs[0].id, action: 'ON' })).userErrors).toEqual([]);
    const before = await sql<{ n: number }>('select count(*)::int as n from domain_event');
    const second = await clockJob('tech1', { jobId: b.jobs[0].id, action: 'ON' });
    expect(second.userErrors).toEqual([expect.objectContaining({ code: 'ALREADY_CLOCKED_ON', field: ['input', 'jobId'] })]);
    expect(second.userErrors[0].message).toContain('更换氧传感器');
    expect(codes(await clockJob('tech1', { jobId: a.jobs[0].id, action: 'ON' }))).toEqual(['ALREADY_CLOCKED_ON']);
    expect(await sql<{ n: number }>('select count(*)::int as n from domain_event')).toEqual(before);
    expect((await order(b.id)).status).toBe('QUEUED'); // the refused ON did not start the other order
    expect(codes(await clockJob('tech1', { jobId: a.jobs[0].id, action: 'OFF' }))).toEqual([]);
    expect(codes(await clockJob('tech1', { jobId: b.jobs[0].id, action: 'ON' }))).toEqual([]);
    expect(codes(await clockJob('tech1', { jobId: b.jobs[0].id, action: 'OFF' }))).toEqual([]);
    await release(a.id);
    await release(b.id);
  });

  it('concurrency: two ONs of the same technician at once — exactly one wins', async () => {
    const a = await queued(0);
    const b = await queued(1, ['tech1'], [{ title: '四轮定位', skill: 'CHASSIS', standardHours: 1 }]);
    const t = await token('tech1');
    const results = await Promise.all([
      app.gql(CLOCK, { input: { jobId: a.jobs[0].id, action: 'ON' } }, t),
      app.gql(CLOCK, { input: { jobId: a.jobs[0].id, action: 'ON' } }, t),
      app.gql(CLOCK, { input: { jobId: b.jobs[0].id, action: 'ON' } }, t),
    ]);
    const outcomes = results.map((r) => r.data.clockJob);
    expect(outcomes.filter((o) => o.userErrors.length === 0)).toHaveLength(1);
    const open = await sql<{ n: number }>('select count(*)::int as n from job_clocking where technician_id = ? and "end" is null', [app.staffIds.tech1]);
    expect(open[0].n).toBe(1);
    for (const o of outcomes.filter((x) => x.userErrors.length)) expect(o.userErrors[0].code).toBe('ALREADY_CLOCKED_ON');
    // The loser's order did not start; clock off whatever won.
    const won = outcomes.find((o) => o.userErrors.length === 0)!;
    expect(codes(await clockJob('tech1', { jobId: won.job.id, action: 'OFF' }))).toEqual([]);
    const started = won.job.id === b.jobs[0].id ? b : a;
    expect((await order(started === a ? b.id : a.id)).status).toBe('QUEUED');
    await release(started.id);
  });

  it('R-EST-6: a job waiting for the customer’s approval cannot be clocked (JOB_WAITING_APPROVAL)', async () => {
    const wo = await workOrderIn(app, 'IN_PROGRESS', 2);
    const added = await app.gql(
      `mutation($input: AddSupplementalWorkInput!) { addSupplementalWork(input: $input) { workOrder { jobs { id status } } userErrors { code } } }`,
      { input: { workOrderId: wo.id, reason: '拆检发现前刹车盘磨损超限', lines: [{ kind: 'LABOUR', description: '更换前刹车盘', skill: 'CHASSIS', standardHours: 1.2, hourlyRateFen: 32000 }] } },
      await token('advisor'),
    );
    const waiting = added.data.addSupplementalWork.workOrder.jobs.find((j: { status: string }) => j.status === 'WAITING_APPROVAL');
    const res = await clockJob('tech1', { jobId: waiting.id, action: 'ON' });
    expect(res.userErrors).toEqual([expect.objectContaining({ code: 'JOB_WAITING_APPROVAL', field: ['input', 'jobId'] })]);
    expect(res.userErrors[0].message).toContain('更换前刹车盘');
    await release(wo.id);
  });

  it('the transitions table’s guards apply to the start: no bay, no start (NOT_ASSIGNED), and nothing is clocked', async () => {
    const wo = await queued(99); // no bay: the test store has fewer bays
    const res = await clockJob('tech1', { jobId: wo.jobs[0].id, action: 'ON' });
    expect(codes(res)).toEqual(['NOT_ASSIGNED']);
    expect((await order(wo.id)).status).toBe('QUEUED');
    expect((await sql<{ n: number }>('select count(*)::int as n from job_clocking where job_id = ?', [Number(Buffer.from(wo.jobs[0].id, 'base64url').toString().split(':')[1])]))[0].n).toBe(0);
  });

  it('refusals with clear codes: OFF without ON, finished with ON, unknown job, orders not in work (in English too)', async () => {
    const wo = await queued(2);
    expect(codes(await clockJob('tech1', { jobId: wo.jobs[0].id, action: 'OFF' }))).toEqual(['NOT_CLOCKED_ON']);
    expect(codes(await clockJob('tech1', { jobId: wo.jobs[0].id, action: 'ON', finished: true }))).toEqual(['FINISHED_ONLY_WITH_OFF']);
    expect(codes(await clockJob('tech1', { jobId: 'nonsense', action: 'ON' }))).toEqual(['NOT_FOUND']);
    const held = await workOrderIn(app, 'ON_HOLD', 0);
    const heldJob = (await order(held.id)).jobs[0].id;
    const en = await app.gql(CLOCK, { input: { jobId: heldJob, action: 'ON' } }, { token: await app.login('tech1'), locale: 'en' });
    expect(en.data.clockJob.userErrors).toEqual([expect.objectContaining({ code: 'CLOCK_ORDER_NOT_IN_WORK', message: 'The work order is ON_HOLD; jobs cannot be clocked on' })]);
  });
});

describe('R-WO-6: progress notes', () => {
  it('reportProgress appends a note, restarts the STALE timer and shows on the card and the customer page', async () => {
    const wo = await queued(1);
    expect(codes(await clockJob('tech1', { jobId: wo.jobs[0].id, action: 'ON' }))).toEqual([]);
    advance(25);
    const res = (await app.gql(PROGRESS, { input: { workOrderId: wo.id, note: '已拆下正时罩盖，链条导轨磨损', percent: 40 } }, await token('tech1'))).data.reportProgress;
    expect(res.userErrors).toEqual([]);
    expect(res.workOrder).toMatchObject({ progressPercent: 40, lastProgressNote: '已拆下正时罩盖，链条导轨磨损', progressNotes: [{ note: '已拆下正时罩盖，链条导轨磨损', percent: 40, by: { id: staffId('tech1') } }] });
    expect(res.workOrder.lastProgressAt).toBe(clock.now().toISOString());
    const card = (await app.gql(CARDS, {}, await token('foreman'))).data.board.cards.find((c: { workOrder: { id: string } }) => c.workOrder.id === wo.id);
    expect(card).toMatchObject({ progressPercent: 40, progressNote: '已拆下正时罩盖，链条导轨磨损', lastProgressAt: clock.now().toISOString() });
    // STALE counts from the report: 30 minutes after it, not after the start.
    expect(Date.parse(card.staleAt)).toBe(clock.now().getTime() + 30 * 60_000);
    const progress = (await app.gql(TRACK, { token: wo.trackingUrl.split('/t/')[1] })).data.trackWorkOrder;
    expect(progress).toMatchObject({ progressPercent: 40, progressNote: '已拆下正时罩盖，链条导轨磨损', progressAt: clock.now().toISOString() });

    advance(10);
    const leader = (await app.gql(PROGRESS, { input: { workOrderId: wo.id, note: '导轨已更换', percent: 70 } }, await token('leader'))).data.reportProgress;
    expect(leader.workOrder.progressNotes.map((n: { percent: number }) => n.percent)).toEqual([40, 70]);
    expect(codes((await app.gql(PROGRESS, { input: { workOrderId: wo.id, note: '巡检', percent: 70 } }, await token('foreman'))).data.reportProgress)).toEqual([]);
    const events = (await order(wo.id)).events.filter((e: { kind: string }) => e.kind === 'PROGRESS_REPORTED');
    expect(events).toHaveLength(3);
    expect(codes(await clockJob('tech1', { jobId: wo.jobs[0].id, action: 'OFF' }))).toEqual([]);
    await release(wo.id);
  });

  it('refuses technicians not on the crew, orders not in the workshop and bad input, writing nothing', async () => {
    const wo = await workOrderIn(app, 'IN_PROGRESS', 2);
    const ask = async (as: string, input: Record<string, unknown>) => (await app.gql(PROGRESS, { input: { workOrderId: wo.id, ...input } }, await token(as))).data?.reportProgress;
    expect(codes(await ask('tech2', { note: '进行中', percent: 10 }))).toEqual(['PROGRESS_NOT_PERMITTED']);
    expect(codes(await ask('tech1', { note: '进行中', percent: 120 }))).toEqual(['OUT_OF_RANGE']);
    expect(codes(await ask('tech1', { note: '  ', percent: 10 }))).toEqual(['REQUIRED']);
    expect(codes(await ask('tech1', { note: '进行中' }))).toEqual(['REQUIRED']);
    expect((await app.gql(PROGRESS, { input: { workOrderId: wo.id, note: 'x', percent: 1 } }, await token('advisor'))).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const draft = await createWalkedAroundOrder(app);
    expect(codes((await app.gql(PROGRESS, { input: { workOrderId: draft.id, note: '进行中', percent: 10 } }, await token('foreman'))).data.reportProgress)).toEqual(['PROGRESS_ORDER_NOT_IN_WORKSHOP']);
    expect((await order(wo.id)).events.some((e: { kind: string }) => e.kind === 'PROGRESS_REPORTED')).toBe(false);
    await release(wo.id);
  });
});
