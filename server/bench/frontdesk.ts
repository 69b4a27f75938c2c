/**
 * `pnpm bench`, part 3 — `availableSlots` (issue 7): 7 days in a store with 20 bays, 40 technicians and
 * 500 bookings in the window, against the `me` round trip in the same run, on the same server. Written
 * into the README between the bench:frontdesk markers. Not a test: the ratio is what to compare.
 */
import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startApp } from '../src/app.js';
import { readConfig, repoRoot } from '../src/config.js';
import { startEmbeddedPostgres } from '../src/db/embedded-postgres.js';
import { migrate, openOrm } from '../src/db/orm.js';
import { Appointment } from '../src/modules/appointment/appointment.entity.js';
import { DemandChannel, DemandInitiator, DemandPurpose } from '../src/modules/appointment/appointment.enums.js';
import { Customer } from '../src/modules/customer/customer.entity.js';
import { Role, Skill } from '../src/modules/staff/roles.js';
import { Staff } from '../src/modules/staff/staff.entity.js';
import { Bay } from '../src/modules/store/bay.entity.js';
import { Store } from '../src/modules/store/store.entity.js';
import { Vehicle } from '../src/modules/vehicle/vehicle.entity.js';
import { DEMO_PASSWORD, seedDemo } from '../src/seed/seed-demo.js';

const BAYS = 20;
const TECHNICIANS = 40;
const BOOKINGS = 500;
const ROUNDS = 100;
const SKILLS = Object.values(Skill);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'workbay-bench-frontdesk-'));
const db = await startEmbeddedPostgres(dir, { quiet: true });
const admin = new pg.Client(db.url('postgres'));
await admin.connect();
await admin.query('create database bench');
await admin.end();
const orm = await openOrm({ clientUrl: db.url('bench') });
await migrate(orm);
await seedDemo(orm);

// Top the demo store up to 20 bays and 40 technicians, then fill the next 7 days with 500 bookings.
const em = orm.em.fork();
const store = await em.findOneOrFail(Store, { code: { $ne: '' } });
const advisor = await em.findOneOrFail(Staff, { username: 'advisor' });
const passwordHash = advisor.passwordHash;
for (let i = await em.count(Bay, { store, active: true }); i < BAYS; i++) em.create(Bay, { store, name: `压测${i + 1}号工位`, skills: [SKILLS[i % SKILLS.length], Skill.MAINTENANCE], position: 100 + i });
const techCount = await em.count(Staff, { store, active: true, roles: { $contains: [Role.TECHNICIAN] } });
for (let i = techCount; i < TECHNICIANS; i++) em.create(Staff, { store, username: `bench-tech-${i}`, name: `技师${i}`, roles: [Role.TECHNICIAN], skills: [SKILLS[i % SKILLS.length], SKILLS[(i + 3) % SKILLS.length]], passwordHash });
await em.flush();
const bays = await em.find(Bay, { store, active: true });
const techs = await em.find(Staff, { store, active: true, roles: { $contains: [Role.TECHNICIAN] } });
const customer = await em.findOneOrFail(Customer, { store }, { orderBy: { id: 'asc' } });
const vehicle = await em.findOneOrFail(Vehicle, { owner: customer });
const [{ timezone }] = await em.getConnection().execute<{ timezone: string }[]>('select timezone from store where id = ?', [store.id]);
const tomorrowLocal = new Intl.DateTimeFormat('en-CA', { timeZone: timezone }).format(new Date(Date.now() + 86_400_000));
const dayStart = new Date(`${tomorrowLocal}T09:00:00+08:00`);
for (let i = 0; i < BOOKINGS; i++) {
  const day = i % 7;
  const hour = Math.floor(i / 7 / BAYS) % 8; // 9:00 … 16:00
  const slotStart = new Date(dayStart.getTime() + day * 86_400_000 + hour * 3_600_000);
  const a = em.create(Appointment, {
    store,
    customer,
    vehicle,
    advisor,
    bay: bays[i % bays.length],
    slotStart,
    slotEnd: new Date(slotStart.getTime() + 3_600_000),
    channel: DemandChannel.PHONE,
    initiator: DemandInitiator.CUSTOMER,
    purpose: DemandPurpose.MAINTENANCE,
    customerWords: '压测预约',
    jobs: [{ title: '保养', skill: Skill.MAINTENANCE, standardMinutes: 60 }],
  });
  a.technicians.set([techs[i % techs.length]]);
}
await em.flush();

const app = await startApp(orm, { ...readConfig({}), databaseUrl: db.url('bench') }, { port: 0, host: '127.0.0.1', quiet: true });
const url = `http://127.0.0.1:${app.port}/graphql`;
const post = async (query: string, token: string, variables?: unknown) => {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) });
  const body = (await res.json()) as { data?: any; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
};
const login = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: `mutation { login(input: { username: "advisor", password: "${DEMO_PASSWORD}" }) { token } }` }) });
const token = ((await login.json()) as any).data.login.token as string;

const SLOTS = `query($from: DateTime!) { availableSlots(input: { from: $from, days: 7, jobs: [{ title: "更换前刹车片", skill: CHASSIS, standardHours: 1.5 }, { title: "保养", skill: MAINTENANCE, standardHours: 1 }] }) { start end bay { id name } technicians { id name } } }`;
const ME = `{ me { id name roles } }`;
const from = new Date().toISOString();
const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return { p50: s[Math.floor(s.length * 0.5)], p99: s[Math.min(s.length - 1, Math.floor(s.length * 0.99))] };
};
const time = async (fn: () => Promise<unknown>) => {
  for (let i = 0; i < 10; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return stats(out);
};
const slotCount = (await post(SLOTS, token, { from })).availableSlots.length;
const me = await time(() => post(ME, token));
const slots = await time(() => post(SLOTS, token, { from }));
const meAgain = await time(() => post(ME, token));
const [{ n: held }] = await orm.em.fork().getConnection().execute<{ n: number }[]>(`select count(*)::int n from appointment where status in ('BOOKED','CONFIRMED') and slot_start >= now()`);
await app.stop();
await orm.close(true);
await db.stop();
fs.rmSync(dir, { recursive: true, force: true });

const f = (n: number) => n.toFixed(1);
const baseline = Math.min(me.p50, meAgain.p50);
const report = `<!-- bench:frontdesk:start -->
Measured by \`pnpm bench\` on ${new Date().toISOString().slice(0, 10)} (${os.cpus().length} cores, Node ${process.version}); embedded PostgreSQL, HTTP on loopback, ${ROUNDS} rounds each.

| what | p50 | p99 | baseline (same run) | ratio p50 |
|---|---|---|---|---|
| \`availableSlots\`, 7 days, 2 jobs (CHASSIS 1.5 h + MAINTENANCE 1 h): ${bays.length} bays, ${techs.length} technicians, ${held} bookings holding capacity; ${slotCount} slots answered | ${f(slots.p50)} ms | ${f(slots.p99)} ms | \`me\` query ${f(baseline)} ms | ${(slots.p50 / baseline).toFixed(1)}× |

The capacity is read in five SQL statements whatever the number of bookings (a test in \`appointments-capacity.test.ts\` counts them), and the free slots are computed in memory.
<!-- bench:frontdesk:end -->`;
console.log(report);
const readme = path.join(repoRoot(), 'README.md');
const text = fs.readFileSync(readme, 'utf8');
fs.writeFileSync(readme, text.includes('<!-- bench:frontdesk:start -->') ? text.replace(/<!-- bench:frontdesk:start -->[\s\S]*<!-- bench:frontdesk:end -->/, report) : text.replace('<!-- bench:board:start -->', `${report}\n\n<!-- bench:board:start -->`));
console.log('README.md updated');
process.exit(0);
