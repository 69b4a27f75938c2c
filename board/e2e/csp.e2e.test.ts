import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath } from './chromium';
import { api, launch, login, type ServerProcess, startDatabase, startServer } from './harness';

/** Issue 9 §6: the built pages work under their Content-Security-Policy, which refuses inline script. */
describe.skipIf(chromiumPath() === null)('the pages under their Content-Security-Policy in a real browser', () => {
  let db: Awaited<ReturnType<typeof startDatabase>>;
  let server: ServerProcess;
  let browser: Browser;
  let page: Page;
  let violations: string[];
  let displayToken: string;
  let trackPath: string;

  beforeAll(async () => {
    db = await startDatabase();
    server = await startServer(db.url);
    const gql = api(server.base);
    const manager = await login(server.base, 'manager');
    displayToken = (await gql(`mutation { createDisplayToken(input: { name: "csp" }) { token } }`, {}, manager)).createDisplayToken.token;
    const { workOrders } = await gql(`{ workOrders(first: 5, filter: { status: [QUEUED] }) { edges { node { trackingUrl } } } }`, {}, await login(server.base, 'advisor'));
    trackPath = new URL(workOrders.edges[0].node.trackingUrl).pathname;
    browser = await launch();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    violations = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await db?.stop();
  });

  it('the wall renders and connects live with no CSP violation', async () => {
    const res = await page.goto(`${server.base}/wall?token=${displayToken}`);
    expect(res!.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    await page.waitForSelector('article.card');
    await page.waitForSelector('[data-test="connection"].online'); // the WebSocket is allowed too (connect-src 'self')
    expect(violations).toEqual([]);
  });

  it('the customer page renders with no CSP violation', async () => {
    const res = await page.goto(`${server.base}${trackPath}`);
    expect(res!.headers()['content-security-policy']).toContain("script-src 'self'");
    await page.waitForSelector('section.hero');
    expect(violations).toEqual([]);
  });

  it('the start page too; and an injected inline script does not run', async () => {
    await page.goto(`${server.base}/`);
    await page.waitForSelector('h1');
    expect(violations).toEqual([]);
    const ran = await page.evaluate(async () => {
      const s = document.createElement('script');
      s.textContent = 'window.__injected = true';
      document.body.appendChild(s);
      await new Promise((r) => setTimeout(r, 100));
      return (window as { __injected?: boolean }).__injected === true;
    });
    expect(ran).toBe(false);
    expect(violations.length).toBeGreaterThan(0);
  });
});
