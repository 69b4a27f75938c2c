import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath } from './chromium';
import { api, launch, SCREENSHOTS, login, type ServerProcess, startDatabase, startServer } from './harness';

describe.skipIf(chromiumPath() === null)('the customer progress page in a real browser', () => {
  let db: Awaited<ReturnType<typeof startDatabase>>;
  let server: ServerProcess;
  let browser: Browser;
  let page: Page;
  let gql: ReturnType<typeof api>;
  let advisor: string;
  let order: { id: string; number: string; version: number; trackingUrl: string; vehicle: { vin: string; plate: string }; customer: { name: string; id: string } };
  let mobile: string;

  beforeAll(async () => {
    db = await startDatabase();
    server = await startServer(db.url);
    gql = api(server.base);
    advisor = await login(server.base, 'advisor');
    const { workOrders } = await gql(
      `{ workOrders(first: 50, filter: { status: [QUEUED] }) { edges { node { id number version trackingUrl vehicle { vin plate } customer { id name } } } } }`,
      {},
      advisor,
    );
    order = workOrders.edges[0].node;
    mobile = (await gql(`query($id: ID!) { node(id: $id) { ... on Customer { mobile } } }`, { id: order.customer.id }, advisor)).node.mobile;
    browser = await launch();
    page = await browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', isMobile: true, hasTouch: true });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await db?.stop();
  });

  const trackPath = () => new URL(order.trackingUrl).pathname;

  it('shows the car and its progress, and nothing personal', async () => {
    const response = await page.goto(`${server.base}${trackPath()}`);
    expect(response!.headers()['referrer-policy']).toBe('no-referrer');
    expect(response!.headers()['cache-control']).toBe('no-store');
    await page.waitForSelector('section.hero');
    const text = (await page.textContent('body'))!;
    expect(text).toContain(order.number);
    for (const label of ['接车', '诊断报价', '维修中', '质检', '洗车', '待交车']) expect(text).toContain(label);
    expect(text).toContain(`${order.vehicle.plate.slice(0, 2)}*`);
    const html = await page.content();
    for (const secret of [order.customer.name, mobile, order.vehicle.vin, order.vehicle.plate]) expect(html).not.toContain(secret);
  });

  it('updates live when the workshop moves the car on', async () => {
    await page.evaluate(() => ((window as { __noReload?: boolean }).__noReload = true));
    const foreman = await login(server.base, 'foreman');
    const res = await gql(
      `mutation($id: ID!, $v: Int) { transitionWorkOrder(input: { id: $id, to: ON_HOLD, holdReason: WAITING_PARTS, reason: "配件在途", expectedVersion: $v }) { userErrors { code } } }`,
      { id: order.id, v: order.version },
      foreman,
    );
    expect(res.transitionWorkOrder.userErrors).toEqual([]);
    await page.waitForSelector('section.hero[data-status="ON_HOLD"]', { timeout: 2000 });
    expect(await page.textContent('body')).toContain('等待配件');
    expect(await page.evaluate(() => (window as { __noReload?: boolean }).__noReload)).toBe(true);
    const html = await page.content();
    for (const secret of [order.customer.name, mobile, order.vehicle.vin]) expect(html).not.toContain(secret);
  });

  it('saves a screenshot of the customer page (docs/ with UPDATE_SCREENSHOTS=1)', async () => {
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'customer-page.png'), fullPage: false });
    expect(fs.statSync(path.join(SCREENSHOTS, 'customer-page.png')).size).toBeGreaterThan(20_000);
  });

  it('an unknown link shows a friendly page that reveals nothing', async () => {
    const other = await browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
    await other.goto(`${server.base}/t/${'A'.repeat(43)}`);
    await other.waitForFunction(() => document.body.textContent?.includes('链接'));
    const text = (await other.textContent('body'))!;
    expect(text).toContain('链接已失效或不存在');
    expect(text).not.toMatch(/WO\d{8}/);
    await other.close();
  });
});
