import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath } from './chromium';
import { launch, SCREENSHOTS, type ServerProcess, startDatabase, startServer } from './harness';

describe.skipIf(chromiumPath() === null)('the API explorer in a real browser', () => {
  let db: Awaited<ReturnType<typeof startDatabase>>;
  let server: ServerProcess;
  let browser: Browser;

  beforeAll(async () => {
    db = await startDatabase();
    server = await startServer(db.url);
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await db?.stop();
  });

  it('loads with no network but this server (a browser opening /graphql lands on it) and runs { __typename }', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: 'light' });
    const page = await context.newPage();
    const requested: string[] = [];
    const blocked: string[] = [];
    // Offline but for the server: anything for another host is refused and recorded.
    await context.route('**/*', (route) => {
      const url = route.request().url();
      requested.push(url);
      if (url.startsWith(`${server.base}/`)) return route.continue();
      blocked.push(url);
      return route.abort('internetdisconnected');
    });
    const failures: string[] = [];
    page.on('pageerror', (e) => failures.push(String(e)));

    await page.goto(`${server.base}/graphql`);
    expect(new URL(page.url()).pathname).toBe('/explorer');
    const editor = page.locator('.graphiql-query-editor .monaco-editor').first();
    await editor.waitFor({ timeout: 30_000 });
    await editor.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await page.keyboard.insertText('query Hello { __typename }');
    await page.locator('.graphiql-execute-button').click();
    await expect.poll(() => page.locator('.graphiql-response').innerText(), { timeout: 15_000 }).toMatch(/"__typename":\s*"Query"/);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'explorer.png') });

    expect(blocked).toEqual([]);
    expect(requested.length).toBeGreaterThan(3);
    expect(requested.every((u) => u.startsWith(`${server.base}/`))).toBe(true);
    expect(failures).toEqual([]);
    await context.close();
  });
});
