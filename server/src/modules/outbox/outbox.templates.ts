/**
 * Message templates in zh and en, by key; `{name}` is a variable and `[ … ]` a part left out when a
 * variable inside it is empty. Modules register theirs (like the *.errors.ts message registries);
 * registering one key twice with other texts throws.
 */
export interface MessageTemplate {
  zh: string;
  en: string;
}

const TEMPLATES = new Map<string, MessageTemplate>();

export function registerTemplates(templates: Record<string, MessageTemplate>): void {
  for (const [key, t] of Object.entries(templates)) {
    const known = TEMPLATES.get(key);
    if (known && (known.zh !== t.zh || known.en !== t.en)) throw new Error(`message template ${key} registered twice with different texts`);
    TEMPLATES.set(key, t);
  }
}

export const hasTemplate = (key: string): boolean => TEMPLATES.has(key);
export type MessageLocale = 'zh' | 'en';
export const toMessageLocale = (locale: string | null | undefined): MessageLocale => (locale?.toLowerCase().startsWith('en') ? 'en' : 'zh');

export function renderTemplate(key: string, locale: string, variables: Record<string, unknown>): string {
  const t = TEMPLATES.get(key);
  if (!t) throw new Error(`unknown message template ${key}`);
  const value = (name: string) => {
    const v = variables[name];
    return v === null || v === undefined ? '' : String(v);
  };
  const text = t[toMessageLocale(locale)];
  return text
    .replace(/\[([^\]]*)\]/g, (_, part: string) => ([...part.matchAll(/\{(\w+)\}/g)].some((m) => value(m[1]) === '') ? '' : part))
    .replace(/\{(\w+)\}/g, (_, name: string) => value(name));
}

registerTemplates({
  // R-WO-7: the delay reported on a work order, with the reason and the remedy.
  WORK_ORDER_DELAY: {
    zh: '【{store}】{customer}您好，您的爱车{plate}（工单{number}）维修有延误：{reason}。预计完成时间调整为{promisedAt}。[我们为您提供：{remedy}。]如有疑问请致电{storePhone}。',
    en: '[{store}] Dear {customer}, the work on your car {plate} (order {number}) is delayed: {reason}. It is now expected to be ready at {promisedAt}.[ We offer you: {remedy}.] Questions: {storePhone}.',
  },
});
