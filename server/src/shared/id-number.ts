// Resident identity card numbers (18 characters, GB 11643-1999).

/** Keeps the first 4 and last 4 characters, stars in between: 1101**********1234. */
export function maskIdNumber(id: string): string {
  if (id.length <= 8) return id;
  return id.slice(0, 4) + '*'.repeat(id.length - 8) + id.slice(-4);
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/** The check character of the first 17 digits (ISO 7064 MOD 11-2, as GB 11643 prescribes). */
export function idCheckCharacter(first17: string): string {
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * WEIGHTS[i], 0);
  return CHECK[sum % 11];
}

/** Upper-cased, without spaces: the form IDs are stored and compared in. */
export const normalizeIdNumber = (id: string): string => id.replace(/\s+/g, '').toUpperCase();

/**
 * An 18-character resident ID: 6-digit region code, a real birth date (not in the future, not before
 * 1900), a 3-digit sequence and the check character.
 */
export function isValidIdNumber(id: string, today: Date = new Date()): boolean {
  if (!/^[1-9]\d{16}[\dX]$/.test(id)) return false;
  const [y, m, d] = [Number(id.slice(6, 10)), Number(id.slice(10, 12)), Number(id.slice(12, 14))];
  const birth = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || birth.getUTCMonth() !== m - 1 || birth.getUTCDate() !== d || birth.getTime() > today.getTime()) return false;
  return idCheckCharacter(id.slice(0, 17)) === id[17];
}

/** The solar birthday an ID number carries (YYYY-MM-DD). */
export const birthdayOfIdNumber = (id: string): string => `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;

/** Keeps the first 6 characters of an address (province and city, usually), stars for the rest: 北京市朝阳区****. */
export function maskAddress(address: string): string {
  const chars = [...address];
  return chars.length <= 6 ? '*'.repeat(chars.length) : `${chars.slice(0, 6).join('')}****`;
}
