/**
 * What a service answers: the value, or the refusals. A refusal is a stable code, the input field it
 * concerns and the parameters of its message; the message itself is written once, in the language
 * of the caller, where the GraphQL payload is built (graphql/user-error.ts).
 */
export interface Refusal {
  code: string;
  field: string[] | null;
  params?: Record<string, string | number>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; errors: Refusal[] };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const refuse = <T = never>(...errors: Refusal[]): Result<T> => ({ ok: false, errors });
export const refusal = (code: string, field: string[] | null, params?: Record<string, string | number>): Refusal => ({ code, field, params });

/** A refusal for an object that does not exist (or is not visible to the actor); `what` is a noun key (see i18n/messages.ts). */
export const notFound = (what: string, field: string[] | null = ['input', 'id']): Refusal => refusal('NOT_FOUND', field, { what });
