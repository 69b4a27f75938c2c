/**
 * `pnpm bench`, care (issue 10, R-CARE-1..5): planning one day's care messages for a store of 10 000
 * customers and vehicles with 50 000 delivered work orders (bulk-inserted history), through
 * CareService.planDay as the job runs it; then the same day again (idempotent: nothing new) and a
 * month of the care calendar. Baseline in the same run: one SQL statement reading what the planner
 * reads (customers, vehicles and their latest delivery). Written into the README between the
 * bench:care markers.
 */
import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { readConfig, repoRoot } from '../src/config.js';
import { startEmbeddedPostgres } from '../src/db/embedded-postgres.js';
import { migrate, openOrm } from '../src/db/orm.js';
import { DealerGroup } from '../src/modules/dealer-group/dealer-group.entity.js';
import { Role } from '../src/modules/staff/roles.js';
import { Staff } from '../src/modules/staff/staff.entity.js';
import { Store } from '../src/modules/store/store.entity.js';
import { createServices } from '../src/services.js';
import { ManualClock } from '../src/shared/clock.js';

const CUSTOMERS = 10_000;
const ORDERS_PER_VEHICLE = 5;
const DAY = '2027-03-15';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'workbay-bench-care-'));
const db = await startEmbeddedPostgres(dir, { quiet: true });
const admin = new pg.Client(db.url('postgres'));
await admin.connect();
await admin.query('create database bench');
await admin.end();
const orm = await openOrm({ clientUrl: db.url('bench') });
await migrate(orm);
const em = orm.em.fork();
const store = em.create(Store, { name: '压测门店', code: 'BENCH-CARE', phone: '010-1', dealerGroup: em.create(DealerGroup, { name: '压测集团' }) });
const advisor = em.create(Staff, { store, username: 'bench_advisor', name: '顾问', roles: [Role.SERVICE_ADVISOR], passwordHash: 'x' });
await em.flush();
const sql = (q: string, params: unknown[] = []) => orm.em.fork().getConnection().execute(q, params);
const t0 = Date.now();
await sql(
  `insert into customer (store_id, name, mobile, birthday, lunar_birthday, source, created_at)
   select ?, '客户' || g, '139' || lpad(g::text, 8, '0'),
          case when g % 3 = 0 then date '1970-01-01' + (g * 7 % 12000) end,
          case when g % 3 = 1 then json_build_object('month', 1 + g % 12, 'day', 1 + g % 30, 'leap', g % 50 = 0) end,
          case when g % 4 = 0 then 'SOLD_HERE' end, now()
     from generate_series(1, ?) g`,
  [store.id, CUSTOMERS],
);
await sql(
  `insert into vehicle (store_id, vin, plate, model, owner_id, purchase_date, sold_here, warranty_years, warranty_km, insurance_expires_on, inspection_due_on, mileage_km, created_at)
   select c.store_id, 'LBENCH' || lpad(c.id::text, 11, '0'), '京B' || lpad(c.id::text, 5, '0'), '朗逸', c.id,
          date '2022-03-15' + (c.id * 13 % 1800), c.id % 4 = 0, 3, 100000,
          date '2027-01-01' + (c.id * 11 % 365), date '2027-01-01' + (c.id * 17 % 365), 10000 + c.id % 50000, now()
     from customer c where c.store_id = ?`,
  [store.id],
);
await sql(
  `insert into work_order (store_id, number, status, vehicle_id, customer_id, advisor_id, complaint, mileage_in, created_at, updated_at, status_since, delivered_at, tracking_token)
   select v.store_id, 'B' || v.id || '-' || k, 'DELIVERED', v.id, v.owner_id, ?, '保养', 5000 * k + v.id % 3000,
          timestamp '2025-01-01' + ((k * 120 + v.id % 90) || ' days')::interval, now(), now(), now(), md5(v.id || '-' || k)
     from vehicle v cross join generate_series(1, ?) k where v.store_id = ?`,
  [advisor.id, ORDERS_PER_VEHICLE, store.id],
);
await sql(
  `insert into delivery (store_id, work_order_id, mileage_out, interior_cleaned, items_returned, old_parts_offered, old_parts_taken, explanation, next_service_due_on, next_service_due_km, created_at)
   select store_id, id, mileage_in + 5, true, true, true, false, '保养完成', (created_at + interval '180 days')::date, mileage_in + 7500, created_at + interval '3 hours'
     from work_order where store_id = ?`,
  [store.id],
);
await sql('analyze');
console.log(`history: ${CUSTOMERS} customers and vehicles, ${CUSTOMERS * ORDERS_PER_VEHICLE} delivered work orders (${((Date.now() - t0) / 1000).toFixed(1)} s to insert)`);

// Baseline: the facts the planner reads, in one statement, without any rule or write.
let base = Number.POSITIVE_INFINITY;
for (let i = 0; i < 3; i++) {
  const t = performance.now();
  await sql(
    `select c.id, c.birthday, c.lunar_birthday, v.id as vehicle, v.purchase_date, v.insurance_expires_on, v.inspection_due_on, d.next_service_due_on, d.next_service_due_km
       from customer c join vehicle v on v.owner_id = c.id
       left join lateral (select d.next_service_due_on, d.next_service_due_km from delivery d join work_order w on w.id = d.work_order_id where w.vehicle_id = v.id order by d.created_at desc limit 1) d on true
      where c.store_id = ?`,
    [store.id],
  );
  base = Math.min(base, performance.now() - t);
}

const clock = new ManualClock(new Date(`${DAY}T00:05:00+08:00`));
const services = createServices(orm, { ...readConfig({}), databaseUrl: db.url('bench') }, [], clock);
let start = performance.now();
const planned = await services.care.planDay(orm.em.fork(), store.id, DAY);
const first = performance.now() - start;
start = performance.now();
const again = await services.care.planDay(orm.em.fork(), store.id, DAY);
const second = performance.now() - start;
start = performance.now();
const calendar = await services.care.calendar(orm.em.fork(), store.id, '2027-03-01', '2027-03-31');
const month = performance.now() - start;
const entries = calendar.ok ? calendar.value.length : 0;
console.log(`planDay ${DAY}: ${planned} messages planned in ${(first / 1000).toFixed(2)} s (${Math.round(CUSTOMERS / (first / 1000))} customers/s, ${Math.round(planned / (first / 1000))} messages/s)`);
console.log(`planDay again (idempotent): ${again} new in ${(second / 1000).toFixed(2)} s`);
console.log(`careCalendar of a month: ${entries} entries in ${(month / 1000).toFixed(2)} s`);
const report = `<!-- bench:care:start -->
**Care planning** (\`bench/care.ts\`, issue 10, R-CARE-1..5): one store of ${CUSTOMERS.toLocaleString('en')} customers and vehicles
with ${(CUSTOMERS * ORDERS_PER_VEHICLE).toLocaleString('en')} delivered work orders; baseline: one SQL statement reading the same facts
(${base.toFixed(0)} ms) in the same run.

| | time | throughput | × baseline |
|---|---|---|---|
| plan a day (\`planDay\`, ${planned} messages into the outbox) | ${(first / 1000).toFixed(2)} s | ${Math.round(CUSTOMERS / (first / 1000)).toLocaleString('en')} customers/s | ${(first / base).toFixed(1)} |
| the same day again (idempotent, ${again} new) | ${(second / 1000).toFixed(2)} s | ${Math.round(CUSTOMERS / (second / 1000)).toLocaleString('en')} customers/s | ${(second / base).toFixed(1)} |
| \`careCalendar\` of a month (${entries} entries) | ${(month / 1000).toFixed(2)} s | | ${(month / base).toFixed(1)} |
<!-- bench:care:end -->`;
const readme = path.join(repoRoot(), 'README.md');
const text = fs.readFileSync(readme, 'utf8');
fs.writeFileSync(readme, text.includes('<!-- bench:care:start -->') ? text.replace(/<!-- bench:care:start -->[\s\S]*<!-- bench:care:end -->/, report) : text.replace('<!-- bench:parts:end -->', `<!-- bench:parts:end -->\n\n${report}`));
console.log('README.md updated');
await orm.close(true);
await db.stop();
fs.rmSync(dir, { recursive: true, force: true });
