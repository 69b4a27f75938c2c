/**
 * `pnpm bench`, part 5 — segmentation (issue 10, R-SEG-1..4): recomputing the segments of 10 000 customers
 * with 50 000 work orders (generated with SQL), as the nightly job does, against a bare aggregate read of
 * the same settlements in the same run; and one customer's recompute, as the durable consumer does after a
 * settlement. Written into the README between the bench:segments markers. Not a test: the ratio is what to compare.
 */
import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { readConfig, repoRoot } from '../src/config.js';
import { startEmbeddedPostgres } from '../src/db/embedded-postgres.js';
import { migrate, openOrm } from '../src/db/orm.js';
import { createServices } from '../src/services.js';

const CUSTOMERS = 10_000;
const ORDERS = 50_000;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'workbay-bench-segments-'));
const db = await startEmbeddedPostgres(dir, { quiet: true });
const admin = new pg.Client(db.url('postgres'));
await admin.connect();
await admin.query('create database bench');
await admin.end();
const orm = await openOrm({ clientUrl: db.url('bench') });
await migrate(orm);
const sql = <T = Record<string, unknown>>(q: string, params: unknown[] = []) => orm.em.fork().getConnection().execute<T[]>(q, params);

const t0 = performance.now();
const [{ id: group }] = await sql<{ id: number }>(`insert into dealer_group (name) values ('压测集团') returning id`);
const [{ id: store }] = await sql<{ id: number }>(`insert into store (name, code, dealer_group_id) values ('压测门店', 'BENCH', ?) returning id`, [group]);
const [{ id: advisor }] = await sql<{ id: number }>(`insert into staff (store_id, username, name, roles, skills, password_hash) values (?, 'advisor', '顾问', '{SERVICE_ADVISOR}', '{}', 'x') returning id`, [store]);
await sql(
  `insert into customer (store_id, name, mobile, customer_type, created_at)
   select ?, '压测客户' || g, '139' || lpad(g::text, 8, '0'), (array['PRIVATE','PRIVATE','PRIVATE','OFFICIAL','COMMERCIAL'])[1 + g % 5], now() - interval '3 years'
     from generate_series(1, ?) g`,
  [store, CUSTOMERS],
);
await sql(
  `insert into vehicle (store_id, vin, plate, model, owner_id, purchase_date, mileage_km)
   select ?, 'LSVBENCH' || lpad(c.id::text, 9, '0'), '京B' || lpad(c.id::text, 5, '0'), '朗逸', c.id, (now() - ((c.id * 37 % 3000) || ' days')::interval)::date, c.id * 53 % 150000
     from customer c where c.store_id = ?`,
  [store, store],
);
// Visits over two years, spread unevenly over the customers: 50 000 delivered orders, one job each, settled (every sixth warranty-only).
await sql(
  `insert into work_order (store_id, number, status, vehicle_id, customer_id, advisor_id, complaint, created_at, updated_at, status_since, delivered_at, tracking_token)
   select ?, 'B' || g, 'DELIVERED', v.id, v.owner_id, ?, '保养', t, t, t, t, md5(g::text) || md5('w' || g)
     from generate_series(1, ?) g
     cross join lateral (select now() - ((g * 37 % 730) || ' days')::interval - ((g % 1440) || ' minutes')::interval as t) d
     join vehicle v on v.store_id = ? and v.vin = 'LSVBENCH' || lpad(((select min(id) from customer where store_id = ?) + ((g * 7919) % ? * (g % 3 + 1)) % ?)::text, 9, '0')`,
  [store, advisor, ORDERS, store, store, CUSTOMERS, CUSTOMERS],
);
await sql(`insert into job (work_order_id, position, title, skill, standard_minutes, status, payer) select id, 0, '保养', case when id % 4 = 0 then 'CHASSIS' else 'MAINTENANCE' end, 60, 'DONE', 'CUSTOMER' from work_order where store_id = ?`, [store]);
await sql(
  `insert into settlement (store_id, work_order_id, customer_id, number, lines, parts_fen, labour_fen, fees_fen, discount_fen, points_fen, tax_fen, total_fen, customer_fen, warranty_fen, insurance_fen, points_redeemed, points_earned, payments, settled_at)
   select store_id, id, customer_id, 'S' || id, '[]', 0, fen + wfen, 0, 0, 0, 0, fen + wfen, fen, wfen, 0, 0, 0, '[]', delivered_at
     from (select w.*, case when id % 6 = 0 then 0 else 20000 + (id * 131 % 300000) end as fen, case when id % 6 = 0 then 50000 else 0 end as wfen from work_order w where store_id = ?) x`,
  [store],
);
await sql('analyze');
const [{ orders, customers, visited }] = await sql<{ orders: number; customers: number; visited: number }>(
  `select (select count(*)::int from work_order) orders, (select count(*)::int from customer) customers, (select count(distinct customer_id)::int from settlement) visited`,
);
const generated = performance.now() - t0;

const services = createServices(orm, { ...readConfig({}), databaseUrl: db.url('bench') });
const seg = services.segmentation;

// Baseline: the bare read of every customer's visits (one aggregate over the settlements), the floor under any recompute.
const baselineRuns: number[] = [];
for (let i = 0; i < 4; i++) {
  const t = performance.now();
  await sql(`select customer_id, count(*), max(settled_at), sum(customer_fen) from settlement s where store_id = ? and not exists (select 1 from settlement_reversal r where r.settlement_id = s.id) group by customer_id`, [store]);
  if (i) baselineRuns.push(performance.now() - t);
}
const baseline = Math.min(...baselineRuns);

const timed = async (fn: () => Promise<unknown>) => {
  const t = performance.now();
  await fn();
  return performance.now() - t;
};
const first = await timed(() => seg.recomputeStore(store));
const second = await timed(() => seg.recomputeStore(store));
const [dist] = await sql<{ a: number; b: number; c: number; d: number; churn: number }>(
  `select count(*) filter (where value_class = 'A')::int a, count(*) filter (where value_class = 'B')::int b, count(*) filter (where value_class = 'C')::int c,
          count(*) filter (where value_class = 'D')::int d, count(*) filter (where churn_level is not null)::int churn from customer_segment`,
);
// The durable consumer's path: one customer, one transaction, after a settlement.
const ids = (await sql<{ id: number }>('select id from customer where store_id = ? order by id limit 200', [store])).map((r) => r.id);
const singles: number[] = [];
for (const id of ids) singles.push(await timed(() => orm.em.fork().transactional((tx) => seg.recompute(tx, store, [id]))));
singles.sort((a, b) => a - b);
await orm.close(true);
await db.stop();
fs.rmSync(dir, { recursive: true, force: true });

const f = (x: number) => x.toFixed(1);
const rate = (ms: number) => Math.round(customers / (ms / 1000)).toLocaleString('en-US');
const report = `<!-- bench:segments:start -->
Measured by \`pnpm bench\` on ${new Date().toISOString().slice(0, 10)} (${os.cpus().length} cores, Node ${process.version}); embedded PostgreSQL, services called in process (no HTTP). ${customers.toLocaleString('en-US')} customers with ${orders.toLocaleString('en-US')} delivered and settled work orders over two years (${visited.toLocaleString('en-US')} customers with visits), generated with SQL in ${f(generated / 1000)} s.

| what | time | throughput | baseline (same run) | ratio |
|---|---|---|---|---|
| recompute every customer's segment (the nightly job; batches of 1 000, 7 statements a batch), first run | ${f(first)} ms | ${rate(first)} customers/s | one aggregate read of all settlements by customer: ${f(baseline)} ms | ${(first / baseline).toFixed(1)}× |
| the same again (rows rewritten, nothing changed) | ${f(second)} ms | ${rate(second)} customers/s | same | ${(second / baseline).toFixed(1)}× |
| one customer after a settlement (the durable consumer's path, its own transaction), p50 / p99 of 200 | ${f(singles[100])} / ${f(singles[197])} ms | | | |

Result: A ${dist.a}, B ${dist.b}, C ${dist.c}, D ${dist.d}; ${dist.churn} at churn risk.
<!-- bench:segments:end -->`;
console.log(report);
const readme = path.join(repoRoot(), 'README.md');
const text = fs.readFileSync(readme, 'utf8');
fs.writeFileSync(readme, text.includes('<!-- bench:segments:start -->') ? text.replace(/<!-- bench:segments:start -->[\s\S]*<!-- bench:segments:end -->/, report) : text.replace('<!-- bench:parts:end -->', `<!-- bench:parts:end -->\n\n${report}`));
console.log('README.md updated');
process.exit(0);
