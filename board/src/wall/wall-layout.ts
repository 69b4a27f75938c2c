/**
 * How the wall shares its space by load: pure arithmetic over card counts and pixel sizes (no Vue,
 * no DOM). The sizes are estimates; the columns and lanes still measure the real cards and say
 * "另有 N 辆" for those that do not fit whole.
 */

export interface StageSpace {
  width: number;
  height: number;
  /** Narrowest card track that shows a card whole (card width + the gap beside it). */
  track: number;
  /** A typical card's height + the gap below it, per stage. */
  card: readonly number[];
  /** What a hidden card of each stage costs (the stage the foreman watches most weighs more). */
  weight: readonly number[];
  /** The gap between cards (included in `track` and `card`). */
  cardGap: number;
  /** A stage's header. */
  header: number;
  /** A slot's own padding (both sides together) and the gap between slots. */
  padding: number;
  gap: number;
  /** The two-line card (BoardCard's strip): its narrowest track and its height, gaps included. */
  strip?: { track: number; card: number };
}

export type Density = 'full' | 'strip';

/**
 * One column of the wall: one stage, or low-load neighbours stacked. It is `tracks` narrow cards
 * wide, and shows its cards in `columns` side by side: full cards, or strips when a wide column
 * shows more of them that way.
 */
export interface Slot {
  stages: number[];
  tracks: number;
  density: Density;
  columns: number;
}

/** Rows for each stacked stage out of `total`: one for each stage with cards, then to whichever hides most. */
export function shareRows(counts: readonly number[], tracks: number, total: number): number[] | null {
  const rows = counts.map((n): number => (n > 0 ? 1 : 0));
  let left = total - rows.reduce((a, b) => a + b, 0);
  if (left < 0) return null;
  for (; left > 0; left--) {
    let best = -1;
    counts.forEach((n, i) => {
      if (n > rows[i] * tracks && (best < 0 || n - rows[i] * tracks > counts[best] - rows[best] * tracks)) best = i;
    });
    if (best < 0) break;
    rows[best]++;
  }
  return rows;
}

function slotFor(stages: number[], counts: readonly number[], tracks: number, s: StageSpace): { slot: Slot; hidden: number } | null {
  const own = stages.map((i) => counts[i]);
  const room = s.height - stages.length * s.header - s.padding + s.cardGap; // the last card needs no gap below it
  const ways: { density: Density; columns: number; card: number }[] = [{ density: 'full', columns: tracks, card: Math.max(...stages.map((i) => s.card[i])) }];
  const strips = s.strip ? Math.floor((tracks * s.track) / s.strip.track) : 0;
  if (s.strip && strips > 0) ways.push({ density: 'strip', columns: strips, card: s.strip.card });
  let best: { slot: Slot; hidden: number } | null = null;
  for (const way of ways) {
    const rows = shareRows(own, way.columns, Math.floor(room / way.card));
    if (!rows) continue;
    const hidden = own.reduce((sum, n, k) => sum + Math.max(0, n - way.columns * rows[k]) * s.weight[stages[k]], 0);
    // Full cards say more (model, time against standard): strips only when they show more cars.
    if (!best || hidden < best.hidden) best = { slot: { stages, tracks, density: way.density, columns: way.columns }, hidden };
  }
  return best;
}

const better = (a: readonly number[], b: readonly number[]) => {
  const i = a.findIndex((x, k) => x !== b[k]);
  return i >= 0 && a[i] < b[i];
};

/** Every way of cutting 0..n-1 into runs of neighbours (2^(n-1) of them; the wall has 7 stages). */
function groupings(n: number): number[][][] {
  const out: number[][][] = [];
  for (let mask = 0; mask < 1 << Math.max(0, n - 1); mask++) {
    const groups: number[][] = [[0]];
    for (let i = 1; i < n; i++) {
      if (mask & (1 << (i - 1))) groups[groups.length - 1].push(i);
      else groups.push([i]);
    }
    out.push(groups);
  }
  return out;
}

/**
 * Lays the stages out by load: every stage its own column when that hides no card; otherwise quiet
 * neighbours share a column (stacked) so that busy stages get a second or third track, or show
 * two-line strips. Least hidden cards (weighted) wins, then fewest cars in strips (full cards say
 * more), then fewest shared columns, then the quietest stages sharing.
 */
export function layoutStages(counts: readonly number[], s: StageSpace): Slot[] {
  let best: { slots: Slot[]; score: number[] } | null = null;
  for (const groups of groupings(counts.length)) {
    let spare = s.width - groups.length * (s.track + s.padding) - (groups.length - 1) * s.gap;
    if (spare < 0) continue;
    const placed = groups.map((g) => slotFor(g, counts, 1, s));
    if (placed.some((p) => !p)) continue;
    const slots = placed as { slot: Slot; hidden: number }[];
    // Each extra track goes where it shows the most hidden cards.
    for (; spare >= s.track; spare -= s.track) {
      let gain = 0;
      let at = -1;
      let next: { slot: Slot; hidden: number } | null = null;
      slots.forEach((p, i) => {
        const wider = slotFor(p.slot.stages, counts, p.slot.tracks + 1, s);
        if (wider && p.hidden - wider.hidden > gain) [gain, at, next] = [p.hidden - wider.hidden, i, wider];
      });
      if (at < 0 || !next) break;
      slots[at] = next;
    }
    const hidden = slots.reduce((a, p) => a + p.hidden, 0);
    const shared = counts.length - groups.length;
    const sharedLoad = groups.filter((g) => g.length > 1).reduce((a, g) => a + g.reduce((b, i) => b + counts[i], 0), 0);
    const strips = slots.reduce((a, p) => a + (p.slot.density === 'strip' ? p.slot.stages.reduce((b, i) => b + counts[i], 0) : 0), 0);
    const score = [hidden, strips, shared, sharedLoad];
    if (!best || better(score, best.score)) best = { slots: slots.map((p) => p.slot), score };
  }
  // A screen too small for even one track a stage: one column each, and the columns say what they cannot show.
  return best?.slots ?? counts.map((_, i) => ({ stages: [i], tracks: 1, density: 'full' as const, columns: 1 }));
}

export interface LaneSpace {
  width: number;
  /** Narrowest card in a lane + the gap beside it. */
  track: number;
}

/** A bay lane's cards fill its row: as many side by side as it has (up to what fits), the rest on further rows. */
export function layoutLanes(counts: readonly number[], s: LaneSpace): { perRow: number; rows: number }[] {
  const most = Math.max(1, Math.floor(s.width / s.track));
  return counts.map((n) => {
    const perRow = Math.min(Math.max(n, 1), most);
    return { perRow, rows: Math.max(1, Math.ceil(n / perRow)) };
  });
}

/**
 * How many of `total` items are whole inside `space` px, given the bottom edges of the leading ones
 * laid out so far (in order; the rest are not laid out). While some cannot be shown, `reserve` px
 * stay free for the "另有 N 辆" note.
 */
export function fitCount(bottoms: readonly number[], space: number, reserve = 0, total = bottoms.length): number {
  if (space <= 0) return total;
  if (bottoms.length >= total && bottoms.every((b) => b <= space)) return total;
  const first = bottoms.findIndex((b) => b > space - reserve);
  return first < 0 ? bottoms.length : first;
}
