import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import pino, { type DestinationStream, type Logger } from 'pino';

export type { Logger };

/**
 * Keys that never reach a log line, at the top level or one level down. The code logs none of them
 * on purpose (it logs ids, operation names, codes and durations, never variables, queries, headers
 * or error messages that may echo input); this is the net under that rule.
 */
export const REDACT_PATHS = [
  'password', 'token', 'trackingToken', 'authorization', 'cookie', 'mobile', 'phone', 'vin', 'plate', 'variables', 'query', 'connectionParams',
  'headers', 'customerName',
].flatMap((key) => [key, `*.${key}`]);

/**
 * JSON lines on stdout (pino). `LOG_LEVEL` sets the level (trace … fatal, or silent); the default is
 * `info`, and `silent` under Vitest so test output stays readable.
 */
export function createLogger(opts: { level?: string; destination?: DestinationStream } = {}): Logger {
  const level = opts.level ?? process.env.LOG_LEVEL ?? (process.env.VITEST ? 'silent' : 'info');
  return pino(
    {
      level,
      base: { service: 'workbay', pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    },
    opts.destination,
  );
}

/** The process's logger; code without a request at hand (listeners, the board feed, start-up) logs here. */
export const rootLogger: Logger = createLogger();

interface Scope {
  log: Logger;
}
const scope = new AsyncLocalStorage<Scope>();

/** The logger of the HTTP request or socket operation being handled, else the root logger. */
export function currentLog(): Logger {
  return scope.getStore()?.log ?? rootLogger;
}

export function withLog<T>(log: Logger, fn: () => T): T {
  return scope.run({ log }, fn);
}

/** A request id: the caller's `X-Request-Id` when it is a short plain token, else a fresh UUID. */
export function requestId(incoming?: string | string[]): string {
  const value = Array.isArray(incoming) ? incoming[0] : incoming;
  return value && /^[A-Za-z0-9._:-]{1,64}$/.test(value) ? value : randomUUID();
}

export type Actor =
  | { kind: 'staff'; id: number; storeId: number }
  | { kind: 'display'; id: number; storeId: number }
  | { kind: 'customer-link'; workOrderId: number }
  | { kind: 'anonymous' };

/** The parts of a request's viewer (graphql/context.ts) a log line may name. */
type ViewerIds = { kind: 'staff'; staffId: number; storeId: number } | { kind: 'display'; displayTokenId: number; storeId: number };

/** Who is acting, by id only: never the token, the name or anything else personal. */
export function actorOf(viewer: ViewerIds | null, customerLinkWorkOrderId?: number | null): Actor {
  if (viewer?.kind === 'staff') return { kind: 'staff', id: viewer.staffId, storeId: viewer.storeId };
  if (viewer?.kind === 'display') return { kind: 'display', id: viewer.displayTokenId, storeId: viewer.storeId };
  if (customerLinkWorkOrderId) return { kind: 'customer-link', workOrderId: customerLinkWorkOrderId };
  return { kind: 'anonymous' };
}

/** A URL path fit for a log: no query string (wall tokens ride in it) and no customer-link token. */
export function loggablePath(url: string): string {
  const path = url.split('?')[0];
  return path.replace(/^\/t\/[^/]+/, '/t/:token');
}
