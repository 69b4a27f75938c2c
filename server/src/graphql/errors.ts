import { describeForLog } from '../observability/describe-error.js';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { currentLog } from '../observability/logger.js';

/** Codes a client may see as they are; anything else unexpected becomes INTERNAL_SERVER_ERROR. */
const PUBLIC_CODES = new Set([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'RATE_LIMITED',
  'TOO_MANY_OPERATIONS',
]);

/**
 * The one place thrown errors become GraphQL error codes. Expected refusals are not errors at all
 * (they are `userErrors` data); errors raised by GraphQL itself (bad literals, coercion) are the
 * client's input; everything else is a bug: logged here, and masked for the client.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const code = formatted.extensions?.code as string | undefined;
  if (code && PUBLIC_CODES.has(code)) return stripStack(formatted, code);
  // Apollo's own request checks (e.g. a persisted-query hash that does not match its query) carry a 4xx
  // status but no code (Apollo then says INTERNAL_SERVER_ERROR): the client's error, answered as such
  // and not logged (issue 9 §6).
  const status = (error as { extensions?: { http?: { status?: number } } } | null)?.extensions?.http?.status;
  if ((!code || code === 'INTERNAL_SERVER_ERROR') && status && status >= 400 && status < 500) return stripStack(formatted, 'BAD_REQUEST');
  const original = error instanceof GraphQLError ? error.originalError : error;
  if (!code && (original === undefined || original instanceof GraphQLError)) return stripStack(formatted, 'BAD_USER_INPUT');
  currentLog().error({ error: describeForLog(original ?? error) }, 'unexpected error');
  return { message: 'Internal server error', locations: formatted.locations, path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}

function stripStack(formatted: GraphQLFormattedError, code: string): GraphQLFormattedError {
  const { stacktrace: _ignored, ...extensions } = formatted.extensions ?? {};
  return { ...formatted, extensions: { ...extensions, code } };
}

export { describeForLog } from '../observability/describe-error.js';
