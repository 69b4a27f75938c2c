import { DateTimeResolver } from 'graphql-scalars';
import type { GraphQLSchema } from 'graphql';
import { buildSchema, type ClassType, type NonEmptyArray } from 'type-graphql';
import { MODULES } from '../modules/index.js';
import { authChecker } from './auth-checker.js';
import { describeSchema } from './descriptions.js';
import { NodeResolver } from './node.resolver.js';

let cached: Promise<GraphQLSchema> | null = null;

/** The code-first schema; `pnpm schema` prints it to the top-level schema.graphql (the contract). */
export function buildWorkbaySchema(): Promise<GraphQLSchema> {
  cached ??= buildSchema({
    resolvers: [...MODULES.flatMap((m) => [...(m.resolvers ?? [])]), NodeResolver] as unknown as NonEmptyArray<ClassType>,
    authChecker,
    authMode: 'error',
    scalarsMap: [{ type: Date, scalar: DateTimeResolver }],
    validate: false,
    // Every subscription brings its own `subscribe` (fed by the event table); type-graphql still insists on a PubSub.
    pubSub: {
      publish: () => {
        throw new Error('topics are not used: subscriptions read the event table');
      },
      subscribe: () => {
        throw new Error('topics are not used: subscriptions read the event table');
      },
    },
    emitSchemaFile: false,
  }).then((schema) => (describeSchema(schema), schema));
  return cached;
}
