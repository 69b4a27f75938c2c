/** Opaque Relay-style ids: base64url("Type:dbId"). Clients must not parse them. */
/** The type names of objects with global ids; modules add theirs (any PascalCase name is accepted). */
export type NodeTypeName = string;

export function toGlobalId(type: NodeTypeName, id: number): string {
  return Buffer.from(`${type}:${id}`).toString('base64url');
}

export function fromGlobalId(globalId: string): { type: string; id: number } | null {
  if (typeof globalId !== 'string' || globalId.length > 64) return null;
  const decoded = Buffer.from(globalId, 'base64url').toString('utf8');
  const m = /^([A-Za-z]+):([1-9][0-9]{0,9})$/.exec(decoded);
  if (!m) return null;
  const id = Number(m[2]);
  return Number.isSafeInteger(id) && id <= 2_147_483_647 ? { type: m[1], id } : null;
}

/** The database id behind a global id of the expected type, or null. */
export function dbId(globalId: string, type: NodeTypeName): number | null {
  const parsed = fromGlobalId(globalId);
  return parsed && parsed.type === type ? parsed.id : null;
}
