import { describe, expect, it } from 'vitest';
import { fitCount, layoutLanes, layoutStages, shareRows, type Slot } from './wall-layout';

// The wall's seven stages: 接待 待派工 维修中 暂停 质检 洗车 待交车.
const weight = [1, 1, 3, 2, 1, 1, 1];
const space = (width: number, height: number) => ({ width, height, track: 246, card: [226, 226, 266, 226, 226, 226, 226], cardGap: 8, weight, header: 44, padding: 12, gap: 8 });
const small = { ...space(1346, 672), track: 224, card: [204, 204, 244, 204, 204, 204, 204] };
const strip = { track: 440, card: 96 };
/** "2×2" is stage 2 two tracks wide, "3+4" two stages stacked, "s" shows strips. */
const shape = (slots: Slot[]) => slots.map((s) => `${s.stages.join('+')}${s.tracks > 1 ? `×${s.tracks}` : ''}${s.density === 'strip' ? 's' : ''}`).join(' ');

describe('layoutStages', () => {
  it('gives every stage its own column when everything fits', () => {
    expect(shape(layoutStages([1, 2, 3, 1, 1, 2, 1], space(1900, 964)))).toBe('0 1 2 3 4 5 6');
  });

  it('gives the busy stage a second track by stacking quiet neighbours (the demo seed at 1920×1080)', () => {
    // 6 cars in progress need two tracks of three; 暂停, 质检 and 洗车 (2 each) share a column of two tracks for it.
    expect(shape(layoutStages([3, 3, 6, 2, 2, 2, 2], space(1900, 964)))).toBe('0 1 2×2 3+4+5×2 6');
  });

  it('on a 1366×768 panel, favours the cars in progress over the queue', () => {
    expect(shape(layoutStages([3, 3, 6, 2, 2, 2, 2], small))).toBe('0+1 2×2 3+4 5+6');
  });

  it('shows a wide column as two-line strips when that shows more cars, and only then', () => {
    // 1366×768: two tracks of full cards show 4 of the 6 in progress; one column of strips shows all 6.
    expect(shape(layoutStages([3, 3, 6, 2, 2, 2, 2], { ...small, strip }))).toBe('0+1 2×2s 3+4 5+6');
    // 1920×1080: full cards fit, so no strips.
    expect(shape(layoutStages([3, 3, 6, 2, 2, 2, 2], { ...space(1900, 964), strip: { track: 470, card: 104 } }))).toBe('0 1 2×2 3+4+5×2 6');
  });

  it('stacks empty and quiet stages, never the busy ones', () => {
    const slots = layoutStages([0, 5, 9, 1, 0, 1, 4], space(1900, 964));
    const of = (stage: number) => slots.find((s) => s.stages.includes(stage))!;
    expect(of(2).stages).toEqual([2]);
    expect(of(2).tracks).toBeGreaterThan(1);
    expect(of(1).stages).toEqual([0, 1]); // only the empty 接待's header above it
  });

  it('keeps the stage order and never asks for more width than there is', () => {
    for (const [w, h] of [[1900, 964], [1346, 672], [1100, 600]]) {
      const slots = layoutStages([4, 0, 12, 3, 2, 7, 1], space(w, h));
      expect(slots.flatMap((s) => s.stages)).toEqual([0, 1, 2, 3, 4, 5, 6]);
      const used = slots.reduce((a, s) => a + s.tracks * 246 + 12, 0) + (slots.length - 1) * 8;
      expect(used).toBeLessThanOrEqual(w);
    }
  });

  it('falls back to one narrow column a stage on a screen too small for anything', () => {
    expect(shape(layoutStages([1, 1, 1, 1, 1, 1, 1], space(300, 200)))).toBe('0 1 2 3 4 5 6');
  });

  it('shares a stacked column’s rows: one for each stage with cars, the rest where most are hidden', () => {
    expect(shareRows([2, 5], 1, 4)).toEqual([1, 3]);
    expect(shareRows([0, 3], 1, 3)).toEqual([0, 3]);
    expect(shareRows([1, 1], 1, 4)).toEqual([1, 1]);
    expect(shareRows([1, 1, 1], 1, 2)).toBeNull();
  });
});

describe('layoutLanes', () => {
  it('lets a lane’s cards fill its row, up to as many as fit, and wraps the rest', () => {
    expect(layoutLanes([1, 3, 0, 7], { width: 1730, track: 330 })).toEqual([
      { perRow: 1, rows: 1 },
      { perRow: 3, rows: 1 },
      { perRow: 1, rows: 1 },
      { perRow: 5, rows: 2 },
    ]);
    expect(layoutLanes([3, 5], { width: 1176, track: 460 })).toEqual([
      { perRow: 2, rows: 2 },
      { perRow: 2, rows: 3 },
    ]);
  });
});

describe('fitCount', () => {
  it('counts the leading items whose bottom is inside the space', () => {
    expect(fitCount([100, 200, 300], 300)).toBe(3);
    expect(fitCount([100, 200, 300], 299)).toBe(2);
  });

  it('keeps room for the note once something does not fit', () => {
    expect(fitCount([100, 200, 300], 299, 50)).toBe(2);
    expect(fitCount([100, 200, 260], 299, 50)).toBe(3);
    expect(fitCount([100, 200, 300, 400], 350, 100)).toBe(2);
  });

  it('keeps that room while cards past those laid out cannot be shown either', () => {
    // 3 cards, 2 laid out: both fit the space, but not with the note, which the third needs.
    expect(fitCount([162, 332], 344, 46, 3)).toBe(1);
    expect(fitCount([162, 280], 344, 46, 3)).toBe(2); // then the next is laid out and measured
    expect(fitCount([162, 332, 503], 344, 46, 3)).toBe(1);
  });

  it('shows everything until measured', () => {
    expect(fitCount([100, 200], 0, 0, 5)).toBe(5);
  });
});
