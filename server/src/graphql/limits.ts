import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { NoNulBytesRule } from './nul-bytes.js';
import { type GraphQLError, NoSchemaIntrospectionCustomRule, type ValidationContext, type ValidationRule } from 'graphql';

/** Abuse limits applied to every operation, over HTTP and WebSocket alike. */
export const MAX_TOKENS = 3000;
export const MAX_BODY = '200kb';
export const MAX_BODY_BYTES = 200 * 1024;

// The rules throw by default (their envelop plugins catch that); as plain validation rules they must report.
const report = { propagateOnRejection: false, onReject: [(ctx: ValidationContext | null, err: GraphQLError) => ctx?.reportError(err)] };

export function limitRules(introspection: boolean): ValidationRule[] {
  const rules = [
    NoNulBytesRule,
    maxDepthRule({ n: 7, ...report }),
    maxAliasesRule({ n: 15, ...report }),
    maxDirectivesRule({ n: 20, ...report }),
    costLimitRule({ maxCost: 6000, ...report }),
  ] as unknown as ValidationRule[];
  return introspection ? rules : [...rules, NoSchemaIntrospectionCustomRule];
}
