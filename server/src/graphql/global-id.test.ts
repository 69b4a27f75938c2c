import { describe, expect, it } from 'vitest';
import { decodeBoardCursor, encodeBoardCursor } from '../modules/board/board-cursor.js';
import { dbId, fromGlobalId, toGlobalId } from './global-id.js';

describe('opaque ids and cursors', () => {
  it('round-trips and checks the type', () => {
    const id = toGlobalId('WorkOrder', 42);
    expect(fromGlobalId(id)).toEqual({ type: 'WorkOrder', id: 42 });
    expect(dbId(id, 'WorkOrder')).toBe(42);
    expect(dbId(id, 'Customer')).toBeNull();
  });

  it('rejects garbage without throwing', () => {
    for (const bad of ['', 'x', '1', toGlobalId('WorkOrder', 0), Buffer.from('WorkOrder:99999999999').toString('base64url'), 'a'.repeat(100)]) {
      expect(fromGlobalId(bad)).toBeNull();
    }
    expect(decodeBoardCursor('garbage')).toBeNull();
    expect(decodeBoardCursor(encodeBoardCursor(3, 17))).toEqual({ storeId: 3, seq: 17 });
  });
});
