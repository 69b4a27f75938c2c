import { describe, expect, it } from 'vitest';
import { applyDeltas, fits, issueDeltas, needsReorder, normalizePartNumber } from './parts.rules.js';

describe('parts rules', () => {
  it('R-WO-5: fit by model name, spaces and case aside; no listed model means universal', () => {
    expect(fits(['迈腾 Magotan 330TSI'], ' 迈腾  magotan 330tsi ')).toBe(true);
    expect(fits(['迈腾 Magotan 330TSI'], '速腾 Sagitar 300TSI')).toBe(false);
    expect(fits([], '任何车型')).toBe(true);
  });

  it('part numbers are upper case without spaces', () => {
    expect(normalizePartNumber(' 06k 109 467k ')).toBe('06K109467K');
  });

  it('R-WO-5: stock never goes negative and reserved never exceeds on hand', () => {
    expect(applyDeltas({ onHand: 1, reserved: 0 }, -1, 0)).toEqual({ onHand: 0, reserved: 0 });
    expect(applyDeltas({ onHand: 1, reserved: 0 }, -2, 0)).toBeNull();
    expect(applyDeltas({ onHand: 2, reserved: 1 }, 0, 2)).toBeNull();
    expect(applyDeltas({ onHand: 2, reserved: 1 }, 0, -2)).toBeNull();
  });

  it('R-APT-5: an issue consumes the appointment’s hold first', () => {
    expect(issueDeltas(3, 2)).toEqual({ onHandDelta: -3, reservedDelta: -2, fromHold: 2 });
    expect(issueDeltas(1, 0)).toEqual({ onHandDelta: -1, reservedDelta: 0, fromHold: 0 });
  });

  it('reorders at or below the reorder point, never with a reorder quantity of 0', () => {
    expect(needsReorder(2, 2, 4)).toBe(true);
    expect(needsReorder(3, 2, 4)).toBe(false);
    expect(needsReorder(0, 2, 0)).toBe(false);
  });
});
