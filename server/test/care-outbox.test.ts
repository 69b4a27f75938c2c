import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCrontab } from 'graphile-worker';
import { dbId } from '../src/graphql/global-id.js';
import { MODULES } from '../src/modules/index.js';
import { MessagePurpose } from '../src/modules/outbox/outbox.enums.js';
import { taskList } from '../src/services.js';
import { ManualClock } from '../src/shared/clock.js';
import { approveOneLineEstimate, assign, createCustomerAndVehicle, createWorkOrder, move, passQualityCheck, recordDelivery, recordWalkAround, settle, workOrderIn } from './helpers/flows.js';
import { contractOperations } from './helpers/contract.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

// The clock is moved across real calendars; the worker is off, so the tests run the jobs themselves.
const clock = new ManualClock(new Date('2027-01-04T10:00:00+08:00'));
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ clock, config: { worker: false } });
});
afterAll(() => app?.stop());

const at = (local: string) => new Date(`${local}+08:00`);
const services = () => app.server.services;
const sql = async <T = Record<string, unknown>>(query: string, params: unknown[] = []): Promise<T[]> => app.orm.em.fork().getConnection().execute(query, params);
const MESSAGE = 'id channel template status scheduledAt sentAt recipient failure suppressedBecause text customer { id }';
const CALENDAR = `query($from: String!, $to: String!, $kinds: [CareKind!]) { careCalendar(from: $from, to: $to, kinds: $kinds) { date kind customer { id name } vehicle { id plate } reason messages { ${MESSAGE} } } }`;
const OUTBOX = `query($filter: OutboxFilter) { outboxMessages(first: 50, filter: $filter) { totalCount edges { node { ${MESSAGE} } } pageInfo { hasNextPage endCursor } } }`;
const UPDATE_CUSTOMER = `mutation($input: UpdateCustomerInput!) { updateCustomer(input: $input) { customer { id version } userErrors { code field } } }`;
const UPDATE_VEHICLE = `mutation($input: UpdateVehicleInput!) { updateVehicle(input: $input) { vehicle { id version } userErrors { code field } } }`;

async function calendar(from: string, to: string, kinds: string[] | null = null, as = 'manager', locale?: string): Promise<any[]> {
  const res = await app.gql(CALENDAR, { from, to, kinds }, { token: await app.login(as), locale });
  if (!res.data) throw new Error(JSON.stringify(res));
  return res.data.careCalendar;
}
async function outbox(customerId: string, as = 'cs') {
  const res = await app.gql(OUTBOX, { filter: { customerId } }, { token: await app.login(as) });
  if (!res.data) throw new Error(JSON.stringify(res));
  return res.data.outboxMessages.edges.map((e: { node: any }) => e.node) as any[];
}
/** A customer with a vehicle and archive fields set through updateCustomer / updateVehicle. */
async function customer(archive: Record<string, unknown> = {}, vehicle: Record<string, unknown> = {}) {
  const made = await createCustomerAndVehicle(app);
  const token = await app.login('advisor');
  if (Object.keys(archive).length) {
    const res = await app.gql(UPDATE_CUSTOMER, { input: { id: made.customerId, expectedVersion: 1, ...archive } }, { token });
    expect(res.data?.updateCustomer?.userErrors, JSON.stringify(res)).toEqual([]);
  }
  if (Object.keys(vehicle).length) {
    const res = await app.gql(UPDATE_VEHICLE, { input: { id: made.vehicleId, expectedVersion: 1, ...vehicle } }, { token });
    expect(res.data?.updateVehicle?.userErrors, JSON.stringify(res)).toEqual([]);
  }
  return made;
}
const planDay = (date: string) => services().care.planDay(app.orm.em.fork(), app.storeId, date);
/** Moves the clock and runs every send job due by then, as the worker would. */
async function sendDue(local: string) {
  clock.set(at(local));
  return services().outbox.sendDue(app.orm.em.fork(), app.storeId);
}
const mine = (entries: any[], customerId: string) => entries.filter((e) => e.customer.id === customerId);
const recorded = (messageId: string) => services().outbox.recording.sent.filter((m) => m.messageId === dbId(messageId, 'OutboxMessage'));

/** A visit of an existing vehicle, received and delivered through the API at the clock's time. */
async function visit(vehicleId: string, mileageIn: number, delivery: Record<string, unknown>) {
  const wo = await createWorkOrder(app, { vehicleId, mileageIn, promisedAt: new Date(clock.now().getTime() + 4 * 3_600_000).toISOString() });
  const steps: (() => Promise<any>)[] = [
    () => recordWalkAround(app, wo.id),
    () => move(app, 'advisor', wo.id, 'AWAITING_APPROVAL'),
    () => approveOneLineEstimate(app, wo.id),
    () => assign(app, wo.id, ['tech1'], 0),
    () => move(app, 'tech1', wo.id, 'IN_PROGRESS'),
    () => move(app, 'tech1', wo.id, 'QUALITY_CHECK'),
    () => passQualityCheck(app, wo.id),
    () => move(app, 'qc', wo.id, 'READY'),
    () => settle(app, wo.id),
    () => recordDelivery(app, wo.id, delivery),
    () => move(app, 'advisor', wo.id, 'DELIVERED'),
  ];
  for (const [i, step] of steps.entries()) {
    const res = await step();
    if (!res.workOrder) throw new Error(`visit step ${i}: ${JSON.stringify(res)}`);
  }
  return wo;
}

describe('care planning through the outbox (R-CARE-1..5)', () => {
  it('R-CARE-5 a lunar birthday (四月廿七) is greeted on 2027-06-01 and on 2028-05-21, before 08:30 local', async () => {
    const { customerId } = await customer({ lunarBirthday: { month: 4, day: 27, leap: false }, preferredChannel: 'WECHAT' });
    const in2027 = mine(await calendar('2027-05-01', '2027-06-30', ['BIRTHDAY']), customerId);
    expect(in2027.map((e) => [e.date, e.kind, e.vehicle])).toEqual([['2027-06-01', 'BIRTHDAY', null]]);
    expect(in2027[0].reason).toBe('农历生日（4/27）');
    expect(mine(await calendar('2028-05-01', '2028-06-30', ['BIRTHDAY']), customerId).map((e) => e.date)).toEqual(['2028-05-21']);

    expect(await planDay('2027-05-31')).toBeGreaterThanOrEqual(0);
    expect(await outbox(customerId)).toEqual([]);
    await planDay('2027-06-01');
    const [greeting] = await outbox(customerId);
    expect(greeting).toMatchObject({ channel: 'WECHAT', template: 'LUNAR_BIRTHDAY_GREETING', status: 'SCHEDULED', scheduledAt: at('2027-06-01T08:00:00').toISOString() });
    await sendDue('2027-06-01T08:00:00');
    const [sent] = await outbox(customerId);
    expect(sent).toMatchObject({ status: 'SENT', sentAt: at('2027-06-01T08:00:00').toISOString() });
    expect(Date.parse(sent.sentAt)).toBeLessThan(at('2027-06-01T08:30:00').getTime());
    expect(recorded(sent.id).map((m) => m.text)).toEqual([expect.stringContaining('农历生日')]);
    expect((await calendar('2027-06-01', '2027-06-01', ['BIRTHDAY'], 'manager', 'en')).find((e: any) => e.customer.id === customerId)).toMatchObject({ reason: 'Lunar birthday (4/27)', messages: [{ id: sent.id, status: 'SENT' }] });
  });

  it('R-CARE-5 Mid-Autumn 2027 falls on 2027-09-15: every customer is greeted at 09:00, and National Day on 10-01', async () => {
    const { customerId } = await customer();
    const days = mine(await calendar('2027-09-01', '2027-10-07', ['HOLIDAY']), customerId);
    expect(days.map((e) => [e.date, e.reason])).toEqual([
      ['2027-09-15', '中秋节'],
      ['2027-10-01', '国庆节'],
    ]);
    await planDay('2027-09-15');
    const [greeting] = (await outbox(customerId)).filter((m) => m.template === 'HOLIDAY_MID_AUTUMN');
    expect(greeting).toMatchObject({ channel: 'SMS', scheduledAt: at('2027-09-15T09:00:00').toISOString() });
    await sendDue('2027-09-15T09:00:00');
    expect(recorded(greeting.id)[0].text).toContain('中秋快乐');
  });

  it('R-CARE-2 maintenance due by mileage estimated from the recorded visits: reminder 5 days ahead, SMS the day before, a phone task the day after', async () => {
    const { customerId, vehicleId } = await customer({ preferredChannel: 'WECHAT' });
    clock.set(at('2027-01-04T10:00:00'));
    await visit(vehicleId, 12_000, { mileageOut: 12_010, nextServiceDueOn: '2027-07-04', nextServiceDueKm: 20_000 });
    clock.set(at('2027-03-05T10:00:00'));
    await visit(vehicleId, 18_000, { mileageOut: 18_010, nextServiceDueOn: '2027-07-04', nextServiceDueKm: 20_000 });
    // 6 010 km in 60 days, about 100 a day: 20 000 km is reached on 03-25, long before the 07-04 date.
    const [due] = await calendar('2027-03-01', '2027-05-31', ['MAINTENANCE_DUE']).then((all: any[]) => all.filter((e) => e.vehicle?.id === vehicleId));
    expect(due).toMatchObject({ date: '2027-03-25', kind: 'MAINTENANCE_DUE', customer: { id: customerId }, messages: [] });
    expect(due.reason).toBe('按里程保养到期：20000公里，按到店记录日均约100公里推算（18010公里@2027-03-05）');

    await planDay('2027-03-20');
    await planDay('2027-03-24');
    await planDay('2027-03-26');
    const planned = (await outbox(customerId)).reverse();
    expect(planned.map((m) => [m.template, m.channel, m.scheduledAt])).toEqual([
      ['MAINTENANCE_REMINDER', 'WECHAT', at('2027-03-20T10:00:00').toISOString()],
      ['MAINTENANCE_DAY_BEFORE', 'SMS', at('2027-03-24T10:00:00').toISOString()],
      ['MAINTENANCE_CALL', 'PHONE_TASK', at('2027-03-26T10:00:00').toISOString()],
    ]);
    await sendDue('2027-03-26T10:00:00');
    const [again] = (await calendar('2027-03-25', '2027-03-25', ['MAINTENANCE_DUE'])).filter((e: any) => e.vehicle?.id === vehicleId);
    expect(again.messages.map((m: any) => m.status)).toEqual(['SENT', 'SENT', 'SENT']);
    expect(recorded(planned[0].id)[0].text).toContain('2027-03-25');
    // The phone task is a follow-up CARE_CALL on customer service's list.
    const tasks = await app.gql(`query { followUpTasks(first: 50, filter: { kind: [CARE_CALL] }) { edges { node { kind topic customer { id } } } } }`, {}, { token: await app.login('cs') });
    expect(tasks.data.followUpTasks.edges.map((e: any) => e.node).filter((t: any) => t.customer.id === customerId)).toEqual([
      { kind: 'CARE_CALL', topic: expect.stringContaining('保养已于2027-03-25到期'), customer: { id: customerId } },
    ]);
  });

  it('R-CARE-1 a new car sold here: welcome with the first-maintenance date the next day, a call on day 3, the questionnaire on day 7; first maintenance at 3 months', async () => {
    // (The vehicle archive refuses purchase dates after the real today, so this car was bought in 2026.)
    const { customerId, vehicleId } = await customer({}, { purchaseDate: '2026-11-01', soldHere: true, warrantyYears: 3, warrantyKm: 100_000 });
    const entries = (await calendar('2026-11-01', '2027-02-01', ['NEW_CAR_WELCOME', 'MAINTENANCE_DUE'])).filter((e: any) => e.vehicle?.id === vehicleId);
    expect(entries.map((e: any) => [e.date, e.kind, e.reason])).toEqual([
      ['2026-11-01', 'NEW_CAR_WELCOME', '新车交付（2026-11-01），首保2027-02-01或5000公里'],
      ['2027-02-01', 'MAINTENANCE_DUE', '首次保养（2027-02-01或5000公里，先到为准）'],
    ]);
    for (const day of ['2026-11-02', '2026-11-04', '2026-11-08']) await planDay(day);
    const planned = (await outbox(customerId)).reverse();
    expect(planned.map((m) => [m.template, m.channel, m.scheduledAt])).toEqual([
      ['NEW_CAR_WELCOME', 'SMS', at('2026-11-02T10:00:00').toISOString()],
      ['NEW_CAR_CALL', 'PHONE_TASK', at('2026-11-04T10:00:00').toISOString()],
      ['NEW_CAR_SURVEY', 'SMS', at('2026-11-08T10:00:00').toISOString()],
    ]);
    expect(planned[0].text).toContain('首次保养请在2027-02-01前或行驶5000公里时进行');
  });

  it('R-CARE-3/4 warranty checkpoints, insurance expiry and annual inspection from the vehicle archive, reminded a month and a week ahead', async () => {
    clock.set(at('2027-02-01T10:00:00'));
    const { customerId, vehicleId } = await customer({}, { purchaseDate: '2026-09-15', insuranceExpiresOn: '2027-03-20', inspectionDueOn: '2027-03-31' });
    const entries = (await calendar('2027-02-01', '2027-04-30')).filter((e: any) => e.vehicle?.id === vehicleId);
    expect(entries.map((e: any) => [e.date, e.kind])).toEqual([
      ['2027-03-15', 'WARRANTY_CHECK'],
      ['2027-03-20', 'INSURANCE_EXPIRY'],
      ['2027-03-31', 'INSPECTION_DUE'],
    ]);
    await planDay('2027-02-18'); // 30 days before the insurance expires
    await planDay('2027-03-12'); // 3 days before the warranty check
    await planDay('2027-03-13'); // a week before the insurance expires
    expect((await outbox(customerId)).reverse().map((m) => m.template)).toEqual(['INSURANCE_EXPIRY', 'WARRANTY_CHECK', 'INSURANCE_EXPIRY']);
  });
});

describe('the outbox (R-CARE-6/7)', () => {
  it('R-CARE-7 quiet hours: a CARE message due at 22:30 waits for 08:00; a SERVICE message goes at once', async () => {
    const { customerId } = await customer();
    const id = dbId(customerId, 'Customer')!;
    clock.set(at('2027-04-01T22:30:00'));
    const em = app.orm.em.fork();
    const actor = { kind: 'system', storeId: app.storeId, process: 'test' } as const;
    const care = await services().outbox.enqueue(em, actor, { storeId: app.storeId, customerId: id, template: 'BIRTHDAY_GREETING', variables: {}, scheduledAt: clock.now(), purpose: MessagePurpose.CARE, idempotencyKey: `test:quiet:${id}:care` });
    const service = await services().outbox.enqueue(em, actor, { storeId: app.storeId, customerId: id, template: 'WORK_ORDER_DELAY', variables: { plate: '京A1', number: 'X', reason: '配件晚到', promisedAt: '04-02 10:00', remedy: null }, scheduledAt: clock.now(), purpose: MessagePurpose.SERVICE, idempotencyKey: `test:quiet:${id}:service` });
    expect(care.ok && service.ok).toBe(true);
    await sendDue('2027-04-01T22:30:00');
    const byTemplate = Object.fromEntries((await outbox(customerId)).map((m) => [m.template, m]));
    expect(byTemplate.WORK_ORDER_DELAY).toMatchObject({ status: 'SENT', sentAt: at('2027-04-01T22:30:00').toISOString() });
    expect(byTemplate.BIRTHDAY_GREETING).toMatchObject({ status: 'SCHEDULED', scheduledAt: at('2027-04-02T08:00:00').toISOString() });
    // The deferral is on the job queue, keyed by the message.
    const [job] = await sql<{ run_at: Date }>(`select run_at from graphile_worker.jobs where key = ?`, [`outbox:${dbId(byTemplate.BIRTHDAY_GREETING.id, 'OutboxMessage')}`]);
    expect(new Date(job.run_at).toISOString()).toBe(at('2027-04-02T08:00:00').toISOString());
    await sendDue('2027-04-02T08:00:00');
    expect((await outbox(customerId)).find((m) => m.template === 'BIRTHDAY_GREETING')).toMatchObject({ status: 'SENT' });
  });

  it('R-CARE-6 frequency cap: a fourth CARE message in 7 days is SUPPRESSED with the reason; a SERVICE message is exempt', async () => {
    const { customerId } = await customer();
    const id = dbId(customerId, 'Customer')!;
    const em = app.orm.em.fork();
    const actor = { kind: 'system', storeId: app.storeId, process: 'test' } as const;
    const enqueue = (key: string, day: string, purpose = MessagePurpose.CARE) =>
      services().outbox.enqueue(em, actor, { storeId: app.storeId, customerId: id, template: purpose === MessagePurpose.SERVICE ? 'WORK_ORDER_DELAY' : 'HOLIDAY_DRAGON_BOAT', variables: { plate: '京A1', number: 'X', reason: '等件', promisedAt: '—', remedy: null }, scheduledAt: at(`${day}T10:00:00`), purpose, idempotencyKey: `test:cap:${id}:${key}` });
    for (const [key, day] of [['a', '2027-05-01'], ['b', '2027-05-02'], ['c', '2027-05-03'], ['d', '2027-05-04']]) {
      await enqueue(key, day);
      await sendDue(`${day}T10:00:00`);
    }
    await enqueue('service', '2027-05-04', MessagePurpose.SERVICE);
    await sendDue('2027-05-04T10:00:00');
    // A week after the first, there is room again.
    await enqueue('e', '2027-05-08');
    await sendDue('2027-05-08T10:00:00');
    const list = (await outbox(customerId)).reverse();
    expect(list.map((m) => [m.template, m.status, m.suppressedBecause])).toEqual([
      ['HOLIDAY_DRAGON_BOAT', 'SENT', null],
      ['HOLIDAY_DRAGON_BOAT', 'SENT', null],
      ['HOLIDAY_DRAGON_BOAT', 'SENT', null],
      ['HOLIDAY_DRAGON_BOAT', 'SUPPRESSED', 'FREQUENCY_CAP'],
      ['WORK_ORDER_DELAY', 'SENT', null],
      ['HOLIDAY_DRAGON_BOAT', 'SENT', null],
    ]);
    expect(recorded(list[3].id)).toEqual([]);
  });

  it('R-CARE-7 idempotent: planning a day twice, or in two processes at once, plans each message once; two send jobs send it once', async () => {
    const { customerId } = await customer({ birthday: '1988-07-07' });
    const first = await planDay('2027-07-07');
    expect(first).toBeGreaterThan(0);
    expect(await planDay('2027-07-07')).toBe(0);
    const [a, b] = await Promise.all([planDay('2027-07-07'), planDay('2027-07-07')]);
    expect(a + b).toBe(0);
    const [greeting] = await outbox(customerId);
    expect((await outbox(customerId)).length).toBe(1);
    clock.set(at('2027-07-07T08:00:00'));
    const messageId = dbId(greeting.id, 'OutboxMessage')!;
    const send = taskList(services())['outbox.send'];
    await Promise.all([send({ storeId: app.storeId, messageId }, { attempt: 1, maxAttempts: 25 }), send({ storeId: app.storeId, messageId }, { attempt: 1, maxAttempts: 25 })]);
    await send({ storeId: app.storeId, messageId }, { attempt: 1, maxAttempts: 25 });
    expect(recorded(greeting.id).length).toBe(1);
    expect((await outbox(customerId))[0]).toMatchObject({ status: 'SENT' });
  });

  it('R-CARE-7 the hourly job plans each store’s local day once, whichever process runs it', async () => {
    // The crontab every worker starts with parses (graphile-worker refuses it at start-up otherwise).
    expect(parseCrontab(MODULES.flatMap((m) => m.cron ?? []).join('\n')).map((c) => c.task)).toContain('care:plan-stores');
    clock.set(at('2027-08-08T00:05:00'));
    const { customerId } = await customer({ birthday: '1980-08-08' });
    const task = taskList(services())['care:plan-stores'];
    await Promise.all([task({}, { attempt: 1, maxAttempts: 25 }), task({}, { attempt: 1, maxAttempts: 25 })]);
    await task({}, { attempt: 1, maxAttempts: 25 });
    expect((await outbox(customerId)).map((m) => m.template)).toEqual(['BIRTHDAY_GREETING']);
    expect(await sql(`select day::text as day from care_plan_run where store_id = ?`, [app.storeId])).toEqual([{ day: '2027-08-08' }]);
  });

  it('R-WO-7 a delay reported on a work order sends the customer a SERVICE message with the reason and the remedy, once', async () => {
    clock.set(new Date());
    const order = await workOrderIn(app, 'IN_PROGRESS');
    const version = (await app.gql(`query($id: ID!) { workOrder(id: $id) { version customer { id } } }`, { id: order.id }, { token: await app.login('manager') })).data.workOrder;
    const res = await app.gql(
      `mutation($input: ReportWorkOrderDelayInput!) { reportWorkOrderDelay(input: $input) { workOrder { id } userErrors { code field } } }`,
      { input: { id: order.id, expectedVersion: version.version, promisedAt: new Date(clock.now().getTime() + 26 * 3_600_000).toISOString(), reason: '配件（氧传感器）明天上午到货', remedy: '免费代步车' } },
      { token: await app.login('advisor') },
    );
    expect(res.data.reportWorkOrderDelay.userErrors).toEqual([]);
    await services().dispatcher.dispatch(app.storeId);
    await services().dispatcher.dispatch(app.storeId);
    const messages = await outbox(version.customer.id);
    expect(messages.map((m) => [m.template, m.status])).toEqual([['WORK_ORDER_DELAY', 'SCHEDULED']]);
    await services().outbox.sendDue(app.orm.em.fork(), app.storeId);
    const [sent] = await outbox(version.customer.id);
    expect(sent.status).toBe('SENT');
    expect(sent.text).toContain('配件（氧传感器）明天上午到货');
    expect(sent.text).toContain('我们为您提供：免费代步车。');
    expect(recorded(sent.id).length).toBe(1);
    const [row] = await sql<{ purpose: string }>('select purpose from outbox_message where id = ?', [dbId(sent.id, 'OutboxMessage')]);
    expect(row.purpose).toBe('SERVICE');

    // A delay the consumer only reads more than a day later (a consumer added to a running store starts at the log's beginning) is news no more.
    const late = await workOrderIn(app, 'QUEUED');
    const lateOrder = (await app.gql(`query($id: ID!) { workOrder(id: $id) { version customer { id } } }`, { id: late.id }, { token: await app.login('manager') })).data.workOrder;
    await app.gql(
      `mutation($input: ReportWorkOrderDelayInput!) { reportWorkOrderDelay(input: $input) { workOrder { id } userErrors { code field } } }`,
      { input: { id: late.id, expectedVersion: lateOrder.version, promisedAt: new Date(clock.now().getTime() + 3_600_000).toISOString(), reason: '等待配件' } },
      { token: await app.login('advisor') },
    );
    clock.set(new Date(clock.now().getTime() + 25 * 3_600_000));
    await services().dispatcher.dispatch(app.storeId);
    expect(await outbox(lateOrder.customer.id)).toEqual([]);
  });

  it('R-CARE-7 roles: customer service and managers read the outbox and the calendar (the recipient masked for managers); others are refused', async () => {
    const { customerId } = await customer({ birthday: '1975-12-12' });
    await planDay('2027-12-12');
    const [forCs] = await outbox(customerId, 'cs');
    const [forManager] = await outbox(customerId, 'manager');
    expect(forCs.recipient).toMatch(/^1\d{10}$/);
    expect(forManager.recipient).toBe(`${forCs.recipient.slice(0, 3)}****${forCs.recipient.slice(-4)}`);
    for (const who of ['tech1', 'advisor', 'cashier']) {
      const o = await app.gql(OUTBOX, {}, { token: await app.login(who) });
      expect(o.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const c = await app.gql(CALENDAR, { from: '2027-12-01', to: '2027-12-31' }, { token: await app.login(who) });
      expect(c.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    expect((await app.gql(OUTBOX, {})).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const tooLong = await app.gql(CALENDAR, { from: '2027-01-01', to: '2027-12-31' }, { token: await app.login('manager') });
    expect(tooLong.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('R-CARE-6 the store’s sending rules are a manager’s setting, checked and version-locked', async () => {
    const SETTINGS = `mutation($input: UpdateOutboxSettingsInput!) { updateOutboxSettings(input: $input) { settings { quietStart quietEnd capCount capWindowDays version } userErrors { code field } } }`;
    const input = { quietStart: '22:00', quietEnd: '07:30', capCount: 5, capWindowDays: 14, defaultLocale: 'zh', maxAttempts: 4, retryBaseSeconds: 60, expectedVersion: 1 };
    expect((await app.gql(SETTINGS, { input }, { token: await app.login('cs') })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await app.gql(SETTINGS, { input: { ...input, quietStart: '25:00' } }, { token: await app.login('manager') })).data.updateOutboxSettings.userErrors).toEqual([{ code: 'OUTBOX_INVALID_TIME', field: ['input', 'quietStart'] }]);
    const saved = await app.gql(SETTINGS, { input }, { token: await app.login('manager') });
    expect(saved.data.updateOutboxSettings).toMatchObject({ settings: { quietStart: '22:00', quietEnd: '07:30', capCount: 5, capWindowDays: 14, version: 2 }, userErrors: [] });
    expect((await app.gql(SETTINGS, { input }, { token: await app.login('manager') })).data.updateOutboxSettings.userErrors[0].code).toBe('STALE_VERSION');
    // Back to the defaults for the other tests of this file.
    await app.gql(SETTINGS, { input: { ...input, quietStart: '21:00', quietEnd: '08:00', capCount: 3, capWindowDays: 7, expectedVersion: 2 } }, { token: await app.login('manager') });
  });

  it('R-CARE-7 the contract’s CareCalendar and Outbox operations run as written', async () => {
    const doc = contractOperations('care.graphql', ['CareCalendar', 'Outbox']);
    const { customerId } = await customer({ birthday: '1970-12-24' });
    await planDay('2026-12-24');
    const token = await app.login('manager');
    const cal = await fetch(app.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query: doc, operationName: 'CareCalendar' }) }).then((r) => r.json() as Promise<any>);
    expect(cal.errors).toBeUndefined();
    expect(cal.data.careCalendar.filter((e: any) => e.customer.id === customerId)).toEqual([
      { date: '2026-12-24', kind: 'BIRTHDAY', customer: { id: customerId, name: '张伟' }, vehicle: null, reason: '公历生日', messages: [expect.objectContaining({ channel: 'SMS', status: 'SCHEDULED' })] },
    ]);
    const list = await fetch(app.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query: doc, operationName: 'Outbox' }) }).then((r) => r.json() as Promise<any>);
    expect(list.errors).toBeUndefined();
    expect(list.data.outboxMessages.totalCount).toBeGreaterThan(0);
  });
});
