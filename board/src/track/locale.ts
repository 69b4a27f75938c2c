import type { Locale } from './types';

const KEY = 'workbay.track.locale';

/** The customer's choice from an earlier visit; Simplified Chinese otherwise. */
export function loadLocale(storage: Pick<Storage, 'getItem'> | null = safeStorage()): Locale {
  try {
    return storage?.getItem(KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

export function saveLocale(locale: Locale, storage: Pick<Storage, 'setItem'> | null = safeStorage()) {
  try {
    storage?.setItem(KEY, locale);
  } catch {
    // private mode or storage disabled: the choice lasts for this visit only
  }
}

function safeStorage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

export const LOCALE_STORAGE_KEY = KEY;
