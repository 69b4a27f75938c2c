import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath } from './chromium';
import { api, launch, login, SCREENSHOTS, type ServerProcess, startDatabase, startServer } from './harness';

const SURVEY = `query($token: String!) { trackWorkOrder(token: $token) { status survey { answered attitude quality priceTransparency } } }`;

/** R-FU-2: after delivery the customer rates the visit on the progress page, on their phone. */
describe.skipIf(chromiumPath() === null)('the customer rates the visit on the progress page, in a real browser', () => {
  let db: Awaited<ReturnType<typeof startDatabase>>;
  let server: ServerProcess;
  let browser: Browser;
  let gql: ReturnType<typeof api>;
  const open: string[] = [];

  beforeAll(async () => {
    db = await startDatabase();
    server = await startServer(db.url);
    gql = api(server.base);
    const advisor = await login(server.base, 'advisor');
    const { workOrders } = await gql(`{ workOrders(first: 50, filter: { status: [DELIVERED] }) { edges { node { trackingUrl } } } }`, {}, advisor);
    for (const { node } of workOrders.edges as { node: { trackingUrl: string } }[]) {
      const token = new URL(node.trackingUrl).pathname.split('/t/')[1];
      const { trackWorkOrder } = await gql(SURVEY, { token });
      if (trackWorkOrder?.survey && !trackWorkOrder.survey.answered) open.push(token);
    }
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await db?.stop();
  });

  const page = async (token: string, locale: 'zh-CN' | 'en-US') => {
    const p = await browser.newPage({ viewport: { width: 390, height: 844 }, locale, timezoneId: 'Asia/Shanghai', isMobile: true, hasTouch: true });
    await p.goto(`${server.base}/t/${token}`);
    await p.waitForSelector('[data-testid="survey"]');
    return p;
  };

  it('R-FU-2: three ratings and a suggestion, sent once; the page thanks the customer and the rating is the order’s', async () => {
    expect(open.length, 'the demo seed has delivered orders whose link still lives and which are not rated yet').toBeGreaterThanOrEqual(2);
    const p = await page(open[0], 'zh-CN');
    expect(await p.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await p.click('button[type=submit]');
    expect(await p.textContent('[data-testid="survey"] [role=alert]')).toContain('请为三项都打分');
    await p.click('[data-question=attitude] [aria-label="5 星"]');
    await p.click('[data-question=quality] [aria-label="4 星"]');
    await p.click('[data-question=priceTransparency] [aria-label="5 星"]');
    await p.fill('[data-testid="survey"] textarea', '师傅讲解很清楚');
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    await p.locator('[data-testid="survey"]').scrollIntoViewIfNeeded();
    await p.screenshot({ path: path.join(SCREENSHOTS, 'customer-survey.png'), fullPage: true });
    await p.click('button[type=submit]');
    await p.waitForSelector('[data-testid="survey"] .thanks');
    expect(await p.locator('[data-testid="survey"] button[type=submit]').count()).toBe(0);
    const { trackWorkOrder } = await gql(SURVEY, { token: open[0] });
    expect(trackWorkOrder.survey).toEqual({ answered: true, attitude: 5, quality: 4, priceTransparency: 5 });

    // Opened again later, the page shows the rating given, read-only.
    const again = await page(open[0], 'zh-CN');
    expect(await again.locator('[data-question=quality] .star.on').count()).toBe(4);
    expect(await again.textContent('[data-testid="survey"]')).toContain('感谢您的评价');
  });

  it('in English on a phone the questions fit without cutting', async () => {
    const p = await page(open[1], 'en-US');
    await p.click('button.lang'); // the page opens in Chinese; the customer switches
    await p.waitForFunction(() => document.documentElement.lang === 'en');
    const text = (await p.textContent('[data-testid="survey"]'))!;
    for (const label of ['Service attitude', 'Quality of the work', 'Price transparency']) expect(text).toContain(label);
    const cut = await p.evaluate(() => [...document.querySelectorAll('[data-testid="survey"] .label, [data-testid="survey"] .stars')].some((el) => el.scrollWidth > el.clientWidth || el.getBoundingClientRect().right > window.innerWidth));
    expect(cut).toBe(false);
    await p.locator('[data-testid="survey"]').scrollIntoViewIfNeeded();
    await p.screenshot({ path: path.join(SCREENSHOTS, 'customer-survey-en.png'), fullPage: true });
  });
});
