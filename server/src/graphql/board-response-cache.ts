import type { ApolloServerPlugin, GraphQLRequestContext } from '@apollo/server';
import type { FormattedExecutionResult } from 'graphql';
import type { Context } from './context.js';

/** How long one answer may be served: the timers (minutes) and time-based flags are at most this old. */
const TTL_MS = 15_000;
const MAX_ENTRIES = 200;

/**
 * The wall's `board` query answered from a cache of whole responses, for viewers with the same
 * operation, variables, store, roles and language, while the store's floor is unchanged (its log
 * position, settings and bays: every change of a card appends an event) and for 15 s at most. The
 * floor is checked with one statement; the 200-card execution is what it saves. Only operations
 * whose single root field is `board` are cached: its result depends on nothing else about the viewer.
 */
export function boardResponseCache(): ApolloServerPlugin<Context> {
  const entries = new Map<string, { at: number; result: FormattedExecutionResult }>();
  const keys = new WeakMap<object, string>();
  return {
    async requestDidStart() {
      return {
        async responseForOperation(rc: GraphQLRequestContext<Context>) {
          const key = await keyOf(rc);
          if (!key) return null;
          keys.set(rc, key);
          const hit = entries.get(key);
          if (hit && Date.now() - hit.at < TTL_MS) return { http: rc.response.http, body: { kind: 'single', singleResult: hit.result } };
          return null;
        },
        async willSendResponse(rc) {
          const key = keys.get(rc);
          const body = rc.response.body;
          if (!key || body.kind !== 'single' || body.singleResult.errors?.length) return;
          if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!);
          entries.set(key, { at: Date.now(), result: body.singleResult });
        },
      };
    },
  };
}

async function keyOf(rc: GraphQLRequestContext<Context>): Promise<string | null> {
  const op = rc.operation;
  const viewer = rc.contextValue.viewer;
  if (!op || op.operation !== 'query' || !viewer) return null;
  const fields = op.selectionSet.selections;
  if (fields.length !== 1 || fields[0].kind !== 'Field' || fields[0].name.value !== 'board' || fields[0].directives?.length) return null;
  const floor = await rc.contextValue.services.board.floorKey(rc.contextValue.em, viewer.storeId);
  if (!floor) return null;
  const who = viewer.kind === 'staff' ? `staff:${viewer.storeId}:${[...viewer.roles].sort().join(',')}` : `${viewer.kind}:${viewer.storeId}`;
  return JSON.stringify([rc.source, rc.request.operationName ?? null, rc.request.variables ?? null, who, rc.contextValue.locale, floor]);
}
