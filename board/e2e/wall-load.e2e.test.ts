import 'reflect-metadata';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openOrm } from '../../server/src/db/orm';
import { Staff } from '../../server/src/modules/staff/staff.entity';
import { Bay } from '../../server/src/modules/store/bay.entity';
import { Store } from '../../server/src/modules/store/store.entity';
import { chromiumPath } from './chromium';
import { api, launch, login, type ServerProcess, startDatabase, startServer } from './harness';
import { settledLayout } from './wall-check';

// The server's bulk helper, loaded at run time: it pulls in server test helpers that are the server's
// to type-check (under its own lib settings), not the board's.
const BULK = path.resolve(import.meta.dirname, '../../server/test/helpers/bulk.ts');
type InsertOrders = (orm: Awaited<ReturnType<typeof openOrm>>, o: { storeId: number; count: number; bayIds: number[]; technicianIds: number[]; advisorId: number }) => Promise<void>;

/** The demo seed plus 60 more cars: more than fits, so columns and lanes overflow, and what is shown must still be whole. */
describe.skipIf(chromiumPath() === null)('the wall under load in a real browser', () => {
  let db: Awaited<ReturnType<typeof startDatabase>>;
  let server: ServerProcess;
  let browser: Browser;
  let displayToken: string;
  let total: number;

  beforeAll(async () => {
    db = await startDatabase();
    server = await startServer(db.url);
    const gql = api(server.base);
    displayToken = (await gql(`mutation { createDisplayToken(input: { name: "load" }) { token } }`, {}, await login(server.base, 'manager'))).createDisplayToken.token;
    const orm = await openOrm({ clientUrl: db.url });
    const em = orm.em.fork();
    const store = await em.findOneOrFail(Store, { code: { $ne: '' } });
    const bays = await em.find(Bay, {});
    const techs = await em.find(Staff, { username: { $in: ['tech1', 'tech2'] } });
    const { insertOrders } = (await import(/* @vite-ignore */ BULK)) as { insertOrders: InsertOrders };
    await insertOrders(orm, { storeId: store.id, count: 60, bayIds: bays.map((b) => b.id), technicianIds: techs.map((t) => t.id), advisorId: techs[0].id });
    await orm.close(true);
    total = (await gql(`{ board { cards { workOrder { id } } } }`, {}, await login(server.base, 'foreman'))).board.cards.length;
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await db?.stop();
  });

  for (const [width, height] of [[1920, 1080], [1366, 768]]) {
    for (const view of ['stages', 'bays'] as const) {
      it(`shows only whole cards and counts the rest: ${view} at ${width}×${height}`, async () => {
        const page = await browser.newPage({ viewport: { width, height }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
        try {
          await page.goto(`${server.base}/wall?token=${displayToken}${view === 'bays' ? '&view=bays' : ''}`);
          await page.waitForSelector('article.card', { state: 'attached' });
          await expect.poll(() => page.locator('[data-test="connection"]').textContent()).toContain('实时');
          const report = await settledLayout(page);
          expect(report.problems).toEqual([]);
          expect(report.notes).toBeGreaterThan(0);
          expect(report.shown + report.notes).toBe(total);
          // A screenful is laid out, not every car.
          expect(await page.locator('article.card').count()).toBeLessThan(total);
        } finally {
          await page.close();
        }
      });
    }
  }
});
