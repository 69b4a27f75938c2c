import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../src/shared/clock.js';
import { Bay } from '../src/modules/store/bay.entity.js';
import { Skill } from '../src/modules/staff/roles.js';
import { A, book, bookingInput, local, MAINTENANCE_1H } from './helpers/appointments.js';
import { approveOneLineEstimate, assign, createWorkOrder, move, recordWalkAround } from './helpers/flows.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

// Monday 30 November 2026, 10:00 in the store's zone. No worker here: statement counts stay exact.
const clock = new ManualClock(new Date('2026-11-30T10:00:00+08:00'));
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ clock, config: { worker: false } });
});
afterAll(() => app?.stop());

const starts = (slots: { start: string }[]) => slots.map((s) => s.start);

describe('R-APT-4 availableSlots: real capacity from bays, technicians, bookings and work in progress', () => {
  it('R-APT-4 slots follow working hours (08:30–18:00), the 30-minute grid, the bay’s skills and the jobs’ standard hours', async () => {
    const token = await app.login('advisor');
    const res = await app.gql(A.slots, { input: { from: local('2026-12-01T00:00'), days: 1, jobs: MAINTENANCE_1H } }, { token });
    const slots = res.data.availableSlots;
    expect(slots[0]).toEqual({ start: local('2026-12-01T08:30'), end: local('2026-12-01T09:30'), bay: { id: expect.any(String), name: '1号工位' }, technicians: [{ id: expect.any(String), name: 'tech1-姓名' }] });
    expect(slots.at(-1).start).toBe(local('2026-12-01T17:00'));
    expect(slots).toHaveLength(18);
    // 2.5 hours of work → five 30-minute slots; the last start still ends by closing time.
    const long = await app.gql(A.slots, { input: { from: local('2026-12-01T00:00'), days: 1, jobs: [{ title: '大保养', skill: 'MAINTENANCE', standardHours: 2.5 }] } }, { token });
    expect(long.data.availableSlots.at(-1)).toMatchObject({ start: local('2026-12-01T15:30'), end: local('2026-12-01T18:00') });
    // No bay is equipped for chassis work in this store: no slot at all.
    const chassis = await app.gql(A.slots, { input: { from: local('2026-12-01T00:00'), days: 7, jobs: [{ title: '更换前刹车片', skill: 'CHASSIS', standardHours: 1.5 }] } }, { token });
    expect(chassis.data.availableSlots).toEqual([]);
    // Two skills: a bay for both and a technician for each (here one who has both).
    const mixed = await app.gql(A.slots, { input: { from: local('2026-12-01T00:00'), days: 1, jobs: [...MAINTENANCE_1H, { title: '检查发动机', skill: 'ENGINE', standardHours: 0.5 }] } }, { token });
    expect(mixed.data.availableSlots[0]).toMatchObject({ start: local('2026-12-01T08:30'), end: local('2026-12-01T10:00'), bay: { name: '1号工位' } });
  });

  it('R-APT-3 slots start tomorrow and end with the 7-day window, whatever is asked; input is checked; readers are the front desk, customer service and the foreman', async () => {
    const token = await app.login('advisor');
    const res = await app.gql(A.slots, { input: { from: local('2026-11-30T00:00'), days: 14, jobs: MAINTENANCE_1H } }, { token });
    const days = [...new Set(starts(res.data.availableSlots).map((s: string) => new Date(new Date(s).getTime() + 8 * 3600_000).toISOString().slice(0, 10)))];
    expect(days).toEqual(['2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05', '2026-12-06', '2026-12-07']);
    const bad = await app.gql(A.slots, { input: { from: local('2026-12-01T00:00'), days: 0, jobs: [] } }, { token });
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    for (const who of ['cs', 'foreman', 'manager']) expect((await app.gql(A.slots, { input: { from: local('2026-12-01T00:00'), days: 1, jobs: MAINTENANCE_1H } }, { token: await app.login(who) })).data.availableSlots.length).toBe(18);
    for (const who of ['tech1', 'cashier', 'qc']) expect((await app.gql(A.slots, { input: { from: local('2026-12-01T00:00'), days: 1, jobs: MAINTENANCE_1H } }, { token: await app.login(who) })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('R-APT-4 a booking holds its bay and technician: overlapping starts disappear, and a second booking there is refused with ≥3 nearest alternatives', async () => {
    const first = await book(app, local('2026-12-02T09:00'));
    expect(first.userErrors).toEqual([]);
    const token = await app.login('advisor');
    const res = await app.gql(A.slots, { input: { from: local('2026-12-02T00:00'), days: 1, jobs: MAINTENANCE_1H } }, { token });
    const free = starts(res.data.availableSlots);
    expect(free).not.toContain(local('2026-12-02T08:30'));
    expect(free).not.toContain(local('2026-12-02T09:00'));
    expect(free).not.toContain(local('2026-12-02T09:30'));
    expect(free).toContain(local('2026-12-02T10:00'));

    const second = await book(app, local('2026-12-02T09:00'));
    expect(second.appointment).toBeNull();
    expect(second.userErrors).toEqual([expect.objectContaining({ code: 'SLOT_UNAVAILABLE', field: ['input', 'slotStart'] })]);
    expect(second.alternatives.length).toBeGreaterThanOrEqual(3);
    expect(starts(second.alternatives).slice(0, 3)).toEqual([local('2026-12-02T10:00'), local('2026-12-02T10:30'), local('2026-12-02T11:00')]);
    expect(second.alternatives[0].bay.id).toBe(first.appointment.bay.id);
    // Off the grid or outside working hours: refused the same way, with alternatives.
    const offGrid = await book(app, local('2026-12-02T10:10'));
    expect(offGrid.userErrors[0].code).toBe('SLOT_UNAVAILABLE');
    expect(starts(offGrid.alternatives).slice(0, 2)).toEqual([local('2026-12-02T10:00'), local('2026-12-02T10:30')]);
    const night = await book(app, local('2026-12-02T19:00'));
    expect(night.userErrors[0].code).toBe('SLOT_UNAVAILABLE');
    expect(night.alternatives.length).toBeGreaterThanOrEqual(3);
  });

  it('R-APT-2/4 skills decide the bay and the technician held; other trades’ bays do not serve', async () => {
    // Electrical work: bay 2; technicians with ELECTRICAL: tech2 and the team leader. Two bookings take both.
    const a = await book(app, local('2026-12-03T14:00'), { jobs: [{ title: '检查电瓶', skill: 'ELECTRICAL', standardHours: 1 }] });
    expect(a.userErrors).toEqual([]);
    const token = await app.login('advisor');
    const before = await app.gql(A.slots, { input: { from: local('2026-12-03T00:00'), days: 1, jobs: [{ title: '检查电瓶', skill: 'ELECTRICAL', standardHours: 1 }] } }, { token });
    expect(starts(before.data.availableSlots)).not.toContain(local('2026-12-03T14:00')); // bay 2 is the only electrical bay
    // Engine work fits bay 1 with tech1 (engine + maintenance) while tech2 is on the electrical job.
    const engine = await book(app, local('2026-12-03T14:00'), { jobs: [{ title: '检查发动机', skill: 'ENGINE', standardHours: 1 }] });
    expect(engine.appointment.technicians.map((t: { name: string }) => t.name)).toEqual(['tech1-姓名']);
    // A second engine job at 14:00: bay 1 is taken, bay 2 is not equipped for engine work → refused.
    const again = await book(app, local('2026-12-03T14:00'), { jobs: [{ title: '检查发动机', skill: 'ENGINE', standardHours: 1 }] });
    expect(again.userErrors[0].code).toBe('SLOT_UNAVAILABLE');
  });

  it('R-APT-4 a work order in progress holds its bay and technicians for the standard time of its unfinished jobs', async () => {
    const manager = await app.login('manager');
    const on = await app.gql(A.settings, { input: { sameDayAllowed: true, expectedVersion: 1 } }, { token: manager });
    expect(on.data.updateAppointmentSettings.userErrors).toEqual([]);
    const wo = await createWorkOrder(app, { promisedAt: new Date(clock.now().getTime() + 4 * 3600_000).toISOString(), jobs: [{ title: '保养', skill: 'MAINTENANCE', standardHours: 1.5 }] });
    expect((await recordWalkAround(app, wo.id)).workOrder).toBeTruthy();
    expect((await move(app, 'advisor', wo.id, 'AWAITING_APPROVAL')).workOrder).toBeTruthy();
    expect((await approveOneLineEstimate(app, wo.id)).workOrder.status).toBe('QUEUED');
    expect((await assign(app, wo.id, ['tech1'], 0)).workOrder).toBeTruthy();
    expect((await move(app, 'tech1', wo.id, 'IN_PROGRESS')).workOrder.status).toBe('IN_PROGRESS');
    const token = await app.login('advisor');
    const res = await app.gql(A.slots, { input: { from: clock.now().toISOString(), days: 1, jobs: MAINTENANCE_1H } }, { token });
    const today = res.data.availableSlots.filter((s: { start: string }) => s.start < local('2026-12-01T00:00'));
    // Bay 1 is busy until 11:30 (10:00 + 1.5 h): the first maintenance slot today is 11:30.
    expect(today[0].start).toBe(local('2026-11-30T11:30'));
    const off = await app.gql(A.settings, { input: { sameDayAllowed: false, expectedVersion: 2 } }, { token: manager });
    expect(off.data.updateAppointmentSettings.settings.sameDayAllowed).toBe(false);
  });

  it('R-APT-4 availableSlots runs a constant number of SQL statements whatever the number of bookings', async () => {
    const token = await app.login('advisor');
    const input = { from: local('2026-12-01T00:00'), days: 7, jobs: MAINTENANCE_1H };
    await app.gql(A.slots, { input }, { token });
    app.sql.reset();
    await app.gql(A.slots, { input }, { token });
    const few = app.sql.statements.length;
    for (const t of ['08:30', '10:00', '11:00', '13:00', '15:00', '16:00']) expect((await book(app, local(`2026-12-04T${t}`))).userErrors).toEqual([]);
    for (const t of ['08:30', '10:00', '11:00', '13:00']) expect((await book(app, local(`2026-12-05T${t}`))).userErrors).toEqual([]);
    app.sql.reset();
    const res = await app.gql(A.slots, { input }, { token });
    expect(app.sql.statements.length).toBe(few);
    expect(starts(res.data.availableSlots)).not.toContain(local('2026-12-04T10:00'));
    expect(few).toBeLessThanOrEqual(8);
  });

  it('R-APT-2 twenty bookings at once for the last free capacity: exactly one wins', async () => {
    const inputs = await Promise.all(Array.from({ length: 20 }, () => bookingInput(app, local('2026-12-06T09:00'))));
    const tokens = [await app.login('advisor'), await app.login('manager')];
    const results = await Promise.all(inputs.map((input, i) => app.gql(A.book, { input }, { token: tokens[i % 2] })));
    const won = results.filter((r) => r.data.bookAppointment.appointment);
    expect(won).toHaveLength(1);
    expect(results.filter((r) => r.data.bookAppointment.userErrors[0]?.code === 'SLOT_UNAVAILABLE')).toHaveLength(19);
    const [{ n }] = await app.orm.em.fork().getConnection().execute(`select count(*)::int as n from appointment where slot_start = ? and status = 'BOOKED'`, [new Date(local('2026-12-06T09:00'))]);
    expect(n).toBe(1);
  });

  it('R-APT-4 technicians are capacity too: with bays free, a third maintenance booking finds no free maintenance technician', async () => {
    const em = app.orm.em.fork();
    em.create(Bay, { store: app.storeId, name: '4号工位', skills: [Skill.MAINTENANCE], position: 3 });
    em.create(Bay, { store: app.storeId, name: '5号工位', skills: [Skill.MAINTENANCE], position: 4 });
    await em.flush();
    // Maintenance technicians: tech1 and the team leader.
    const a = await book(app, local('2026-12-07T10:00'));
    const b = await book(app, local('2026-12-07T10:00'));
    expect([a.appointment.technicians[0].name, b.appointment.technicians[0].name].sort()).toEqual(['leader-姓名', 'tech1-姓名']);
    expect(a.appointment.bay.id).not.toBe(b.appointment.bay.id);
    const c = await book(app, local('2026-12-07T10:00'));
    expect(c.userErrors[0].code).toBe('SLOT_UNAVAILABLE');
    const token = await app.login('advisor');
    const res = await app.gql(A.slots, { input: { from: local('2026-12-07T00:00'), days: 1, jobs: MAINTENANCE_1H } }, { token });
    expect(starts(res.data.availableSlots)).not.toContain(local('2026-12-07T10:00'));
    expect(starts(res.data.availableSlots)).toContain(local('2026-12-07T11:00'));
  });
});
