import { type App, type InjectionKey, inject, type Ref, ref } from 'vue';
import { messages } from './messages';
import type { Locale } from './types';

/*
 * A tiny translation map instead of vue-i18n (the house choice) on this page only: vue-i18n 11 brings
 * its message compiler along unless the build defines __INTLIFY_DROP_MESSAGE_COMPILER__, which puts
 * the page over its 45 KB gzip budget on its own (measured numbers in the report of this change).
 * The API mirrors the part of vue-i18n the page needs, so going back is a change to this file only.
 */

export interface TrackI18n {
  global: { locale: Ref<Locale> };
  install(app: App): void;
}

const KEY: InjectionKey<TrackI18n> = Symbol('track-i18n');

export function createTrackI18n(locale: Locale): TrackI18n {
  const i18n: TrackI18n = {
    global: { locale: ref(locale) },
    install(app) {
      app.provide(KEY, i18n);
    },
  };
  return i18n;
}

export function setI18nLocale(i18n: TrackI18n, locale: Locale) {
  i18n.global.locale.value = locale;
}

function lookup(locale: Locale, key: string): string | undefined {
  let node: unknown = messages[locale];
  for (const part of key.split('.')) node = node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined;
  return typeof node === 'string' ? node : undefined;
}

/** `translate('en', 'lastUpdated', { time: '14:05' })` → `Last updated 14:05`; falls back to Chinese, then to the key. */
export function translate(locale: Locale, key: string, params?: Record<string, string | number>): string {
  const message = lookup(locale, key) ?? lookup('zh', key) ?? key;
  return params ? message.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole)) : message;
}

function useI18nContext(): TrackI18n {
  const i18n = inject(KEY, null);
  if (!i18n) throw new Error('Install createTrackI18n() on the app first');
  return i18n;
}

/** `t('status.READY')`, `t('lastUpdated', { time })` in components; re-renders when the language changes. */
export function useT(): (key: string, params?: Record<string, string | number>) => string {
  const { locale } = useI18nContext().global;
  return (key, params) => translate(locale.value, key, params);
}

/** The page's current language, for formatting times. */
export function useLocale(): () => Locale {
  const { locale } = useI18nContext().global;
  return () => locale.value;
}
