import fs from 'node:fs';
import path from 'node:path';
import { createClient } from 'graphql-ws';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { chromiumPath } from './chromium';
import { api, launch, login, SCREENSHOTS, type ServerProcess, startDatabase, startServer } from './harness';

interface PendingLine { id: string; description: string; alternativeGroup: string | null; deferrable: boolean; amountFen: number; payer: string }
interface Order { id: string; number: string; status: string; trackingUrl: string }

const PENDING = `query($token: String!) { trackWorkOrder(token: $token) { status pendingEstimate { id version supplemental lines { id description alternativeGroup deferrable amountFen payer } } } }`;

/** Issue 7: the customer approves the estimate on their phone; the advisor's side sees it at once. */
describe.skipIf(chromiumPath() === null)('the customer approves the estimate on the progress page, in a real browser', () => {
  let db: Awaited<ReturnType<typeof startDatabase>>;
  let server: ServerProcess;
  let browser: Browser;
  let gql: ReturnType<typeof api>;
  let advisor: string;
  let waiting: { order: Order; token: string; lines: PendingLine[] }[] = [];

  beforeAll(async () => {
    db = await startDatabase();
    server = await startServer(db.url);
    gql = api(server.base);
    advisor = await login(server.base, 'advisor');
    const { workOrders } = await gql(`{ workOrders(first: 50, filter: { status: [AWAITING_APPROVAL, ON_HOLD] }) { edges { node { id number status trackingUrl } } } }`, {}, advisor);
    for (const { node } of workOrders.edges as { node: Order }[]) {
      const token = new URL(node.trackingUrl).pathname.split('/t/')[1];
      const { trackWorkOrder } = await gql(PENDING, { token });
      if (trackWorkOrder.pendingEstimate) waiting.push({ order: node, token, lines: trackWorkOrder.pendingEstimate.lines });
    }
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await db?.stop();
  });

  const open = async (token: string, locale: 'zh-CN' | 'en-US') => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, locale, timezoneId: 'Asia/Shanghai', isMobile: true, hasTouch: true });
    await page.goto(`${server.base}/t/${token}`);
    await page.waitForSelector('[data-testid="estimate"]');
    return page;
  };
  const noHorizontalScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

  it('R-EST-3/4: the customer chooses the aftermarket part, defers the wiper blades, approves; the wall sees the order QUEUED at once', async () => {
    const target = waiting.find((w) => w.order.status === 'AWAITING_APPROVAL' && w.lines.some((l) => l.deferrable) && w.lines.some((l) => l.alternativeGroup));
    expect(target, 'the demo seed has an estimate with alternatives and a deferrable line waiting').toBeTruthy();
    const { order, token, lines } = target!;
    const page = await open(token, 'zh-CN');
    expect(await noHorizontalScroll(page)).toBe(true);
    const text = (await page.textContent('[data-testid="estimate"]'))!;
    for (const line of lines) expect(text).toContain(line.description);
    expect(text).toContain('请选择一项');
    expect(text).toContain('暂缓风险');
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'customer-estimate.png'), fullPage: true });

    // The wall listens as a foreman's screen would.
    const seen: { workOrderId: string; status: string | null }[] = [];
    const client = createClient({ url: `${server.base.replace('http', 'ws')}/graphql`, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${await login(server.base, 'foreman')}` } });
    const stop = client.subscribe<{ boardEvents: { workOrderId: string; card: { workOrder: { status: string } } | null } }>(
      { query: `subscription { boardEvents { workOrderId card { workOrder { status } } } }` },
      { next: ({ data }) => data && seen.push({ workOrderId: data.boardEvents.workOrderId, status: data.boardEvents.card?.workOrder.status ?? null }), error: () => {}, complete: () => {} },
    );
    await new Promise((r) => setTimeout(r, 500));

    const before = (await page.textContent('[data-testid="estimate-total"]'))!;
    const aftermarket = lines.find((l) => l.alternativeGroup && l.description.includes('品牌件'))!;
    const deferrable = lines.find((l) => l.deferrable)!;
    await page.click(`[data-line="${aftermarket.id}"] input`);
    await page.click(`[data-line="${deferrable.id}"] .defer input`);
    const after = (await page.textContent('[data-testid="estimate-total"]'))!;
    expect(after).not.toBe(before);
    await page.fill('.name input', '王先生');
    await page.click('button.primary');
    await page.waitForSelector('section.hero[data-status="QUEUED"]', { timeout: 5000 });
    expect(await page.$('[data-testid="estimate"]')).toBeNull();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'customer-estimate-approved.png') });

    // The advisor's side: the wall got the card QUEUED, and the approval is on the order with the exact lines.
    await expect.poll(() => seen.some((e) => e.workOrderId === order.id && e.status === 'QUEUED'), { timeout: 3000 }).toBe(true);
    stop();
    await client.dispose();
    const { workOrder } = await gql(`query($id: ID!) { workOrder(id: $id) { status estimates { status approvals { method approverName lines { id } } } carriedOver { description } } }`, { id: order.id }, advisor);
    expect(workOrder.status).toBe('QUEUED');
    const approval = workOrder.estimates.find((e: { status: string }) => e.status === 'APPROVED').approvals[0];
    expect(approval).toMatchObject({ method: 'LINK', approverName: '王先生' });
    expect(approval.lines.map((l: { id: string }) => l.id)).toContain(aftermarket.id);
    expect(approval.lines.map((l: { id: string }) => l.id)).not.toContain(deferrable.id);
    await page.close();
  });

  it('supplemental work waiting, in English, fits the phone', async () => {
    const supplemental = waiting.find((w) => w.order.status === 'ON_HOLD');
    expect(supplemental, 'the demo seed has supplemental work waiting').toBeTruthy();
    const page = await open(supplemental!.token, 'en-US');
    await page.click('button.lang');
    await page.waitForFunction(() => document.querySelector('[data-testid="estimate"] .title')?.textContent === 'Additional work');
    await page.waitForFunction(() => document.body.textContent?.includes('Received')); // the server's step labels, asked again in English
    expect(await noHorizontalScroll(page)).toBe(true);
    expect(await page.textContent('[data-testid="estimate"]')).toContain('Approve the additional work');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'customer-estimate-en.png'), fullPage: true });
    await page.close();
  });
});
