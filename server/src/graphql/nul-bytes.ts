import { GraphQLError, type ValidationRule } from 'graphql';

/**
 * PostgreSQL cannot store U+0000 in text, so a NUL anywhere in the input would fail deep in the
 * database. Refused up front instead: literals by this validation rule, variables by `hasNulByte`.
 */
export const NoNulBytesRule: ValidationRule = (context) => ({
  StringValue(node) {
    if (node.value.includes('\u0000')) context.reportError(new GraphQLError('Strings may not contain U+0000', { nodes: [node] }));
  },
});

export function hasNulByte(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (depth > 20 || value === null || typeof value !== 'object') return false;
  return Object.entries(value).some(([k, v]) => k.includes('\u0000') || hasNulByte(v, depth + 1));
}

export const nulByteError = () => new GraphQLError('Strings may not contain U+0000', { extensions: { code: 'BAD_USER_INPUT' } });
