import { registerMessages } from '../../i18n/messages.js';

/** Stable userError codes of store set-up (Platform §5): bays and the store profile. */
export const StoreSetupError = {
  DUPLICATE_BAY_NAME: 'DUPLICATE_BAY_NAME',
  BAY_IN_USE: 'BAY_IN_USE',
  BAY_INACTIVE: 'BAY_INACTIVE',
  INVALID_PHONE: 'INVALID_PHONE',
  INVALID_TIMEZONE: 'INVALID_TIMEZONE',
} as const;

registerMessages({
  DUPLICATE_BAY_NAME: { zh: '本店已有名为「{name}」的工位', en: 'The store already has a bay named {name}' },
  BAY_IN_USE: { zh: '工位「{bay}」正在维修工单 {number}，完工或移出后才能停用', en: 'Bay {bay} has work order {number} in progress; finish or move it before deactivating the bay' },
  BAY_INACTIVE: { zh: '工位「{bay}」已停用，请重新派工', en: 'Bay {bay} is out of service; assign another bay' },
  INVALID_PHONE: { zh: '电话号码格式不正确', en: 'is not a valid phone number' },
  INVALID_TIMEZONE: { zh: '不是有效的 IANA 时区（如 Asia/Shanghai）', en: 'is not a valid IANA time zone (e.g. Asia/Shanghai)' },
});

/** Digits with the usual separators and an optional leading +, e.g. 010-1234 5678, +86 10 1234 5678, 400-800-8888 转 1. */
const PHONE = /^\+?[0-9][0-9 ()\-]{2,28}(?:(?:转|ext\.?|x) ?[0-9]{1,6})?$/;
export const isValidPhone = (phone: string): boolean => PHONE.test(phone);

export function isValidTimeZone(zone: string): boolean {
  if (!/^[A-Za-z_]+(?:\/[A-Za-z0-9_+\-]+)*$/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
