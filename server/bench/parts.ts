/**
 * `pnpm bench`, part 4 — issuing parts (issue 8, R-WO-5): 20 concurrent `issueParts` of one part to a job of
 * an order in progress (every change of a store is serialised by its lock, and each takes the stock row
 * with SELECT … FOR UPDATE), against the `me` round trip in the same run, on the same server. Written into
 * the README between the bench:parts markers. Not a test: the ratio is what to compare.
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
import { toGlobalId } from '../src/shared/global-id.js';
import { DEMO_PASSWORD, seedDemo } from '../src/seed/seed-demo.js';

const CONCURRENT = 20;
const ROUNDS = 30;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'workbay-bench-parts-'));
const db = await startEmbeddedPostgres(dir, { quiet: true });
const admin = new pg.Client(db.url('postgres'));
await admin.connect();
await admin.query('create database bench');
await admin.end();
const orm = await openOrm({ clientUrl: db.url('bench') });
await migrate(orm);
await seedDemo(orm);
const [order] = await orm.em
  .fork()
  .getConnection()
  .execute<{ wo: number; job: number }[]>(`select w.id as wo, (select j.id from job j where j.work_order_id = w.id and j.status <> 'WAITING_APPROVAL' order by j.id limit 1) as job from work_order w where w.status = 'IN_PROGRESS' order by w.id limit 1`);

const app = await startApp(orm, { ...readConfig({}), databaseUrl: db.url('bench') }, { port: 0, host: '127.0.0.1', quiet: true });
const url = `http://127.0.0.1:${app.port}/graphql`;
const post = async (query: string, token: string, variables?: unknown) => {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) });
  const body = (await res.json()) as { data?: any; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
};
const signIn = async (username: string) => {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: `mutation { login(input: { username: "${username}", password: "${DEMO_PASSWORD}" }) { token } }` }) });
  return ((await res.json()) as any).data.login.token as string;
};
const clerk = await signIn('parts');
const foreman = await signIn('foreman');
const created = await post(`mutation { createPart(input: { partNumber: "BENCH-1", name: "压测配件", source: OEM, unitPriceFen: 100, fitsModels: [] }) { part { id } userErrors { code } } }`, clerk);
const partId = created.createPart.part.id as string;
await post(`mutation($id: ID!) { receiveStock(input: { partId: $id, quantity: 100000 }) { userErrors { code } } }`, clerk, { id: partId });

const ISSUE = `mutation($input: IssuePartsInput!) { issueParts(input: $input) { issues { id quantity part { partNumber } job { id } issuedAt issuedBy { id } } userErrors { code } } }`;
const input = { workOrderId: toGlobalId('WorkOrder', order.wo), jobId: toGlobalId('Job', order.job), lines: [{ partId, quantity: 1 }] };
const ME = `{ me { id name roles } }`;
const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return { p50: s[Math.floor(s.length * 0.5)], p99: s[Math.min(s.length - 1, Math.floor(s.length * 0.99))] };
};
const timeMe = async () => {
  const out: number[] = [];
  for (let i = 0; i < 10; i++) await post(ME, foreman);
  for (let i = 0; i < 100; i++) {
    const t = performance.now();
    await post(ME, foreman);
    out.push(performance.now() - t);
  }
  return stats(out);
};
/** One round: 20 issues at once; each request's own time and the round's wall time. */
const requests: number[] = [];
const batches: number[] = [];
const round = async (record: boolean) => {
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENT }, async () => {
      const t = performance.now();
      const data = await post(ISSUE, foreman, { input });
      if (data.issueParts.userErrors.length) throw new Error(JSON.stringify(data.issueParts.userErrors));
      if (record) requests.push(performance.now() - t);
    }),
  );
  if (record) batches.push(performance.now() - t0);
};
const me = await timeMe();
for (let i = 0; i < 3; i++) await round(false);
for (let i = 0; i < ROUNDS; i++) await round(true);
const meAgain = await timeMe();
const [{ on_hand: onHand, n }] = await orm.em.fork().getConnection().execute<{ on_hand: number; n: number }[]>(
  `select s.on_hand, (select count(*)::int from stock_movement m where m.part_id = s.part_id) as n from part_stock s join part p on p.id = s.part_id where p.part_number = 'BENCH-1'`,
);
await app.stop();
await orm.close(true);
await db.stop();
fs.rmSync(dir, { recursive: true, force: true });

const f = (x: number) => x.toFixed(1);
const baseline = Math.min(me.p50, meAgain.p50);
const r = stats(requests);
const b = stats(batches);
const report = `<!-- bench:parts:start -->
Measured by \`pnpm bench\` on ${new Date().toISOString().slice(0, 10)} (${os.cpus().length} cores, Node ${process.version}); embedded PostgreSQL, HTTP on loopback, ${ROUNDS} rounds of ${CONCURRENT} concurrent requests.

| what | p50 | p99 | baseline (same run) | ratio p50 |
|---|---|---|---|---|
| \`issueParts\` (1 unit) under ${CONCURRENT} concurrent requests, each request | ${f(r.p50)} ms | ${f(r.p99)} ms | \`me\` query ${f(baseline)} ms | ${(r.p50 / baseline).toFixed(1)}× |
| the same, the whole round of ${CONCURRENT} | ${f(b.p50)} ms | ${f(b.p99)} ms | ${CONCURRENT} × \`me\` one after another: ${f(CONCURRENT * baseline)} ms | ${(b.p50 / (CONCURRENT * baseline)).toFixed(1)}× |

Issues of one store are serialised (the store's event lock, then the stock row's \`SELECT … FOR UPDATE\`), so a round costs about ${CONCURRENT} issues one after another; afterwards on hand was ${onHand} with ${n} movements (every issue one row). The \`parts\` page reads a constant number of statements whatever the number of parts (\`parts.test.ts\`).
<!-- bench:parts:end -->`;
console.log(report);
const readme = path.join(repoRoot(), 'README.md');
const text = fs.readFileSync(readme, 'utf8');
fs.writeFileSync(readme, text.includes('<!-- bench:parts:start -->') ? text.replace(/<!-- bench:parts:start -->[\s\S]*<!-- bench:parts:end -->/, report) : text.replace('<!-- bench:frontdesk:end -->', `<!-- bench:frontdesk:end -->\n\n${report}`));
console.log('README.md updated');
process.exit(0);
