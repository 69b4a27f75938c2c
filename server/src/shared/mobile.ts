// Chinese mainland mobile numbers (11 digits, starting with 13–19).

const MOBILE_PATTERN = /^1[3-9]\d{9}$/;

/** Strips spaces and dashes, and a leading +86 / 86 country code. */
export function normalizeMobile(raw: string): string {
  let digits = raw.trim().replace(/[\s-]/g, '');
  if (digits.startsWith('+86')) digits = digits.slice(3);
  else if (digits.length === 13 && digits.startsWith('86')) digits = digits.slice(2);
  return digits;
}

export function isValidMobile(mobile: string): boolean {
  return MOBILE_PATTERN.test(mobile);
}

/** 13812341234 → 138****1234. Strings too short to mask are returned as is. */
export function maskMobile(mobile: string): string {
  if (mobile.length < 7) return mobile;
  return mobile.slice(0, 3) + '****' + mobile.slice(-4);
}
