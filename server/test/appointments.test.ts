import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbId, toGlobalId } from '../src/graphql/global-id.js';
import { readConfig } from '../src/config.js';
import { createServices, taskList } from '../src/services.js';
import { ManualClock } from '../src/shared/clock.js';
import { A, book, bookingInput, local } from './helpers/appointments.js';
import { createCustomerAndVehicle } from './helpers/flows.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

// Monday 30 November 2026, 10:00 in the store's zone (ahead of the real clock, so no scheduled job comes due by itself).
const clock = new ManualClock(new Date('2026-11-30T10:00:00+08:00'));
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ clock });
});
afterAll(() => app?.stop());

const sql = async <T = Record<string, unknown>>(query: string, params: unknown[] = []): Promise<T[]> => app.orm.em.fork().getConnection().execute(query, params);
const count = async (table: string) => (await sql<{ n: number }>(`select count(*)::int as n from ${table}`))[0].n;
const eventsOf = (id: string) => sql<{ kind: string; data: Record<string, unknown> }>(`select kind, data from domain_event where aggregate_type = 'Appointment' and aggregate_id = ? order by seq`, [dbId(id, 'Appointment')]);
const jobsOf = (id: string) =>
  sql<{ key: string; run_at: Date; task_identifier: string }>(
    `select key, run_at, task_identifier from graphile_worker.jobs where key like ? order by run_at`,
    [`appointment:${dbId(id, 'Appointment')}:%`],
  );

describe('R-APT-1/2 booking records the demand and pre-allocates bay, technician and advisor', () => {
  it('R-APT-1 a customer’s call: channel, initiator, purpose and the customer’s own words are recorded; R-APT-2 bay, technician and advisor are held', async () => {
    const res = await book(app, local('2026-12-01T09:00'), { customerWords: '刹车时有异响，想顺便做保养' });
    expect(res.userErrors).toEqual([]);
    const a = res.appointment;
    expect(a).toMatchObject({
      status: 'BOOKED',
      version: 1,
      slotStart: local('2026-12-01T09:00'),
      slotEnd: local('2026-12-01T10:00'),
      channel: 'PHONE',
      initiator: 'CUSTOMER',
      purpose: 'MAINTENANCE',
      customerWords: '刹车时有异响，想顺便做保养',
      customer: { id: res.input.customerId, name: '张伟' },
      vehicle: { id: res.input.vehicleId },
      advisor: { id: toGlobalId('Staff', app.staffIds.advisor) },
      bay: { name: '1号工位' },
      technicians: [{ id: toGlobalId('Staff', app.staffIds.tech1), name: 'tech1-姓名' }],
      jobs: [{ title: '首次保养', skill: 'MAINTENANCE', standardHours: 1 }],
      nextStatuses: ['CONFIRMED', 'ARRIVED', 'NO_SHOW', 'CANCELLED'],
    });
    const [event] = await eventsOf(a.id);
    expect(event).toMatchObject({ kind: 'BOOKED', data: { to: 'BOOKED', channel: 'PHONE', initiator: 'CUSTOMER', purpose: 'MAINTENANCE', advisorId: app.staffIds.advisor, version: 1 } });
  });

  it('R-APT-1 a store invitation (passive demand) by a manager goes to the advisor with the fewest bookings that day, or to the one named', async () => {
    const invite = await book(app, local('2026-12-02T10:00'), { channel: 'WECHAT', initiator: 'STORE', purpose: 'MAINTENANCE', customerWords: '首保' }, 'manager');
    expect(invite.userErrors).toEqual([]);
    expect(invite.appointment).toMatchObject({ channel: 'WECHAT', initiator: 'STORE', purpose: 'MAINTENANCE', advisor: { id: toGlobalId('Staff', app.staffIds.advisor) } });
    const named = await book(app, local('2026-12-02T11:00'), { advisorId: toGlobalId('Staff', app.staffIds.tech1) }, 'manager');
    expect(named.userErrors).toEqual([expect.objectContaining({ code: 'NOT_AN_ADVISOR', field: ['input', 'advisorId'] })]);
  });

  it('R-APT-2 input is checked and nothing is written when refused; only advisors and managers book', async () => {
    const before = await count('appointment');
    const input = await bookingInput(app, local('2026-12-02T13:00'), { customerWords: ' ', jobs: [] });
    const res = await app.gql(A.book, { input: { ...input, customerId: toGlobalId('Customer', 999999) } }, { token: await app.login('advisor') });
    expect(res.data.bookAppointment.userErrors.map((e: { field: string[]; code: string }) => `${e.field.join('.')}:${e.code}`).sort()).toEqual(['input.customerWords:REQUIRED', 'input.jobs:REQUIRED']);
    const unknown = await app.gql(A.book, { input: { ...input, customerWords: '保养', jobs: [{ title: '保养', skill: 'MAINTENANCE', standardHours: 1 }], customerId: toGlobalId('Customer', 999999) } }, { token: await app.login('advisor') });
    expect(unknown.data.bookAppointment.userErrors).toEqual([expect.objectContaining({ code: 'NOT_FOUND', field: ['input', 'customerId'] })]);
    for (const who of ['tech1', 'foreman', 'cs', 'cashier']) {
      const denied = await app.gql(A.book, { input: { ...input, customerWords: '保养', jobs: [{ title: '保养', skill: 'MAINTENANCE', standardHours: 1 }] } }, { token: await app.login(who) });
      expect(denied.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    expect(await count('appointment')).toBe(before);
  });
});

describe('R-APT-3 booking window', () => {
  it('R-APT-3 OUTSIDE_BOOKING_WINDOW past 7 days ahead or in the past; the 7th day is fine', async () => {
    const before = await count('appointment');
    const far = await book(app, local('2026-12-08T09:00'));
    expect(far.userErrors).toEqual([expect.objectContaining({ code: 'OUTSIDE_BOOKING_WINDOW', field: ['input', 'slotStart'] })]);
    const past = await book(app, local('2026-11-29T09:00'));
    expect(past.userErrors[0].code).toBe('OUTSIDE_BOOKING_WINDOW');
    expect(await count('appointment')).toBe(before);
    expect((await book(app, local('2026-12-07T17:00'))).userErrors).toEqual([]);
  });

  it('R-APT-3 SAME_DAY_NOT_ALLOWED by default; a manager’s store setting allows it (and widens the window)', async () => {
    const sameDay = await book(app, local('2026-11-30T15:00'));
    expect(sameDay.userErrors).toEqual([expect.objectContaining({ code: 'SAME_DAY_NOT_ALLOWED' })]);
    const manager = await app.login('manager');
    expect((await app.gql(A.readSettings, {}, { token: manager })).data.appointmentSettings).toEqual({ openTime: '08:30', closeTime: '18:00', slotMinutes: 30, bookingWindowDays: 7, sameDayAllowed: false, version: 1 });
    const denied = await app.gql(A.settings, { input: { sameDayAllowed: true, expectedVersion: 1 } }, { token: await app.login('advisor') });
    expect(denied.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const bad = await app.gql(A.settings, { input: { openTime: '8h', expectedVersion: 1 } }, { token: manager });
    expect(bad.data.updateAppointmentSettings.userErrors).toEqual([{ code: 'INVALID_TIME', field: ['input', 'openTime'] }]);
    const on = await app.gql(A.settings, { input: { sameDayAllowed: true, bookingWindowDays: 10, expectedVersion: 1 } }, { token: manager });
    expect(on.data.updateAppointmentSettings.settings).toMatchObject({ sameDayAllowed: true, bookingWindowDays: 10, version: 2 });
    const stale = await app.gql(A.settings, { input: { sameDayAllowed: false, expectedVersion: 1 } }, { token: manager });
    expect(stale.data.updateAppointmentSettings.userErrors[0].code).toBe('STALE_VERSION');
    expect((await book(app, local('2026-11-30T15:00'))).userErrors).toEqual([]);
    expect((await book(app, local('2026-12-09T09:00'))).userErrors).toEqual([]);
    const off = await app.gql(A.settings, { input: { sameDayAllowed: false, bookingWindowDays: 7, expectedVersion: 2 } }, { token: manager });
    expect(off.data.updateAppointmentSettings.settings).toMatchObject({ sameDayAllowed: false, bookingWindowDays: 7 });
  });
});

describe('appointment transitions (one table, events in the log, optimistic locking)', () => {
  it('BOOKED → CONFIRMED → ARRIVED with expectedVersion; STALE_VERSION and illegal moves are refused; every move is in the log', async () => {
    const { appointment } = await book(app, local('2026-12-03T09:00'));
    const advisor = await app.login('advisor');
    const confirmed = await app.gql(A.transition, { input: { id: appointment.id, to: 'CONFIRMED', expectedVersion: 1 } }, { token: advisor });
    expect(confirmed.data.transitionAppointment).toEqual({ appointment: { id: appointment.id, status: 'CONFIRMED', version: 2, cancelReason: null }, userErrors: [] });
    const stale = await app.gql(A.transition, { input: { id: appointment.id, to: 'ARRIVED', expectedVersion: 1 } }, { token: advisor });
    expect(stale.data.transitionAppointment.userErrors).toEqual([expect.objectContaining({ code: 'STALE_VERSION', field: ['input', 'expectedVersion'] })]);
    const illegal = await app.gql(A.transition, { input: { id: appointment.id, to: 'BOOKED', expectedVersion: 2 } }, { token: advisor });
    expect(illegal.data.transitionAppointment.userErrors).toEqual([expect.objectContaining({ code: 'ILLEGAL_APPOINTMENT_TRANSITION', field: ['input', 'to'] })]);
    const arrived = await app.gql(A.transition, { input: { id: appointment.id, to: 'ARRIVED', expectedVersion: 2 } }, { token: advisor });
    expect(arrived.data.transitionAppointment.appointment).toMatchObject({ status: 'ARRIVED', version: 3 });
    const again = await app.gql(A.transition, { input: { id: appointment.id, to: 'CANCELLED', reason: '改期' } }, { token: advisor });
    expect(again.data.transitionAppointment.userErrors[0].code).toBe('ILLEGAL_APPOINTMENT_TRANSITION');
    expect((await eventsOf(appointment.id)).map((e) => [e.kind, e.data.from ?? null, e.data.to, e.data.version])).toEqual([
      ['BOOKED', null, 'BOOKED', 1],
      ['CONFIRMED', 'BOOKED', 'CONFIRMED', 2],
      ['ARRIVED', 'CONFIRMED', 'ARRIVED', 3],
    ]);
    const timeline = await app.gql(`query($id: ID!) { appointment(id: $id) { events { kind from to version at actor { id } } } }`, { id: appointment.id }, { token: advisor });
    expect(timeline.data.appointment.events.map((e: { kind: string; from: string | null; to: string; version: number; actor: { id: string } }) => [e.kind, e.from, e.to, e.version, e.actor.id])).toEqual([
      ['BOOKED', null, 'BOOKED', 1, toGlobalId('Staff', app.staffIds.advisor)],
      ['CONFIRMED', 'BOOKED', 'CONFIRMED', 2, toGlobalId('Staff', app.staffIds.advisor)],
      ['ARRIVED', 'CONFIRMED', 'ARRIVED', 3, toGlobalId('Staff', app.staffIds.advisor)],
    ]);
  });

  it('CANCELLED needs a reason and releases the slot; NO_SHOW only once the slot has started; roles', async () => {
    const first = await book(app, local('2026-12-03T11:00'));
    const advisor = await app.login('advisor');
    const noReason = await app.gql(A.transition, { input: { id: first.appointment.id, to: 'CANCELLED', expectedVersion: 1 } }, { token: advisor });
    expect(noReason.data.transitionAppointment.userErrors).toEqual([expect.objectContaining({ code: 'REASON_REQUIRED', field: ['input', 'reason'] })]);
    for (const who of ['tech1', 'foreman', 'cs']) {
      const denied = await app.gql(A.transition, { input: { id: first.appointment.id, to: 'CONFIRMED' } }, { token: await app.login(who) });
      expect(denied.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    expect((await book(app, local('2026-12-03T11:00'))).userErrors[0].code).toBe('SLOT_UNAVAILABLE');
    const cancelled = await app.gql(A.transition, { input: { id: first.appointment.id, to: 'CANCELLED', expectedVersion: 1, reason: '客户改期' } }, { token: advisor });
    expect(cancelled.data.transitionAppointment.appointment).toMatchObject({ status: 'CANCELLED', version: 2, cancelReason: '客户改期' });
    expect((await eventsOf(first.appointment.id)).at(-1)).toMatchObject({ kind: 'CANCELLED', data: { from: 'BOOKED', to: 'CANCELLED', reason: '客户改期' } });
    // The slot is free again.
    const rebooked = await book(app, local('2026-12-03T11:00'));
    expect(rebooked.userErrors).toEqual([]);

    const early = await app.gql(A.transition, { input: { id: rebooked.appointment.id, to: 'NO_SHOW', expectedVersion: 1 } }, { token: advisor });
    expect(early.data.transitionAppointment.userErrors).toEqual([expect.objectContaining({ code: 'SLOT_NOT_STARTED' })]);
    const saved = clock.now();
    clock.set(new Date(local('2026-12-03T11:20')));
    try {
      const noShow = await app.gql(A.transition, { input: { id: rebooked.appointment.id, to: 'NO_SHOW', expectedVersion: 1 } }, { token: await app.login('manager') });
      expect(noShow.data.transitionAppointment.appointment).toMatchObject({ status: 'NO_SHOW', version: 2 });
    } finally {
      clock.set(saved);
    }
  });
});

describe('R-APT-6 advisor tasks on the job queue', () => {
  it('R-APT-6 a booking more than 3 days ahead schedules confirm (−30 min), greet (−5 min) and a reminder the day before at opening; a nearer one no reminder', async () => {
    const far = await book(app, local('2026-12-04T10:00'));
    const jobs = await jobsOf(far.appointment.id);
    const id = dbId(far.appointment.id, 'Appointment');
    expect(jobs.map((j) => [j.key, new Date(j.run_at).toISOString(), j.task_identifier])).toEqual([
      [`appointment:${id}:REMIND_CUSTOMER`, local('2026-12-03T08:30'), 'appointment.task'],
      [`appointment:${id}:CONFIRM_APPOINTMENT`, local('2026-12-04T09:30'), 'appointment.task'],
      [`appointment:${id}:GREET_CUSTOMER`, local('2026-12-04T09:55'), 'appointment.task'],
    ]);
    const near = await book(app, local('2026-12-02T14:00'));
    expect((await jobsOf(near.appointment.id)).map((j) => j.key.split(':')[2])).toEqual(['CONFIRM_APPOINTMENT', 'GREET_CUSTOMER']);
  });

  it('R-APT-6 when the job comes due the queue opens the task on the advisor’s list; confirming closes it; the advisor completes the greeting', async () => {
    const { appointment } = await book(app, local('2026-12-05T10:00'));
    const id = dbId(appointment.id, 'Appointment');
    // Bring the confirmation job due now and let the worker take it.
    expect((await jobsOf(appointment.id)).map((j) => j.key)).toContain(`appointment:${id}:CONFIRM_APPOINTMENT`);
    await sql(`select graphile_worker.add_job('appointment.task', ?::json, job_key := ?, run_at := now(), job_key_mode := 'replace')`, [
      JSON.stringify({ storeId: app.storeId, appointmentId: id, kind: 'CONFIRM_APPOINTMENT' }),
      `appointment:${id}:CONFIRM_APPOINTMENT`,
    ]);
    const advisor = await app.login('advisor');
    let tasks: { node: { id: string; kind: string; status: string; dueAt: string; version: number; appointment: { id: string } } }[] = [];
    for (let i = 0; i < 100 && !tasks.some((t) => t.node.appointment?.id === appointment.id); i++) {
      await new Promise((r) => setTimeout(r, 100));
      tasks = (await app.gql(A.myTasks, {}, { token: advisor })).data.myTasks.edges;
    }
    const confirm = tasks.find((t) => t.node.appointment?.id === appointment.id)!.node;
    expect(confirm).toMatchObject({ kind: 'CONFIRM_APPOINTMENT', status: 'OPEN', dueAt: local('2026-12-05T09:30') });
    // Someone else's list does not show it.
    expect((await app.gql(A.myTasks, {}, { token: await app.login('manager') })).data.myTasks.edges.some((t: { node: { id: string } }) => t.node.id === confirm.id)).toBe(false);

    // Confirming the appointment closes the confirmation task.
    await app.gql(A.transition, { input: { id: appointment.id, to: 'CONFIRMED', expectedVersion: 1 } }, { token: advisor });
    const done = (await app.gql(A.myTasks, { status: ['DONE'] }, { token: advisor })).data.myTasks.edges.map((t: { node: { id: string } }) => t.node.id);
    expect(done).toContain(confirm.id);

    // The greeting: run the task function as the queue would.
    const services = createServices(app.orm, { ...readConfig({}), databaseUrl: app.databaseUrl }, [], clock);
    await taskList(services)['appointment.task']({ storeId: app.storeId, appointmentId: id, kind: 'GREET_CUSTOMER' }, { attempt: 1, maxAttempts: 25 });
    await taskList(services)['appointment.task']({ storeId: app.storeId, appointmentId: id, kind: 'GREET_CUSTOMER' }, { attempt: 1, maxAttempts: 25 }); // a retry opens nothing twice
    const open = (await app.gql(A.myTasks, {}, { token: advisor })).data.myTasks.edges.filter((t: { node: { appointment: { id: string } } }) => t.node.appointment?.id === appointment.id);
    expect(open.map((t: { node: { kind: string; dueAt: string } }) => [t.node.kind, t.node.dueAt])).toEqual([['GREET_CUSTOMER', local('2026-12-05T09:55')]]);
    const greet = open[0].node;
    const notMine = await app.gql(A.completeTask, { input: { id: greet.id } }, { token: await app.login('tech1') });
    expect(notMine.data.completeTask.userErrors).toEqual([expect.objectContaining({ code: 'NOT_YOUR_TASK' })]);
    const completed = await app.gql(A.completeTask, { input: { id: greet.id, expectedVersion: 1 } }, { token: advisor });
    expect(completed.data.completeTask.task).toMatchObject({ status: 'DONE', doneAt: clock.now().toISOString() });
    const twice = await app.gql(A.completeTask, { input: { id: greet.id } }, { token: advisor });
    expect(twice.data.completeTask.userErrors[0].code).toBe('TASK_NOT_OPEN');
  });

  it('R-APT-6 cancelling removes the pending jobs and cancels open tasks; a job that still runs opens nothing', async () => {
    const { appointment } = await book(app, local('2026-12-06T10:00'));
    const id = dbId(appointment.id, 'Appointment');
    const services = createServices(app.orm, { ...readConfig({}), databaseUrl: app.databaseUrl }, [], clock);
    await taskList(services)['appointment.task']({ storeId: app.storeId, appointmentId: id, kind: 'REMIND_CUSTOMER' }, { attempt: 1, maxAttempts: 25 });
    const before = await count('advisor_task');
    const advisor = await app.login('advisor');
    await app.gql(A.transition, { input: { id: appointment.id, to: 'CANCELLED', reason: '客户出差' } }, { token: advisor });
    expect(await jobsOf(appointment.id)).toEqual([]);
    const [task] = await sql<{ status: string }>(`select status from advisor_task where appointment_id = ?`, [id]);
    expect(task.status).toBe('CANCELLED');
    await taskList(services)['appointment.task']({ storeId: app.storeId, appointmentId: id, kind: 'GREET_CUSTOMER' }, { attempt: 1, maxAttempts: 25 });
    expect(await count('advisor_task')).toBe(before);
  });
});

describe('R-APT-6 the customer arrives', () => {
  it('R-APT-6 ARRIVED closes what is still open for the visit (the greeting) and removes the jobs not yet due', async () => {
    const { appointment } = await book(app, local('2026-12-07T10:00'));
    const id = dbId(appointment.id, 'Appointment');
    const services = createServices(app.orm, { ...readConfig({}), databaseUrl: app.databaseUrl }, [], clock);
    await taskList(services)['appointment.task']({ storeId: app.storeId, appointmentId: id, kind: 'GREET_CUSTOMER' }, { attempt: 1, maxAttempts: 25 });
    expect((await jobsOf(appointment.id)).length).toBeGreaterThan(0);
    clock.set(new Date(local('2026-12-07T09:58')));
    try {
      const arrived = await app.gql(A.transition, { input: { id: appointment.id, to: 'ARRIVED', expectedVersion: 1 } }, { token: await app.login('advisor') });
      expect(arrived.data.transitionAppointment.userErrors).toEqual([]);
      expect(await sql<{ kind: string; status: string }>(`select kind, status from advisor_task where appointment_id = ?`, [id])).toEqual([{ kind: 'GREET_CUSTOMER', status: 'DONE' }]);
      expect(await jobsOf(appointment.id)).toEqual([]);
    } finally {
      clock.set(new Date('2026-11-30T10:00:00+08:00'));
    }
  });
});

describe('R-APT-8 faults not repaired on an earlier visit come along with the next appointment', () => {
  it('R-APT-8 open carried-over items attach to the next booking and show on it; recorded later, they attach at once; a cancellation frees them for the next one', async () => {
    const { customerId, vehicleId } = await createCustomerAndVehicle(app);
    const advisor = await app.login('advisor');
    const item = await app.gql(A.carryOver, { input: { vehicleId, description: '前刹车片剩 3 mm', risk: '一个月内需更换，否则影响制动' } }, { token: advisor });
    expect(item.data.recordCarriedOverItem.userErrors).toEqual([]);
    const denied = await app.gql(A.carryOver, { input: { vehicleId, description: 'x' } }, { token: await app.login('tech1') });
    expect(denied.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const empty = await app.gql(A.carryOver, { input: { vehicleId, description: ' ' } }, { token: advisor });
    expect(empty.data.recordCarriedOverItem.userErrors).toEqual([{ code: 'REQUIRED', field: ['input', 'description'] }]);

    const input = { customerId, vehicleId, slotStart: local('2026-12-04T15:00'), channel: 'APP', initiator: 'CUSTOMER', purpose: 'FAULT', customerWords: '仪表盘灯亮', jobs: [{ title: '检查发动机', skill: 'ENGINE', standardHours: 1 }] };
    const booked = (await app.gql(A.book, { input }, { token: advisor })).data.bookAppointment.appointment;
    expect(booked.carriedOver).toEqual([{ id: item.data.recordCarriedOverItem.item.id, description: '前刹车片剩 3 mm', risk: '一个月内需更换，否则影响制动' }]);
    expect((await eventsOf(booked.id))[0].data.carriedOverItemIds).toEqual([dbId(item.data.recordCarriedOverItem.item.id, 'CarriedOverItem')]);

    const later = await app.gql(A.carryOver, { input: { vehicleId, description: '左后轮胎鼓包' } }, { token: advisor });
    const shown = (await app.gql(A.appointment, { id: booked.id }, { token: advisor })).data.appointment;
    expect(shown.carriedOver.map((c: { description: string }) => c.description)).toEqual(['前刹车片剩 3 mm', '左后轮胎鼓包']);
    expect((await eventsOf(booked.id)).map((e) => e.kind)).toEqual(['BOOKED', 'CARRIED_OVER_ATTACHED']);
    expect(later.data.recordCarriedOverItem.item.risk).toBeNull();

    const archive = await app.gql(`query($id: ID!) { node(id: $id) { ... on Vehicle { carriedOverItems { description } } } }`, { id: vehicleId }, { token: advisor });
    expect(archive.data.node.carriedOverItems).toHaveLength(2);

    await app.gql(A.transition, { input: { id: booked.id, to: 'CANCELLED', reason: '改天' } }, { token: advisor });
    const next = (await app.gql(A.book, { input: { ...input, slotStart: local('2026-12-05T15:00') } }, { token: advisor })).data.bookAppointment.appointment;
    expect(next.carriedOver.map((c: { description: string }) => c.description)).toEqual(['前刹车片剩 3 mm', '左后轮胎鼓包']);
  });
});

describe('reading appointments', () => {
  it('appointments pages by Relay cursors with a filter; readers are the front desk, customer service and the foreman', async () => {
    const q = `query($first: Int, $after: String, $filter: AppointmentFilter) { appointments(first: $first, after: $after, filter: $filter) { totalCount edges { cursor node { id status slotStart } } pageInfo { hasNextPage endCursor } } }`;
    const filter = { from: local('2026-12-01T00:00'), to: local('2026-12-08T00:00'), status: ['BOOKED', 'CONFIRMED', 'ARRIVED'] };
    const cs = await app.login('cs');
    const page1 = (await app.gql(q, { first: 2, filter }, { token: cs })).data.appointments;
    expect(page1.edges).toHaveLength(2);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const page2 = (await app.gql(q, { first: 100, after: page1.pageInfo.endCursor, filter }, { token: cs })).data.appointments;
    expect(page1.totalCount).toBe(page2.totalCount);
    expect(page2.edges).toHaveLength(page1.totalCount - 2);
    for (const e of [...page1.edges, ...page2.edges]) {
      expect(['BOOKED', 'CONFIRMED', 'ARRIVED']).toContain(e.node.status);
      expect(e.node.slotStart >= filter.from && e.node.slotStart < filter.to).toBe(true);
    }
    expect((await app.gql(q, { first: 1 }, { token: await app.login('tech1') })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await app.gql(q, { first: 1 }, { token: await app.login('foreman') })).data.appointments.edges).toHaveLength(1);
  });
});
