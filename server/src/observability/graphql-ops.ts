import { performance } from 'node:perf_hooks';
import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestHandler } from 'express';
import { type GraphQLError, getOperationAST } from 'graphql';
import type { Context } from '../graphql/context.js';
import { type Actor, type Logger, actorOf, currentLog, loggablePath, requestId, withLog } from './logger.js';
import { activeSubscriptions, graphqlDuration, graphqlErrors, graphqlRequests, operationLabel } from './metrics.js';

type Transport = 'http' | 'ws';

/** What one finished GraphQL operation leaves behind: one log line and its metrics. */
export function recordOperation(
  log: Logger,
  op: { name: string | null | undefined; type: string | undefined; transport: Transport; actor: Actor; startedAt: number; errorCodes: string[] },
) {
  const durationMs = Math.round((performance.now() - op.startedAt) * 10) / 10;
  const labels = { operation: operationLabel(op.name), type: op.type ?? 'unknown', transport: op.transport };
  graphqlRequests.inc(labels);
  graphqlDuration.observe(labels, durationMs / 1000);
  for (const code of new Set(op.errorCodes)) graphqlErrors.inc({ ...labels, code });
  const line = { operation: op.name ?? null, type: op.type ?? null, transport: op.transport, actor: op.actor, durationMs, ...(op.errorCodes.length ? { errors: op.errorCodes } : {}) };
  if (op.errorCodes.includes('INTERNAL_SERVER_ERROR')) log.error(line, 'graphql operation failed');
  else log.info(line, 'graphql operation');
}

/** The code of an error as the client will see it (see graphql/errors.ts): never its message, which may echo input. */
export function errorCode(error: GraphQLError): string {
  const code = error.extensions?.code;
  if (typeof code === 'string') return code;
  const original = error.originalError;
  return original === undefined || original?.name === 'GraphQLError' ? 'BAD_USER_INPUT' : 'INTERNAL_SERVER_ERROR';
}

/** Logs and counts each HTTP GraphQL operation: name, type, actor, duration and error codes. */
export function operationPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart({ contextValue }) {
      const startedAt = performance.now();
      const log = currentLog(); // the request's, set by httpRequestLogging (Apollo copies the context object, so it cannot carry it)
      const errorCodes: string[] = [];
      let type: string | undefined;
      return {
        async didResolveOperation({ operation }) {
          type = operation?.operation;
        },
        async didEncounterErrors({ errors }) {
          errorCodes.push(...errors.map(errorCode));
        },
        async willSendResponse({ request, operationName, document }) {
          // A document that parsed but failed validation still names its operation.
          const ast = !operationName && document ? getOperationAST(document, request.operationName) : null;
          recordOperation(log, { name: operationName ?? request.operationName ?? ast?.name?.value, type: type ?? ast?.operation, transport: 'http', actor: actorOf(contextValue.viewer), startedAt, errorCodes });
        },
      };
    },
  };
}

/**
 * Gives every HTTP request an id (`X-Request-Id`, echoed back) and a child logger that the rest of
 * the request finds with `currentLog()`; logs each non-GraphQL request when it finishes (GraphQL
 * requests get their own line with the operation). Paths are logged without query strings and
 * without the customer-link token.
 */
export function httpRequestLogging(root: Logger): RequestHandler {
  return (req, res, next) => {
    const id = requestId(req.headers['x-request-id']);
    const log = root.child({ reqId: id });
    res.locals.log = log;
    res.setHeader('X-Request-Id', id);
    const startedAt = performance.now();
    res.on('finish', () => {
      const path = loggablePath(req.originalUrl);
      const quiet = path.startsWith('/assets/') || path.startsWith('/explorer/static/') || path === '/graphql' || path === '/healthz' || path === '/metrics';
      log[quiet ? 'debug' : 'info']({ method: req.method, path, status: res.statusCode, durationMs: Math.round((performance.now() - startedAt) * 10) / 10 }, 'http request');
    });
    withLog(log, next);
  };
}

export interface SocketOp {
  log: Logger;
  name: string | null | undefined;
  type: string | undefined;
  startedAt: number;
  errorCodes: string[];
  subscribed: boolean;
}

/** Per socket: the operations running on it, so each one gets its line and a closed socket leaves no gauge behind. */
export class SocketOps {
  private readonly ops = new Map<string, SocketOp>();
  constructor(
    readonly log: Logger,
    public actor: Actor,
  ) {}

  start(id: string, name: string | null | undefined): SocketOp {
    const op: SocketOp = { log: this.log.child({ opId: id }), name, type: undefined, startedAt: performance.now(), errorCodes: [], subscribed: false };
    this.ops.set(id, op);
    return op;
  }

  get(id: string): SocketOp | undefined {
    return this.ops.get(id);
  }

  subscribed(id: string) {
    const op = this.ops.get(id);
    if (!op || op.subscribed) return;
    op.subscribed = true;
    activeSubscriptions.inc({ operation: operationLabel(op.name) });
  }

  finish(id: string) {
    const op = this.ops.get(id);
    if (!op) return;
    this.ops.delete(id);
    if (op.subscribed) activeSubscriptions.dec({ operation: operationLabel(op.name) });
    recordOperation(op.log, { name: op.name, type: op.type, transport: 'ws', actor: this.actor, startedAt: op.startedAt, errorCodes: op.errorCodes });
  }

  finishAll() {
    for (const id of [...this.ops.keys()]) this.finish(id);
  }
}
