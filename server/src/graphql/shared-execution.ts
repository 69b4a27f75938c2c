import {
  createSourceEventStream,
  type DocumentNode,
  execute,
  type ExecutionArgs,
  type ExecutionResult,
  getOperationAST,
  print,
} from 'graphql';
import type { Context } from './context.js';

/**
 * Subscriptions whose result depends only on the operation, its variables, the store, the roles and
 * the language of the subscriber, never on who the subscriber is: these may share one execution.
 */
const SHAREABLE = new Set(['boardEvents']);
const MARK = '__workbaySharedPayload';
const PLACEHOLDER = `"payload":{"${MARK}":"`;

/**
 * Multiplexed subscriptions (as Hasura does): subscribers with the same operation, variables and
 * permissions that receive the same source event get one execution of the selection set and one
 * masked result, instead of one per subscriber. The source stream of each subscriber stays its own
 * (cursors and replay differ); the board hub hands all of them the same event object, which is the
 * cache key together with the subscriber's operation and permissions.
 */
export class SharedExecution {
  private readonly results = new WeakMap<object, Map<string, Promise<ExecutionResult>>>();
  private readonly printed = new WeakMap<DocumentNode, string>();
  /** Executions run, results reused, and results serialised once for every socket (for tests and the bench). */
  readonly stats = { executed: 0, shared: 0, serialized: 0 };
  /** Results that came from the shared cache: sent as one serialised message (see `envelope`). */
  private readonly shareable = new WeakSet<object>();
  private readonly tokens = new WeakMap<object, string>();
  private readonly wire = new Map<string, string>();
  private nextToken = 0;

  /** graphql-ws's `subscribe`: one source stream per subscriber, results shared between equals. */
  subscribe = async (args: ExecutionArgs): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> => {
    const source = await createSourceEventStream(args);
    if (!isAsyncIterable(source)) return source;
    const key = this.keyOf(args);
    const iterator = source[Symbol.asyncIterator]();
    const next = async (): Promise<IteratorResult<ExecutionResult>> => {
      const step = await iterator.next();
      return step.done ? { done: true, value: undefined } : { done: false, value: await this.resultFor(step.value, key, args) };
    };
    const results: AsyncIterableIterator<ExecutionResult> = {
      next,
      return: async () => {
        await iterator.return?.();
        return { done: true, value: undefined };
      },
      throw: async (e?: unknown) => {
        await iterator.return?.();
        throw e;
      },
      [Symbol.asyncIterator]: () => results,
    };
    return results;
  };

  private resultFor(payload: unknown, key: string | null, args: ExecutionArgs): Promise<ExecutionResult> {
    if (key === null || typeof payload !== 'object' || payload === null) return this.run(payload, args);
    let byKey = this.results.get(payload);
    if (!byKey) this.results.set(payload, (byKey = new Map()));
    const cached = byKey.get(key);
    if (cached) {
      this.stats.shared++;
      return cached;
    }
    const result = this.run(payload, args).then((r) => {
      this.shareable.add(r);
      return r;
    });
    byKey.set(key, result);
    return result;
  }

  /**
   * What graphql-ws is given to send for `result`: for a shared result, a small placeholder that
   * `expand` (on the socket's send) replaces with the payload serialised once for all sockets —
   * graphql-ws would otherwise JSON.stringify the same payload for every subscriber. Node 20 has no
   * JSON.rawJSON, which would do this without the placeholder.
   */
  envelope(result: ExecutionResult): ExecutionResult | { [MARK]: string } {
    if (!this.shareable.has(result)) return result;
    let token = this.tokens.get(result);
    if (token === undefined) {
      token = `${process.pid}.${++this.nextToken}`;
      this.tokens.set(result, token);
      this.wire.set(token, JSON.stringify(result));
      this.stats.serialized++;
      // Every subscriber of the event is sent within moments; the entry is dropped after a minute.
      const key = token;
      setTimeout(() => this.wire.delete(key), 60_000).unref();
    }
    return { [MARK]: token };
  }

  /** The message as it goes on the socket: a placeholder from `envelope` becomes the serialised payload. */
  expand(message: string): string {
    const at = message.indexOf(PLACEHOLDER);
    if (at < 0 || !message.startsWith('{"id":')) return message;
    const start = at + PLACEHOLDER.length;
    const end = message.indexOf('"}', start);
    const json = end > start ? this.wire.get(message.slice(start, end)) : undefined;
    if (json === undefined) return message;
    return `${message.slice(0, at)}"payload":${json}${message.slice(end + 2)}`;
  }

  private async run(payload: unknown, args: ExecutionArgs): Promise<ExecutionResult> {
    this.stats.executed++;
    return execute({ ...args, rootValue: payload });
  }

  /** Operation, variables and permissions; null when the subscription is not shareable. */
  private keyOf(args: ExecutionArgs): string | null {
    const op = getOperationAST(args.document, args.operationName);
    const fields = op?.selectionSet.selections ?? [];
    if (fields.length !== 1 || fields[0].kind !== 'Field' || !SHAREABLE.has(fields[0].name.value)) return null;
    const ctx = args.contextValue as Context;
    const viewer = ctx.viewer;
    if (!viewer) return null;
    const who = viewer.kind === 'staff' ? `staff:${viewer.storeId}:${[...viewer.roles].sort().join(',')}` : `${viewer.kind}:${viewer.storeId}`;
    let text = this.printed.get(args.document);
    if (text === undefined) this.printed.set(args.document, (text = print(args.document)));
    return JSON.stringify([text, args.operationName ?? null, args.variableValues ?? null, who, ctx.locale]);
  }
}

function isAsyncIterable(x: unknown): x is AsyncIterable<unknown> {
  return typeof x === 'object' && x !== null && Symbol.asyncIterator in x;
}
