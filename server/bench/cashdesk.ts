/**
 * `pnpm bench`, part 4 — `settleWorkOrder` (issue 8): settling a READY order with 30 approved lines
 * (split payment, special invoice), against the `me` round trip in the same run, on the same server.
 * Each round settles the order; a manager's reversal (untimed) lets the next round settle it again.
 * Written into the README between the bench:cashdesk markers. Not a test: the ratio is what to compare.
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
import { Estimate, EstimateLine } from '../src/modules/estimate/estimate.entity.js';
import { EstimateLineKind, EstimatePayer, EstimateStatus, LineDecision, PartSource } from '../src/modules/estimate/estimate.enums.js';
import { WorkOrder } from '../src/modules/work-order/work-order.entity.js';
import { WorkOrderStatus } from '../src/modules/work-order/work-order.enums.js';
import { toGlobalId } from '../src/shared/global-id.js';
import { DEMO_PASSWORD, seedDemo } from '../src/seed/seed-demo.js';

const LINES = 30;
const ROUNDS = 50;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'workbay-bench-cashdesk-'));
const db = await startEmbeddedPostgres(dir, { quiet: true });
const admin = new pg.Client(db.url('postgres'));
await admin.connect();
await admin.query('create database bench');
await admin.end();
const orm = await openOrm({ clientUrl: db.url('bench') });
await migrate(orm);
await seedDemo(orm);

// A READY demo order topped up to 30 approved lines (an approved supplemental estimate written directly: set-up, not the path under test).
const em = orm.em.fork();
const wo = await em.findOneOrFail(WorkOrder, { status: WorkOrderStatus.READY }, { orderBy: { id: 'asc' } });
const approved = await em.count(EstimateLine, { estimate: { workOrder: wo, status: EstimateStatus.APPROVED }, decision: LineDecision.APPROVED });
const extra = em.create(Estimate, { store: wo.store, workOrder: wo, status: EstimateStatus.APPROVED, supplemental: true, reason: '压测' });
for (let i = 0; i < LINES - approved; i++) {
  em.create(EstimateLine, {
    estimate: extra,
    position: i,
    kind: EstimateLineKind.PART,
    description: `压测配件 ${i + 1}`,
    partNumber: `BENCH-${i}`,
    partSource: PartSource.OEM,
    quantityMilli: 1000,
    unitPriceFen: 1000 + i,
    amountFen: 1000 + i,
    payer: i % 10 === 9 ? EstimatePayer.WARRANTY : EstimatePayer.CUSTOMER,
    decision: LineDecision.APPROVED,
  });
}
await em.flush();
const workOrderId = toGlobalId('WorkOrder', wo.id);

const app = await startApp(orm, { ...readConfig({}), databaseUrl: db.url('bench') }, { port: 0, host: '127.0.0.1', quiet: true });
const url = `http://127.0.0.1:${app.port}/graphql`;
const post = async (query: string, token: string, variables?: unknown) => {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) });
  const body = (await res.json()) as { data?: any; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
};
const login = async (username: string) => {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: `mutation { login(input: { username: "${username}", password: "${DEMO_PASSWORD}" }) { token } }` }) });
  return ((await res.json()) as any).data.login.token as string;
};
const cashier = await login('cashier');
const manager = await login('manager');

const PREVIEW = `query($id: ID!) { settlementPreview(workOrderId: $id) { lines { amountFen } totals { customerFen } } }`;
const SETTLE = `mutation($input: SettleWorkOrderInput!) { settleWorkOrder(input: $input) { settlement { id number totals { customerFen } } userErrors { code } } }`;
const REVERSE = `mutation($input: ReverseSettlementInput!) { reverseSettlement(input: $input) { userErrors { code } } }`;
const ME = `{ me { id name roles } }`;
const preview = (await post(PREVIEW, cashier, { id: workOrderId })).settlementPreview;
const due = preview.totals.customerFen as number;
const input = {
  workOrderId,
  payments: [
    { method: 'WECHAT_PAY', amountFen: due - 100, reference: '4200001234' },
    { method: 'CASH', amountFen: 100 },
  ],
  invoice: { kind: 'SPECIAL', companyName: '北京博远物流有限公司', taxId: '91350100M000100Y43' },
};
const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return { p50: s[Math.floor(s.length * 0.5)], p99: s[Math.min(s.length - 1, Math.floor(s.length * 0.99))] };
};
const settleRounds = async (rounds: number) => {
  const out: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t = performance.now();
    const res = (await post(SETTLE, cashier, { input })).settleWorkOrder;
    out.push(performance.now() - t);
    if (res.userErrors.length) throw new Error(JSON.stringify(res.userErrors));
    const undo = (await post(REVERSE, manager, { input: { settlementId: res.settlement.id, reason: '压测冲销' } })).reverseSettlement;
    if (undo.userErrors.length) throw new Error(JSON.stringify(undo.userErrors));
  }
  return out;
};
const meRounds = async (rounds: number) => {
  const out: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t = performance.now();
    await post(ME, cashier);
    out.push(performance.now() - t);
  }
  return out;
};
await meRounds(10);
await settleRounds(5);
const me = stats(await meRounds(ROUNDS));
const settle = stats(await settleRounds(ROUNDS));
const meAgain = stats(await meRounds(ROUNDS));
await app.stop();
await orm.close(true);
await db.stop();
fs.rmSync(dir, { recursive: true, force: true });

const f = (n: number) => n.toFixed(1);
const baseline = Math.min(me.p50, meAgain.p50);
const report = `<!-- bench:cashdesk:start -->
Measured by \`pnpm bench\` on ${new Date().toISOString().slice(0, 10)} (${os.cpus().length} cores, Node ${process.version}); embedded PostgreSQL, HTTP on loopback, ${ROUNDS} rounds each.

| what | p50 | p99 | baseline (same run) | ratio p50 |
|---|---|---|---|---|
| \`settleWorkOrder\`: ${preview.lines.length} approved lines, split payment (WeChat Pay + cash), special VAT invoice, points earned; numbered under the store lock | ${f(settle.p50)} ms | ${f(settle.p99)} ms | \`me\` query ${f(baseline)} ms | ${(settle.p50 / baseline).toFixed(1)}× |

\`settlementPreview\` reads in the same number of SQL statements for 1 line or 30 (\`settlement.test.ts\` counts them); a settlement is one row (lines and payments as JSON) plus its points entries.
<!-- bench:cashdesk:end -->`;
console.log(report);
const readme = path.join(repoRoot(), 'README.md');
const text = fs.readFileSync(readme, 'utf8');
fs.writeFileSync(readme, text.includes('<!-- bench:cashdesk:start -->') ? text.replace(/<!-- bench:cashdesk:start -->[\s\S]*<!-- bench:cashdesk:end -->/, report) : text.replace('<!-- bench:board:start -->', `${report}\n\n<!-- bench:board:start -->`));
console.log('README.md updated');
process.exit(0);
