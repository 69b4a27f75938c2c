// VIN check digit per GB 16735 / ISO 3779 (same algorithm as North American VINs).

const TRANSLITERATION: Record<string, number> = {
  A: 1, B: 2, C: 3, D: 4, E: 5, F: 6, G: 7, H: 8,
  J: 1, K: 2, L: 3, M: 4, N: 5, P: 7, R: 9,
  S: 2, T: 3, U: 4, V: 5, W: 6, X: 7, Y: 8, Z: 9,
};

const WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];

const VIN_PATTERN = /^[A-HJ-NPR-Z0-9]{17}$/;

/** Index (0-based) of the check digit, i.e. position 9. */
const CHECK_INDEX = 8;

function charValue(ch: string): number {
  if (ch >= '0' && ch <= '9') return ch.charCodeAt(0) - 48;
  const value = TRANSLITERATION[ch];
  if (value === undefined) throw new Error(`Invalid VIN character: ${ch}`);
  return value;
}

/** Computes the check digit ('0'–'9' or 'X') of a 17-character VIN; throws on bad length or characters. */
export function vinCheckDigit(vin: string): string {
  if (vin.length !== 17) throw new Error(`VIN must be 17 characters, got ${vin.length}`);
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += charValue(vin[i]) * WEIGHTS[i];
  const remainder = sum % 11;
  return remainder === 10 ? 'X' : String(remainder);
}

export function normalizeVin(raw: string): string {
  return raw.trim().toUpperCase();
}

export function isValidVin(vin: string): boolean {
  if (!VIN_PATTERN.test(vin)) return false;
  return vin[CHECK_INDEX] === vinCheckDigit(vin);
}

/** Returns the VIN with position 9 replaced by the correct check digit. */
export function withCheckDigit(vin17: string): string {
  const check = vinCheckDigit(vin17);
  return vin17.slice(0, CHECK_INDEX) + check + vin17.slice(CHECK_INDEX + 1);
}
