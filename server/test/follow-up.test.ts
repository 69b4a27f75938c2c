import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbId } from '../src/graphql/global-id.js';
import { DomainEvent } from '../src/events/domain-event.entity.js';
import { ManualClock } from '../src/shared/clock.js';
import { workOrderIn } from './helpers/flows.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

const clock = new ManualClock(new Date());
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ clock, config: { worker: false } });
});
afterAll(() => app?.stop());

const sql = async <T = Record<string, unknown>>(query: string, params: unknown[] = []): Promise<T[]> => app.orm.em.fork().getConnection().execute(query, params);
const TASKS = `query($f: FollowUpFilter) { followUpTasks(first: 50, filter: $f) { totalCount edges { node { id kind status dueAt topic channel customer { id } workOrder { id } attempts { outcome channel notes by { id } } } } } }`;
const COMPLETE = `mutation($input: CompleteFollowUpInput!) { completeFollowUp(input: $input) {
  task { id status dueAt attempts { outcome } } survey { id attitude quality priceTransparency suggestions workOrder { id } } userErrors { code field } } }`;

/** Delivers an order through the API and lets the durable consumers read the log (the worker is off: deterministic). */
async function delivered(preferredChannel?: string) {
  const order = await workOrderIn(app, 'DELIVERED');
  if (preferredChannel) {
    const [{ customer_id }] = await sql<{ customer_id: number }>('select customer_id from work_order where id = ?', [dbId(order.id, 'WorkOrder')]);
    await sql('update customer set preferred_channel = ? where id = ?', [preferredChannel, customer_id]);
  }
  await app.server.services.dispatcher.dispatch(app.storeId);
  const tasks = (await app.gql(TASKS, {}, { token: await app.login('cs') })).data.followUpTasks.edges.map((e: { node: any }) => e.node).filter((t: any) => t.workOrder?.id === order.id);
  return { order, tasks };
}
async function call(taskId: string, outcome: string, extra: Record<string, unknown> = {}, as = 'cs') {
  const res = await app.gql(COMPLETE, { input: { taskId, outcome, channel: 'PHONE', ...extra } }, { token: await app.login(as) });
  return res.data?.completeFollowUp ?? res;
}

describe('follow-up calls from the event log (R-FU-1/2/4)', () => {
  it('R-FU-1/4 a delivery creates the callback due within 24 hours and two tracking calls (day 3, a week later), each with its topic, on the preferred channel', async () => {
    const { order, tasks } = await delivered('WECHAT');
    expect(tasks.map((t: any) => t.kind)).toEqual(['CALLBACK', 'TRACKING_CALL', 'TRACKING_CALL']);
    expect(new Set(tasks.map((t: any) => t.topic)).size).toBe(3);
    expect(tasks.every((t: any) => t.channel === 'WECHAT' && t.status === 'OPEN')).toBe(true);
    const [deliveredAt] = await sql<{ at: Date }>(`select at from domain_event where aggregate_type = 'WorkOrder' and aggregate_id = ? and data->>'to' = 'DELIVERED'`, [dbId(order.id, 'WorkOrder')]);
    const hoursAfter = (t: any) => (Date.parse(t.dueAt) - new Date(deliveredAt.at).getTime()) / 3_600_000;
    expect(tasks.map(hoursAfter)).toEqual([24, 72, 240]);
    // At least once, never twice: the consumer handling the same event again adds nothing.
    const event = await app.orm.em.fork().findOneOrFail(DomainEvent, { aggregateType: 'WorkOrder', aggregateId: dbId(order.id, 'WorkOrder')!, data: { to: 'DELIVERED' } });
    await app.orm.em.fork().transactional((tx) => app.server.services.followUps.onWorkOrderEvent(tx, event));
    expect((await sql<{ n: number }>('select count(*)::int as n from follow_up_task where work_order_id = ?', [dbId(order.id, 'WorkOrder')]))[0].n).toBe(3);
  });

  it('R-FU-1 not reached: every attempt is logged, the call comes back 2 hours later, then the next day, then the task ends UNREACHED', async () => {
    const { tasks } = await delivered();
    const callback = tasks[0];
    const first = await call(callback.id, 'NO_ANSWER', { notes: '无人接听' });
    expect(first.task.status).toBe('OPEN');
    expect(Date.parse(first.task.dueAt) - clock.now().getTime()).toBe(2 * 3_600_000);
    const second = await call(callback.id, 'BUSY');
    expect(Date.parse(second.task.dueAt) - clock.now().getTime()).toBe(24 * 3_600_000);
    const third = await call(callback.id, 'NO_ANSWER');
    expect(third.task).toMatchObject({ status: 'UNREACHED', attempts: [{ outcome: 'NO_ANSWER' }, { outcome: 'BUSY' }, { outcome: 'NO_ANSWER' }] });
    expect((await call(callback.id, 'REACHED')).userErrors).toEqual([expect.objectContaining({ code: 'TASK_NOT_OPEN' })]);
  });

  it('R-FU-1 not reached after every retry: the survey is offered by SMS, a link to the progress page, once', async () => {
    const { order, tasks } = await delivered();
    for (const outcome of ['NO_ANSWER', 'BUSY', 'NO_ANSWER']) await call(tasks[0].id, outcome);
    const messages = await sql<{ channel: string; template: string; purpose: string; variables: { link: string }; idempotency_key: string }>(
      `select channel, template, purpose, variables, idempotency_key from outbox_message where template = 'SURVEY_LINK' and vehicle_id = (select vehicle_id from work_order where id = ?)`,
      [dbId(order.id, 'WorkOrder')],
    );
    expect(messages).toEqual([expect.objectContaining({ channel: 'SMS', purpose: 'CARE', idempotency_key: `survey-link:${dbId(order.id, 'WorkOrder')}` })]);
    expect(messages[0].variables.link).toBe(order.trackingUrl);
    // A tracking call not reached offers nothing (the survey is the callback's).
    for (const outcome of ['NO_ANSWER', 'NO_ANSWER', 'NO_ANSWER']) await call(tasks[1].id, outcome);
    expect((await sql(`select 1 from outbox_message where template = 'SURVEY_LINK' and vehicle_id = (select vehicle_id from work_order where id = ?)`, [dbId(order.id, 'WorkOrder')])).length).toBe(1);
  });

  it('R-FU-2 reached, the survey of the visit is recorded with the call, once per visit', async () => {
    const { order, tasks } = await delivered();
    const survey = { attitude: 5, quality: 4, priceTransparency: 4, suggestions: '休息区加充电口' };
    expect((await call(tasks[0].id, 'NO_ANSWER', { survey })).userErrors).toEqual([expect.objectContaining({ code: 'SURVEY_NEEDS_REACHED', field: ['input', 'survey'] })]);
    expect((await call(tasks[0].id, 'REACHED', { survey: { ...survey, quality: 6 } })).userErrors).toEqual([expect.objectContaining({ code: 'OUT_OF_RANGE', field: ['input', 'survey', 'quality'] })]);
    const done = await call(tasks[0].id, 'REACHED', { survey, notes: '客户满意' });
    expect(done.task.status).toBe('DONE');
    expect(done.survey).toMatchObject({ ...survey, workOrder: { id: order.id } });
    // A second survey of the same visit is refused and nothing of that call is written.
    const again = await call(tasks[1].id, 'REACHED', { survey });
    expect(again.userErrors).toEqual([expect.objectContaining({ code: 'SURVEY_EXISTS' })]);
    expect((await sql<{ n: number }>('select count(*)::int as n from follow_up_attempt where task_id = ?', [dbId(tasks[1].id, 'Task')]))[0].n).toBe(0);
  });

  it('R-FU-1 the callback deadline is a store setting: a manager moves it, deliveries after that use it; others may not', async () => {
    const SETTINGS = `mutation($input: UpdateFollowUpSettingsInput!) { updateFollowUpSettings(input: $input) { settings { callbackWithinHours version } userErrors { code field } } }`;
    expect((await app.gql(`{ followUpSettings { callbackWithinHours version } }`, {}, { token: await app.login('cs') })).data.followUpSettings).toEqual({ callbackWithinHours: 24, version: 1 });
    expect((await app.gql(SETTINGS, { input: { callbackWithinHours: 12, expectedVersion: 1 } }, { token: await app.login('cs') })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await app.gql(SETTINGS, { input: { callbackWithinHours: 100, expectedVersion: 1 } }, { token: await app.login('manager') })).data.updateFollowUpSettings.userErrors).toEqual([{ code: 'OUT_OF_RANGE', field: ['input', 'callbackWithinHours'] }]);
    const saved = await app.gql(SETTINGS, { input: { callbackWithinHours: 12, expectedVersion: 1 } }, { token: await app.login('manager') });
    expect(saved.data.updateFollowUpSettings).toEqual({ settings: { callbackWithinHours: 12, version: 2 }, userErrors: [] });
    expect((await app.gql(SETTINGS, { input: { callbackWithinHours: 6, expectedVersion: 1 } }, { token: await app.login('manager') })).data.updateFollowUpSettings.userErrors[0].code).toBe('STALE_VERSION');
    try {
      const { order, tasks } = await delivered();
      const [deliveredAt] = await sql<{ at: Date }>(`select at from domain_event where aggregate_type = 'WorkOrder' and aggregate_id = ? and data->>'to' = 'DELIVERED'`, [dbId(order.id, 'WorkOrder')]);
      expect((Date.parse(tasks[0].dueAt) - new Date(deliveredAt.at).getTime()) / 3_600_000).toBe(12);
    } finally {
      await app.gql(SETTINGS, { input: { callbackWithinHours: 24, expectedVersion: 2 } }, { token: await app.login('manager') });
    }
  });

  it('the list: OPEN and OVERDUE (open past the due time), by kind; only customer service, advisors and managers', async () => {
    const { tasks } = await delivered();
    clock.set(new Date(Date.parse(tasks[0].dueAt) + 60_000));
    try {
      const overdue = (await app.gql(TASKS, { f: { status: ['OVERDUE'], kind: ['CALLBACK'] } }, { token: await app.login('cs') })).data.followUpTasks.edges.map((e: any) => e.node);
      expect(overdue.map((t: any) => t.id)).toContain(tasks[0].id);
      expect(overdue.every((t: any) => t.status === 'OVERDUE' && t.kind === 'CALLBACK')).toBe(true);
      const open = (await app.gql(TASKS, { f: { status: ['OPEN'], assignedToMe: true } }, { token: await app.login('cs') })).data.followUpTasks.edges.map((e: any) => e.node.id);
      expect(open).toContain(tasks[1].id);
      expect(open).not.toContain(tasks[0].id);
    } finally {
      clock.set(new Date());
    }
    expect((await app.gql(TASKS, {}, { token: await app.login('tech1') })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

describe('the survey on the customer’s progress page (R-FU-2)', () => {
  const TRACK = `query($token: String!) { trackWorkOrder(token: $token) { status survey { answered attitude quality priceTransparency } } }`;
  const ANSWER = `mutation($input: AnswerSurveyByLinkInput!) { answerSurveyByLink(input: $input) { progress { status survey { answered attitude quality priceTransparency } } userErrors { code field } } }`;
  const tokenOf = (trackingUrl: string) => trackingUrl.split('/t/')[1];
  const answer = async (token: string, extra: Record<string, unknown> = {}) =>
    (await app.gql(ANSWER, { input: { token, attitude: 5, quality: 4, priceTransparency: 3, suggestions: '休息区的咖啡不错', ...extra } })).data.answerSurveyByLink;

  it('R-FU-2 offered once the car is delivered; answered once, tied to the work order, and the callback cannot record a second one', async () => {
    const inProgress = await workOrderIn(app, 'QUEUED');
    const early = tokenOf(inProgress.trackingUrl);
    expect((await app.gql(TRACK, { token: early })).data.trackWorkOrder.survey).toBeNull();
    expect((await answer(early)).userErrors).toEqual([{ code: 'SURVEY_NOT_OPEN', field: ['input', 'token'] }]);
    expect((await answer('not-a-token-at-all-000000000000')).userErrors[0].code).toBe('SURVEY_NOT_OPEN');

    const { order, tasks } = await delivered();
    const token = tokenOf(order.trackingUrl);
    expect((await app.gql(TRACK, { token })).data.trackWorkOrder.survey).toEqual({ answered: false, attitude: null, quality: null, priceTransparency: null });
    expect((await answer(token, { quality: 6 })).userErrors).toEqual([{ code: 'OUT_OF_RANGE', field: ['input', 'quality'] }]);
    const done = await answer(token);
    expect(done).toEqual({ progress: { status: 'DELIVERED', survey: { answered: true, attitude: 5, quality: 4, priceTransparency: 3 } }, userErrors: [] });
    expect((await answer(token, { attitude: 1 })).userErrors[0].code).toBe('SURVEY_EXISTS');
    const [row] = await sql<{ via: string; suggestions: string; attitude: number }>('select via, suggestions, attitude from survey where work_order_id = ?', [dbId(order.id, 'WorkOrder')]);
    expect(row).toEqual({ via: 'PROGRESS_PAGE', suggestions: '休息区的咖啡不错', attitude: 5 });
    const [event] = await sql<{ kind: string; actor_kind: string }>(`select kind, actor_kind from domain_event where aggregate_type = 'Survey' order by seq desc limit 1`);
    expect(event).toEqual({ kind: 'ANSWERED', actor_kind: 'customer' });
    const call2 = await call(tasks[0].id, 'REACHED', { survey: { attitude: 1, quality: 1, priceTransparency: 1 } });
    expect(call2.userErrors[0].code).toBe('SURVEY_EXISTS');
  });
});
