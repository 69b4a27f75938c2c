import type { Page } from 'playwright-core';

/** What the page shows once its layout has stopped changing (fonts loaded, cards measured): see checkWall. */
export async function settledLayout(page: Page) {
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  // Three reads in a row alike: a layout that flips between two states does not pass for settled.
  const reads: string[] = [];
  for (let i = 0; i < 30; i++) {
    await page.waitForTimeout(120);
    const now = await page.evaluate(checkWall);
    reads.push(JSON.stringify(now));
    if (reads.length >= 3 && reads.slice(-3).every((r) => r === reads[reads.length - 1])) return now;
  }
  const last = reads[reads.length - 1];
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
  // Cards past those that fit may be laid out unseen (visibility: hidden) or not rendered at all.
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
  const inProgressNotes = document.querySelectorAll('[data-stage="IN_PROGRESS"] [data-test="more"]').length;
  const counted = notes.reduce((sum, n) => sum + Number(/\d+/.exec(n.textContent ?? '')?.[0] ?? 0), 0);
  return { problems, shown: shown.length, notes: counted, minPlate, inProgressNotes };
}
