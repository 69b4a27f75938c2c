// Resident identity card numbers (18 characters, GB 11643).

/** Keeps the first 4 and last 4 characters, stars in between: 1101**********1234. */
export function maskIdNumber(id: string): string {
  if (id.length <= 8) return id;
  return id.slice(0, 4) + '*'.repeat(id.length - 8) + id.slice(-4);
}
