// Chinese mainland licence plates (GA 36). Ordinary plates have 7 characters,
// new-energy (NEV) plates have 8.

export const PROVINCE_ABBREVIATIONS = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼';

const PROVINCE = `[${PROVINCE_ABBREVIATIONS}]`;
const ISSUER = '[A-HJ-NP-Z]';
const SERIAL_CHAR = '[A-HJ-NP-Z0-9]';

const ORDINARY_TAIL = `${SERIAL_CHAR}{4}(?:${SERIAL_CHAR}|[挂学警港澳])`;
const SMALL_NEV_TAIL = `[DF]${SERIAL_CHAR}[0-9]{4}`;
const LARGE_NEV_TAIL = `[0-9]{5}[DF]`;

const ORDINARY_PATTERN = new RegExp(`^${PROVINCE}${ISSUER}${ORDINARY_TAIL}$`);
const NEV_PATTERN = new RegExp(`^${PROVINCE}${ISSUER}(?:${SMALL_NEV_TAIL}|${LARGE_NEV_TAIL})$`);

/** Trims, removes spaces and middle dots ('·', '•', '・') and uppercases latin letters. */
export function normalizePlate(raw: string): string {
  return raw.trim().replace(/[\s·•・]/g, '').toUpperCase();
}

export function isNewEnergyPlate(plate: string): boolean {
  return NEV_PATTERN.test(plate);
}

export function isValidPlate(plate: string): boolean {
  return ORDINARY_PATTERN.test(plate) || NEV_PATTERN.test(plate);
}

/** Keeps the first 2 and last 2 characters and replaces the rest with '*': 京A12345 → 京A***45. */
export function maskPlate(plate: string): string {
  const chars = Array.from(plate);
  if (chars.length <= 4) return plate;
  return chars.slice(0, 2).join('') + '*'.repeat(chars.length - 4) + chars.slice(-2).join('');
}
