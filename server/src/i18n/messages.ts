import { format, type Locale, type Messages } from './locale.js';

const catalogue: Messages = {};

/**
 * Each module registers the messages of its refusal codes once, at import time (its `.errors.ts`). A code
 * two modules share must say the same thing: a different text would silently replace the first, so it
 * fails at start-up instead.
 */
export function registerMessages(messages: Messages): void {
  for (const [code, text] of Object.entries(messages)) {
    const known = catalogue[code];
    if (known && JSON.stringify(known) !== JSON.stringify(text)) throw new Error(`message ${code} is registered twice with different texts`);
    catalogue[code] = text;
  }
}

/** Nouns that refusals name (`NOT_FOUND` with `{ what: 'WorkOrder' }`), per language. */
const nouns: Messages = {};
export function registerNouns(entries: Messages): void {
  Object.assign(nouns, entries);
}

/** The message of a code in a language; parameters naming a registered noun are translated too. */
export function translate(locale: Locale, code: string, params?: Record<string, string | number>): string {
  const entry = catalogue[code];
  if (!entry) return code;
  const localised = params && Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === 'string' && nouns[v] ? nouns[v][locale] : v]));
  return format(entry[locale], localised);
}

registerMessages({
  NOT_FOUND: { zh: '{what}不存在', en: '{what} not found' },
  REQUIRED: { zh: '必填', en: 'is required' },
  TOO_LONG: { zh: '不能超过 {max} 个字符', en: 'must be at most {max} characters' },
  INVALID_CHARACTERS: { zh: '包含不允许的控制字符、换行或不可见字符', en: 'contains control characters, line breaks or invisible characters that are not allowed' },
  OUT_OF_RANGE: { zh: '必须在 {min} 到 {max} 之间', en: 'must be between {min} and {max}' },
  INVALID_ID: { zh: 'ID 无效', en: 'is not a valid id' },
  STALE_VERSION: { zh: '数据已被他人修改（当前版本 {current}），请刷新后重试', en: 'was changed by someone else (now version {current}); reload and retry' },
});

registerNouns({
  WorkOrder: { zh: '工单', en: 'Work order' },
  Vehicle: { zh: '车辆', en: 'Vehicle' },
  Customer: { zh: '客户', en: 'Customer' },
  Staff: { zh: '员工', en: 'Staff member' },
  Advisor: { zh: '服务顾问', en: 'Advisor' },
  Bay: { zh: '工位', en: 'Bay' },
  Store: { zh: '门店', en: 'Store' },
  DisplayToken: { zh: '看板令牌', en: 'Display token' },
  ParkedEvent: { zh: '搁置事件', en: 'Parked event' },
});
registerNouns({ Owner: { zh: '车主', en: 'Owner' } });
