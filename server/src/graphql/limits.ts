import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { NoSchemaIntrospectionCustomRule, type ValidationRule } from 'graphql';

/** Abuse limits applied to every operation, over HTTP and WebSocket alike. */
export const MAX_TOKENS = 3000;
export const MAX_BODY = '200kb';

export function limitRules(introspection: boolean): ValidationRule[] {
  const rules = [
    maxDepthRule({ n: 10 }),
    maxAliasesRule({ n: 15 }),
    maxDirectivesRule({ n: 20 }),
    costLimitRule({ maxCost: 6000 }),
  ] as unknown as ValidationRule[];
  return introspection ? rules : [...rules, NoSchemaIntrospectionCustomRule];
}
