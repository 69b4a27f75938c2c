import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath } from './chromium';
import { api, launch, SCREENSHOTS, login, type ServerProcess, startDatabase, startServer } from './harness';

const haveChromium = chromiumPath() !== null;

/** What the page shows once its layout has stopped changing (fonts loaded, cards measured): see checkWall. */
async function settledLayout(page: Page) {
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  let last = '';
  for (let i = 0; i < 20; i++) {
    await page.waitForTimeout(150);
    const now = await page.evaluate(checkWall);
    if (JSON.stringify(now) === last) return now;
    last = JSON.stringify(now);
  }
  throw new Error(`the wall's layout did not settle: ${last}`);
}

/**
 * Runs in the page. For every card that is shown (not visibility-hidden): the card lies inside its
 * column or lane and the viewport; every element in it lies inside the card, none is wider than its
 * box (scrollWidth > clientWidth), none is cut by an ellipsis, none that clips (overflow other than
 * visible) hides anything below; every line of text lies inside the card (vertically give or take the
 * font's own leading: CJK fonts reach above and below a tight line box with nothing drawn there); the
 * "另有 N 辆" note covers no card. Also the header's texts stay whole, on one line.
 */
function checkWall() {
  const problems: string[] = [];
  const within = (a: DOMRect, b: DOMRect, dy = 0) => a.left >= b.left - 0.5 && a.right <= b.right + 0.5 && a.top >= b.top - 0.5 - dy && a.bottom <= b.bottom + 0.5 + dy;
  const overlaps = (a: DOMRect, b: DOMRect) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
  const viewport = new DOMRect(0, 0, innerWidth, innerHeight);
  const cards = [...document.querySelectorAll<HTMLElement>('article.card')];
  const shown = cards.filter((c) => c.checkVisibility({ visibilityProperty: true }));
  const notes = [...document.querySelectorAll<HTMLElement>('[data-test="more"]')];
  let minPlate = Infinity;
  for (const card of shown) {
    const box = card.getBoundingClientRect();
    const name = card.querySelector('.plate')?.textContent ?? card.dataset.workOrder;
    const area = card.closest('.cards')!.getBoundingClientRect();
    if (!within(box, area)) problems.push(`${name}: card outside its column or lane`);
    if (!within(box, viewport)) problems.push(`${name}: card outside the screen`);
    for (const note of notes) if (overlaps(note.getBoundingClientRect(), box)) problems.push(`${name}: covered by "${note.textContent}"`);
    minPlate = Math.min(minPlate, parseFloat(getComputedStyle(card.querySelector('.plate')!).fontSize));
    for (const el of card.querySelectorAll<HTMLElement>('*')) {
      if (!el.getClientRects().length) continue; // not displayed on this screen size
      const style = getComputedStyle(el);
      const label = `${name}: .${el.getAttribute('class') ?? el.tagName} "${el.textContent}"`;
      if (!within(el.getBoundingClientRect(), box)) problems.push(`${label} sticks out of the card`);
      if (style.display === 'inline' || el instanceof SVGElement) continue;
      if (el.scrollWidth > el.clientWidth) problems.push(`${label} is cut (${el.scrollWidth} > ${el.clientWidth})`);
      if (style.textOverflow === 'ellipsis' && el.scrollWidth > el.clientWidth) problems.push(`${label} ends in …`);
      if (style.overflowY !== 'visible' && el.scrollHeight > el.clientHeight) problems.push(`${label} is cut at the bottom`);
    }
    const walker = document.createTreeWalker(card, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.textContent?.trim()) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const lineHeight = parseFloat(getComputedStyle(node.parentElement!).lineHeight) || 0;
      for (const r of range.getClientRects()) {
        const leading = Math.max(0, (r.height - lineHeight) / 2);
        if (!within(r, box, leading) || !within(r, viewport, leading)) problems.push(`${name}: text "${node.textContent}" is cut`);
      }
    }
  }
  for (const el of document.querySelectorAll<HTMLElement>('.wall-header button, .wall-header .n, .wall-header .label, .wall-header .clock, .wall-header h1')) {
    const range = document.createRange();
    range.selectNodeContents(el);
    const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
    if (lines.size > 1) problems.push(`header "${el.textContent}" wraps`);
    if (!within(el.getBoundingClientRect(), viewport)) problems.push(`header "${el.textContent}" is off screen`);
  }
  const counted = notes.reduce((sum, n) => sum + Number(/\d+/.exec(n.textContent ?? '')?.[0] ?? 0), 0);
  return { problems, total: cards.length, shown: shown.length, hidden: cards.length - shown.length, notes: counted, minPlate };
}

describe.skipIf(!haveChromium)('the wall display in a real browser', () => {
  let db: Awaited<ReturnType<typeof startDatabase>>;
  let server: ServerProcess;
  let browser: Browser;
  let page: Page;
  let displayToken: string;
  let gql: ReturnType<typeof api>;

  beforeAll(async () => {
    db = await startDatabase();
    server = await startServer(db.url);
    gql = api(server.base);
    const manager = await login(server.base, 'manager');
    displayToken = (await gql(`mutation { createDisplayToken(input: { name: "e2e" }) { token } }`, {}, manager)).createDisplayToken.token;
    browser = await launch();
    page = await browser.newPage({ viewport: { width: 1920, height: 1080 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await db?.stop();
  });

  const cardCount = () => page.locator('article.card').count();
  const statusOf = (id: string) => page.locator(`[data-work-order="${id}"]`).getAttribute('data-status');

  it('pairs with ?token= (then removes it from the address bar) and shows every seeded card', async () => {
    await page.goto(`${server.base}/wall?token=${displayToken}`);
    await page.waitForSelector('article.card');
    expect(page.url()).toBe(`${server.base}/wall`);
    expect(await page.evaluate(() => localStorage.getItem('workbay.displayToken'))).toBe(displayToken);
    const foreman = await login(server.base, 'foreman');
    const { board } = await gql(`{ board { cards { workOrder { id } } } }`, {}, foreman);
    await expect.poll(cardCount).toBe(board.cards.length);
    expect(board.cards.length).toBeGreaterThanOrEqual(15);
    await expect.poll(() => page.locator('[data-test="connection"]').textContent()).toContain('实时');
    await page.evaluate(() => ((window as { __noReload?: boolean }).__noReload = true));
  });

  it('saves a screenshot of the wall (docs/ with UPDATE_SCREENSHOTS=1)', async () => {
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'wall.png') });
    expect(fs.statSync(path.join(SCREENSHOTS, 'wall.png')).size).toBeGreaterThan(20_000);
  });

  // Every card that is shown must be whole: plate, crew, bay, promise and every flag readable, nothing cut.
  for (const [width, height] of [[1920, 1080], [1366, 768]]) {
    for (const view of ['stages', 'bays'] as const) {
      for (const lang of ['zh', 'en'] as const) {
        it(`cuts no text on any shown card: ${view} at ${width}×${height}, ${lang}`, async () => {
          const p = await browser.newPage({ viewport: { width, height }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
          try {
            await p.goto(`${server.base}/wall?token=${displayToken}&lang=${lang}${view === 'bays' ? '&view=bays' : ''}`);
            await p.waitForSelector('article.card', { state: 'attached' });
            await expect.poll(() => p.locator('[data-test="connection"]').textContent()).toContain(lang === 'zh' ? '实时' : 'Live');
            const report = await settledLayout(p);
            expect(report.problems).toEqual([]);
            expect(report.shown + report.hidden).toBe(report.total);
            expect(report.hidden).toBe(report.notes); // every card not shown is counted in a "另有 N 辆"
            expect(report.minPlate).toBeGreaterThanOrEqual(30);
            if (width === 1920) expect(report.hidden).toBe(0); // the demo seed fits whole on a 1920×1080 wall
            if (view === 'stages' && width === 1920) expect(report.minPlate).toBeGreaterThanOrEqual(34);
            if (lang === 'zh') {
              fs.mkdirSync(SCREENSHOTS, { recursive: true });
              await p.screenshot({ path: path.join(SCREENSHOTS, `wall${view === 'bays' ? '-bays' : ''}-${width}.png`) });
            }
          } finally {
            await p.close();
          }
        });
      }
    }
  }

  it('shows a transition made through the API within 1 s, without reloading', async () => {
    const foreman = await login(server.base, 'foreman');
    const { board } = await gql(`{ board { cards { workOrder { id status version } } } }`, {}, foreman);
    const queued = board.cards.find((c: any) => c.workOrder.status === 'QUEUED').workOrder;
    const started = Date.now();
    const res = await gql(
      `mutation($id: ID!, $v: Int) { transitionWorkOrder(input: { id: $id, to: ON_HOLD, holdReason: WAITING_PARTS, reason: "缺件", expectedVersion: $v }) { workOrder { status } userErrors { code } } }`,
      { id: queued.id, v: queued.version },
      foreman,
    );
    expect(res.transitionWorkOrder.userErrors).toEqual([]);
    await page.waitForSelector(`[data-stage="ON_HOLD"] [data-work-order="${queued.id}"]`, { timeout: 1000 });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(await page.locator(`[data-work-order="${queued.id}"] .flag-WAITING_PARTS`).count()).toBe(1);
    expect(await page.evaluate(() => (window as { __noReload?: boolean }).__noReload)).toBe(true);
  });

  it('survives a server restart: shows offline, and after reconnecting shows what changed meanwhile', async () => {
    const advisor = await login(server.base, 'advisor');
    const { board } = await gql(`{ board { cards { workOrder { id status } } } }`, {}, await login(server.base, 'foreman'));
    const draft = board.cards.find((c: any) => c.workOrder.status === 'DRAFT').workOrder;
    const port = server.port;

    await server.stop();
    await expect.poll(() => page.locator('[data-test="connection"]').textContent(), { timeout: 15_000 }).toContain('离线');
    expect(await cardCount()).toBe(board.cards.length); // keeps the last state

    // Meanwhile, the advisor works through another server process on the same database.
    const other = await startServer(db.url);
    await api(other.base)(`mutation($id: ID!) { transitionWorkOrder(input: { id: $id, to: AWAITING_APPROVAL }) { workOrder { status } } }`, { id: draft.id }, advisor);
    await other.stop();
    expect(await statusOf(draft.id)).toBe('DRAFT');

    server = await startServer(db.url, port);
    await expect.poll(() => statusOf(draft.id), { timeout: 40_000 }).toBe('AWAITING_APPROVAL');
    await expect.poll(() => page.locator('[data-test="connection"]').textContent()).toContain('实时');
    expect(await page.evaluate(() => (window as { __noReload?: boolean }).__noReload)).toBe(true);
  });

  it('goes back to the setup screen when its token is revoked', async () => {
    const manager = await login(server.base, 'manager');
    const { displayTokens } = await gql(`{ displayTokens { id name revokedAt } }`, {}, manager);
    const mine = displayTokens.find((t: any) => t.name === 'e2e');
    await gql(`mutation($id: ID!) { revokeDisplayToken(input: { id: $id }) { displayToken { revokedAt } } }`, { id: mine.id }, manager);
    await page.waitForSelector('.setup', { timeout: 10_000 });
    expect(await page.textContent('.setup')).toContain('看板令牌无效或已被撤销');
    expect(await page.evaluate(() => localStorage.getItem('workbay.displayToken'))).toBeNull();
  });
});
