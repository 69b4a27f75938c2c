import type { GraphQLError, GraphQLFormattedError } from 'graphql';

/**
 * "Did you mean …?" names fields, arguments, enum values and types. Where introspection is off the
 * schema is not public, so the hints go too (issue 9 §6). Apollo's `hideSchemaDetailsFromClientErrors`
 * covers HTTP validation; this covers the rest: variable coercion (enum values) and WebSocket
 * operations, which graphql-ws validates without Apollo.
 */
const SUGGESTION = /\s*Did you mean [^?]*\?/g;

export function withoutSuggestions(formatted: GraphQLFormattedError): GraphQLFormattedError {
  return SUGGESTION.test(formatted.message) ? { ...formatted, message: formatted.message.replace(SUGGESTION, '') } : formatted;
}

export function stripSuggestions<T extends readonly GraphQLError[]>(errors: T): T {
  for (const e of errors) e.message = e.message.replace(SUGGESTION, '');
  return errors;
}
