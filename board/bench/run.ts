/**
 * `pnpm bench` (board part): event-to-paint on the wall at 50 and 500 cards, and the customer page's
 * JavaScript against a bare Vue app built the same way. Writes the results into the README.
 */
import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'vite';
import { openOrm } from '../../server/src/db/orm';
import { Staff } from '../../server/src/modules/staff/staff.entity';
import { Bay } from '../../server/src/modules/store/bay.entity';
import { Store } from '../../server/src/modules/store/store.entity';
import { insertOrders } from '../../server/test/helpers/bulk';
import { api, launch, login, startDatabase, startServer } from '../e2e/harness';
import { pageJsSize } from '../scripts/size-report.mjs';

const ROOT = path.resolve(import.meta.dirname, '../..');
const ROUNDS = 30;

await build({ configFile: path.join(ROOT, 'board/vite.config.ts'), logLevel: 'warn' });
const db = await startDatabase();
let server = await startServer(db.url);
const gql = api(server.base);
const manager = await login(server.base, 'manager');
const foreman = await login(server.base, 'foreman');
const displayToken = (await gql(`mutation { createDisplayToken(input: { name: "bench" }) { token } }`, {}, manager)).createDisplayToken.token;

async function fillTo(total: number) {
  const orm = await openOrm({ clientUrl: db.url });
  const em = orm.em.fork();
  const store = await em.findOneOrFail(Store, { code: { $ne: '' } });
  const bays = await em.find(Bay, {});
  const techs = await em.find(Staff, { username: { $in: ['tech1', 'tech2'] } });
  const current = (await gql(`{ board { cards { workOrder { id } } } }`, {}, foreman)).board.cards.length;
  if (total > current) await insertOrders(orm, { storeId: store.id, count: total - current, bayIds: bays.map((b) => b.id), technicianIds: techs.map((t) => t.id), advisorId: techs[0].id });
  await orm.close(true);
}

const browser = await launch();

/** Time from the WebSocket message that carries the event to the first paint that shows it. */
async function eventToPaint(cards: number) {
  await fillTo(cards);
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  // Scripts go to the page as text: tsx's transform would add helpers the page does not have.
  await page.addInitScript(`
    const Native = window.WebSocket;
    window.WebSocket = class extends Native {
      constructor(url, protocols) {
        super(url, protocols);
        this.addEventListener('message', () => (window.__lastMessageAt = performance.now()));
      }
    };`);
  await page.goto(`${server.base}/wall?token=${displayToken}`);
  // Columns show the whole cards that fit; their headers count them all.
  await page.waitForFunction(`[...document.querySelectorAll('[data-stage] .count')].reduce((n, e) => n + parseInt(e.textContent), 0) >= ${cards}`);
  await page.waitForFunction(`document.querySelector('[data-test="connection"]')?.textContent?.includes('实时')`);
  const { board } = await gql(`{ board { cards { workOrder { id status version promisedAt } } } }`, {}, foreman);
  // A car with a promise: it sorts before the bulk cars (which have none), so it is on screen in both columns.
  const target = board.cards.find((c: any) => c.workOrder.status === 'QUEUED' && c.workOrder.promisedAt).workOrder;
  const samples: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const to = i % 2 === 0 ? 'ON_HOLD' : 'QUEUED';
    const painted = page.evaluate(`new Promise((resolve) => {
      const seen = () => document.querySelector('[data-stage="${to}"] [data-work-order="${target.id}"]');
      const observer = new MutationObserver(() => {
        if (!seen()) return;
        observer.disconnect();
        requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - window.__lastMessageAt)));
      });
      observer.observe(document.body, { childList: true, subtree: true });
    })`) as Promise<number>;
    await gql(`mutation($id: ID!, $to: WorkOrderStatus!, $h: HoldReason) { transitionWorkOrder(input: { id: $id, to: $to, holdReason: $h }) { workOrder { id } } }`, { id: target.id, to, h: to === 'ON_HOLD' ? 'WAITING_PARTS' : null }, foreman);
    samples.push(await painted);
  }
  await page.close();
  samples.sort((a, b) => a - b);
  return { p50: samples[Math.floor(samples.length / 2)], p99: samples[Math.min(samples.length - 1, Math.floor(samples.length * 0.99))] };
}

const at50 = await eventToPaint(50);
const at500 = await eventToPaint(500);
await browser.close();
await server.stop();
await db.stop();

const track = pageJsSize(path.join(ROOT, 'board/dist'), 'track.html');
const bareOut = fs.mkdtempSync(path.join(os.tmpdir(), 'bare-vue-'));
const bare = JSON.parse(execFileSync(process.execPath, [path.join(ROOT, 'board/scripts/bare-vue/build.mjs'), '--json', bareOut], { encoding: 'utf8' }).trim().split('\n').at(-1)!);
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const f = (n: number) => `${n.toFixed(1)} ms`;

const report = `<!-- bench:board:start -->
Measured by \`pnpm bench\` on ${new Date().toISOString().slice(0, 10)} (${os.cpus().length} cores) in headless Chromium at 1920×1080.

| what | p50 | p99 | baseline (same run) | ratio p50 |
|---|---|---|---|---|
| wall: event received → painted, 500 cards on the board | ${f(at500.p50)} | ${f(at500.p99)} | same at 50 cards: ${f(at50.p50)} (p99 ${f(at50.p99)}) | ${(at500.p50 / at50.p50).toFixed(2)}× |

| page | JavaScript, gzip | raw | baseline: bare Vue app, same build | ratio |
|---|---|---|---|---|
| customer page \`/t/<token>\` | ${kb(track.gzip)} | ${kb(track.raw)} | ${kb(bare.gzip)} | ${(track.gzip / bare.gzip).toFixed(2)}× (budget 45 KB) |

${ROUNDS} transitions per size; the paint is the first animation frame after the card moved in the DOM. Columns render the whole cards that fit and count the rest (另有 N 辆).
<!-- bench:board:end -->`;
console.log(report);
const readme = path.join(ROOT, 'README.md');
fs.writeFileSync(readme, fs.readFileSync(readme, 'utf8').replace(/<!-- bench:board:start -->[\s\S]*<!-- bench:board:end -->/, report));
process.exit(0);
