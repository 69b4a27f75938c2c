import { Field, ObjectType } from 'type-graphql';
import { format, type Locale, type Messages } from '../i18n/locale.js';

/** An expected refusal, returned as data in a payload's `userErrors` (nothing was written). */
@ObjectType({ description: 'A business rule or input check refused the request; nothing was written.' })
export class UserError {
  @Field(() => String, { description: 'Stable SCREAMING_SNAKE code clients switch on.' })
  code!: string;

  @Field(() => [String], { nullable: true, description: 'Path of the input field concerned, e.g. ["input", "vin"].' })
  field?: string[] | null;

  @Field(() => String, { description: 'Human message in the requested language.' })
  message!: string;
}

const catalogue: Messages = {};

/** Each module registers the messages of its codes once, at import time. */
export function registerMessages(messages: Messages) {
  Object.assign(catalogue, messages);
}

export function userError(locale: Locale, code: string, field: string[] | null, params?: Record<string, string | number>): UserError {
  const entry = catalogue[code];
  const message = entry ? format(entry[locale], params) : code;
  return Object.assign(new UserError(), { code, field, message });
}

export function hasMessage(code: string): boolean {
  return code in catalogue;
}

/** The outcome of a service call: the value, or the refusals. */
export type Result<T> = { ok: true; value: T } | { ok: false; errors: UserError[] };
export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const refuse = <T = never>(...errors: UserError[]): Result<T> => ({ ok: false, errors });

registerMessages({
  NOT_FOUND: { zh: '{what}不存在', en: '{what} not found' },
  REQUIRED: { zh: '必填', en: 'is required' },
  TOO_LONG: { zh: '不能超过 {max} 个字符', en: 'must be at most {max} characters' },
  INVALID_CHARACTERS: { zh: '包含不允许的控制字符、换行或不可见字符', en: 'contains control characters, line breaks or invisible characters that are not allowed' },
  OUT_OF_RANGE: { zh: '必须在 {min} 到 {max} 之间', en: 'must be between {min} and {max}' },
  INVALID_ID: { zh: 'ID 无效', en: 'is not a valid id' },
  STALE_VERSION: { zh: '数据已被他人修改（当前版本 {current}），请刷新后重试', en: 'was changed by someone else (now version {current}); reload and retry' },
});
