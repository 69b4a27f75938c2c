export type Locale = 'zh' | 'en';

/** Simplified Chinese unless the client prefers English (Accept-Language or connectionParams.locale). */
export function pickLocale(header: string | undefined | null): Locale {
  if (!header) return 'zh';
  const first = header.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'zh';
}

export type Messages = Record<string, { zh: string; en: string }>;

export function format(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? `{${k}}`));
}
