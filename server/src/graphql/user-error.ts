import { Field, ObjectType } from 'type-graphql';
import { translate } from '../i18n/messages.js';
import type { Locale } from '../i18n/locale.js';
import type { Refusal, Result } from '../shared/result.js';

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

/** The one place a service's refusal becomes a message in the caller's language. */
export function toUserError(locale: Locale, r: Refusal): UserError {
  return Object.assign(new UserError(), { code: r.code, field: r.field, message: translate(locale, r.code, r.params) });
}

/**
 * A mutation payload from a service result: `{ [key]: value, userErrors: [] }` on success,
 * `{ [key]: null, userErrors }` on refusal.
 */
export function toPayload<T, K extends string>(locale: Locale, key: K, result: Result<T>): { [P in NoInfer<K>]: T | null } & { userErrors: UserError[] } {
  const value = result.ok ? result.value : null;
  const userErrors = result.ok ? [] : result.errors.map((e) => toUserError(locale, e));
  return { [key]: value, userErrors } as { [P in K]: T | null } & { userErrors: UserError[] };
}
