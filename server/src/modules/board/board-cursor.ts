/** Board cursors are opaque to clients: base64url("b:<storeId>:<seq>"). */
export function encodeBoardCursor(storeId: number, seq: number): string {
  return Buffer.from(`b:${storeId}:${seq}`).toString('base64url');
}

export function decodeBoardCursor(cursor: string): { storeId: number; seq: number } | null {
  if (typeof cursor !== 'string' || cursor.length > 64) return null;
  const m = /^b:([0-9]{1,10}):([0-9]{1,12})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  return m ? { storeId: Number(m[1]), seq: Number(m[2]) } : null;
}
