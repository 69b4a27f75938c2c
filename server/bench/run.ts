/**
 * `pnpm bench` — measures, in one process, against baselines run the same way, and writes the
 * results into the README between the bench markers. Not a test: numbers vary by machine.
 */
import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createClient } from 'graphql-ws';
import pg from 'pg';
import WebSocket from 'ws';
import { startApp } from '../src/app.js';
import { declineWalkAround } from './walk-around.js';
import { readConfig, repoRoot } from '../src/config.js';
import { startEmbeddedPostgres } from '../src/db/embedded-postgres.js';
import { migrate, openOrm } from '../src/db/orm.js';
import { toGlobalId } from '../src/graphql/global-id.js';
import { Staff } from '../src/modules/staff/staff.entity.js';
import { Store } from '../src/modules/store/store.entity.js';
import { Bay } from '../src/modules/store/bay.entity.js';
import { DEMO_PASSWORD, seedDemo } from '../src/seed/seed-demo.js';
import { insertOrders } from '../test/helpers/bulk.js';

const BOARD = `{ board { cursor generatedAt bays { id name } cards { workOrder { id number status holdReason promisedAt vehicle { plate model color } bay { id name } technicians { name } advisor { name } } flags minutesInStatus minutesSinceUpdate } } }`;
const ME = `{ me { id name roles } }`;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'workbay-bench-'));
const db = await startEmbeddedPostgres(dir, { quiet: true });
const admin = new pg.Client(db.url('postgres'));
await admin.connect();
await admin.query('create database bench');
await admin.end();
const orm = await openOrm({ clientUrl: db.url('bench') });
await migrate(orm);
await seedDemo(orm);
const em = orm.em.fork();
const store = await em.findOneOrFail(Store, { code: { $ne: '' } });
const bays = await em.find(Bay, {});
const techs = await em.find(Staff, { username: { $in: ['tech1', 'tech2'] } });
const advisor = await em.findOneOrFail(Staff, { username: 'advisor' });
const onBoard = async () => (await orm.em.fork().getConnection().execute(`select count(*)::int n from work_order where status not in ('DELIVERED','CANCELLED')`))[0].n as number;
await insertOrders(orm, { storeId: store.id, count: 200 - (await onBoard()), bayIds: bays.map((b) => b.id), technicianIds: techs.map((t) => t.id), advisorId: advisor.id });

// The fan-out bench opens 100 sockets with one foreman session; real floors have one credential per screen.
const defaults = readConfig({});
const app = await startApp(orm, { ...defaults, databaseUrl: db.url('bench'), socketLimits: { ...defaults.socketLimits, socketsPerCredential: 200 } }, { port: 0, host: '127.0.0.1' });
const url = `http://127.0.0.1:${app.port}/graphql`;
const post = async (query: string, token: string, variables?: unknown) => {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) });
  const body = (await res.json()) as { data?: any; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
};
const login = async (username: string) =>
  ((await (await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: `mutation { login(input: { username: "${username}", password: "${DEMO_PASSWORD}" }) { token } }` }) })).json()) as any).data.login.token as string;

const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return { p50: s[Math.floor(s.length * 0.5)], p99: s[Math.min(s.length - 1, Math.floor(s.length * 0.99))] };
};
const time = async (fn: () => Promise<unknown>, n: number) => {
  for (let i = 0; i < 10; i++) await fn(); // warm-up
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return stats(out);
};

const foreman = await login('foreman');
const cards = (await post(BOARD, foreman)).board.cards.length;
const board = await time(() => post(BOARD, foreman), 200);
const me = await time(() => post(ME, foreman), 200);

// Issue 9 §3: the flood that stalled the board — 4 anonymous sockets on one customer link and one
// staff socket, each sending 1 000 subscriptions in a burst, again every second — while the board is read.
const wsUrl = url.replace('http', 'ws');
const floodToken = (await orm.em.fork().getConnection().execute(`select tracking_token t from work_order where status not in ('DELIVERED','CANCELLED') limit 1`))[0].t as string;
async function rawSocket(payload: Record<string, unknown>): Promise<WebSocket> {
  const socket = new WebSocket(wsUrl, 'graphql-transport-ws');
  socket.on('error', () => {});
  await new Promise((r) => socket.once('open', r));
  socket.send(JSON.stringify({ type: 'connection_init', payload }));
  await new Promise((r) => socket.once('message', r));
  return socket;
}
const PROGRESS_SUB = `subscription($token: String!) { workOrderProgress(token: $token) { number status steps { key state at } } }`;
const flooders = [
  ...(await Promise.all(Array.from({ length: 4 }, () => rawSocket({ trackingToken: floodToken })))).map((socket) => ({ socket, query: PROGRESS_SUB, variables: { token: floodToken } })),
  { socket: await rawSocket({ authorization: `Bearer ${foreman}` }), query: `subscription { boardEvents { cursor kind card { workOrder { id status } flags } } }`, variables: {} },
];
let flooding = true;
let floodSent = 0;
const floodLoop = (async () => {
  let id = 0;
  while (flooding) {
    for (const f of flooders) {
      for (let i = 0; i < 1000; i++) f.socket.send(JSON.stringify({ id: String(id++), type: 'subscribe', payload: { query: f.query, variables: f.variables } }));
      floodSent += 1000;
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
})();
const boardUnderFlood = await time(() => post(BOARD, foreman), 200);
flooding = false;
await floodLoop;
const floodAlive = flooders.filter((f) => f.socket.readyState === WebSocket.OPEN).length;
flooders.forEach((f) => f.socket.close());

// Commit-to-subscriber: 100 subscribers; a transition is sent; time until every subscriber has the event.
const SUBSCRIBERS = 100;
const ROUNDS = 60;
const clients = Array.from({ length: SUBSCRIBERS }, () => createClient({ url: url.replace('http', 'ws'), webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${foreman}` } }));
let pending: { left: number; sentAt: number; perSubscriber: number[]; done: () => void } | null = null;
for (const client of clients) {
  client.subscribe(
    { query: `subscription { boardEvents { cursor kind workOrderId card { workOrder { id status version } flags } } }` },
    {
      next: () => {
        if (!pending) return;
        pending.perSubscriber.push(performance.now() - pending.sentAt);
        if (--pending.left === 0) pending.done();
      },
      error: (e) => console.error(e),
      complete: () => {},
    },
  );
}
/** R-EST-4: an order is queued by the customer's approval of its estimate (saved, sent — which moves a DRAFT order to AWAITING_APPROVAL — and approved by phone). */
async function approveEstimate(send: (query: string, variables: unknown) => Promise<Record<string, any>>, workOrderId: string): Promise<void> {
  const saved = await send(`mutation($id: ID!) { saveEstimate(input: { workOrderId: $id, lines: [{ kind: LABOUR, description: "基准测试", skill: ENGINE, standardHours: 1, hourlyRateFen: 30000 }] }) { estimate { id version lines { id } } } }`, { id: workOrderId });
  const e = saved.saveEstimate.estimate;
  await send(`mutation($id: ID!, $v: Int!) { sendEstimate(input: { estimateId: $id, expectedVersion: $v }) { estimate { id } } }`, { id: e.id, v: e.version });
  const approved = await send(`mutation($id: ID!, $v: Int!, $line: ID!) { approveEstimate(input: { estimateId: $id, expectedVersion: $v, approvedLineIds: [$line], deferredLineIds: [], method: PHONE, note: "基准测试" }) { workOrder { status } userErrors { code } } }`, { id: e.id, v: e.version + 1, line: e.lines[0].id });
  if (approved.approveEstimate.workOrder?.status !== 'QUEUED') throw new Error(JSON.stringify(approved));
}
await new Promise((r) => setTimeout(r, 1500));
const advisorToken = await login('advisor');
const created = await post(`mutation($v: ID!) { createWorkOrder(input: { vehicleId: $v, complaint: "基准测试" }) { workOrder { id } } }`, advisorToken, { v: toGlobalId('Vehicle', 1) });
const woId = created.createWorkOrder.workOrder.id;
await declineWalkAround(app.services, orm.em.fork(), store.id, woId);
await approveEstimate((q, v) => post(q, advisorToken, v), woId);
await new Promise((r) => setTimeout(r, 500));

const fanOutAll: number[] = [];
const perSubscriber: number[] = [];
const mutationOnly: number[] = [];
for (let i = 0; i < ROUNDS; i++) {
  const to = i % 2 === 0 ? 'ON_HOLD' : 'QUEUED';
  const delivered = new Promise<void>((resolve) => (pending = { left: SUBSCRIBERS, sentAt: performance.now(), perSubscriber, done: resolve }));
  const sentAt = pending!.sentAt;
  await post(`mutation($id: ID!, $to: WorkOrderStatus!, $h: HoldReason) { transitionWorkOrder(input: { id: $id, to: $to, holdReason: $h }) { workOrder { id } } }`, advisorToken, { id: woId, to, h: to === 'ON_HOLD' ? 'WAITING_PARTS' : null });
  mutationOnly.push(performance.now() - sentAt);
  await delivered;
  fanOutAll.push(performance.now() - sentAt);
  pending = null;
}
await Promise.all(clients.map((c) => c.dispose()));
await app.stop();
await orm.close(true);
await db.stop();
fs.rmSync(dir, { recursive: true, force: true });

const fanOut = stats(fanOutAll);
const each = stats(perSubscriber);
const mut = stats(mutationOnly);
const f = (n: number) => n.toFixed(1);
const report = `<!-- bench:api:start -->
Measured by \`pnpm bench\` on ${new Date().toISOString().slice(0, 10)} (${os.cpus().length} cores, Node ${process.version}); embedded PostgreSQL, HTTP and WebSocket on loopback.

| what | p50 | p99 | baseline (same run) | ratio p50 |
|---|---|---|---|---|
| \`board\` query, ${cards} cards (HTTP, full contract selection) | ${f(board.p50)} ms | ${f(board.p99)} ms | \`me\` query ${f(me.p50)} ms | ${(board.p50 / me.p50).toFixed(1)}× |
| \`board\` query under a subscription flood (${floodSent.toLocaleString('en')} subscribe messages from 5 sockets) | ${f(boardUnderFlood.p50)} ms | ${f(boardUnderFlood.p99)} ms | same query idle ${f(board.p50)} ms | ${(boardUnderFlood.p50 / board.p50).toFixed(2)}× (goal ≤ 2×) |
| transition sent → event at each of ${SUBSCRIBERS} subscribers | ${f(each.p50)} ms | ${f(each.p99)} ms | mutation round trip ${f(mut.p50)} ms | ${(each.p50 / mut.p50).toFixed(1)}× |
| transition sent → event at all ${SUBSCRIBERS} subscribers | ${f(fanOut.p50)} ms | ${f(fanOut.p99)} ms | mutation round trip ${f(mut.p50)} ms | ${(fanOut.p50 / mut.p50).toFixed(1)}× |

The flood: 4 anonymous sockets on one customer link and one staff socket send 1 000 \`workOrderProgress\`/\`boardEvents\` subscriptions each, every second, while the board is read 200 times; at most ${defaults.socketLimits.operationsPerSocket} run per socket, the rest are refused with \`TOO_MANY_OPERATIONS\` (${floodAlive} of 5 sockets still open at the end). The fan-out rows use 100 sockets of one session (the per-credential cap raised for the bench). The event is built once per process (one read of the new event rows, one card load) and fanned out to every subscriber; ${ROUNDS} rounds.
<!-- bench:api:end -->`;
console.log(report);
const readme = path.join(repoRoot(), 'README.md');
const text = fs.readFileSync(readme, 'utf8');
fs.writeFileSync(readme, text.replace(/<!-- bench:api:start -->[\s\S]*<!-- bench:api:end -->/, report));
console.log('README.md updated');
process.exit(0);
