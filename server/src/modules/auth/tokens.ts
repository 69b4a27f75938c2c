import { createHash, randomBytes } from 'node:crypto';

/** Bearer tokens carry a prefix naming their kind; only their SHA-256 is stored. */
export const TOKEN_PREFIX = { session: 'wbs_', display: 'wbd_' } as const;

export function newToken(prefix: string): string {
  return prefix + randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function bearer(header: unknown): string | null {
  if (typeof header !== 'string') return null;
  const m = /^Bearer\s+(\S{10,200})$/i.exec(header.trim());
  return m ? m[1] : null;
}
