import { type Client, createClient } from 'graphql-ws';

export type ConnectionState = 'connecting' | 'online' | 'offline' | 'unauthorized';

export interface RealtimeOptions {
  url: string;
  connectionParams: () => Record<string, unknown>;
  onState: (state: ConnectionState, since: Date) => void;
  /** Delay before reconnect attempt n (0-based); exponential with jitter, capped. */
  backoff?: (attempt: number) => number;
  /** Ping interval and how long to wait for the pong (tests shorten them). */
  keepAlive?: number;
  pongTimeout?: number;
}

export interface LiveSubscription<T> {
  query: string;
  /** Called at every (re)subscribe, so that a resumed stream starts from the latest cursor. */
  variables: () => Record<string, unknown>;
  next: (data: T) => void;
  /** A GraphQL error on the subscription (e.g. UNAUTHENTICATED). */
  error?: (errors: readonly { message: string; extensions?: Record<string, unknown> }[]) => void;
  /**
   * Subscribe again (with backoff, fresh variables) while the socket stays up: 'on-end' when the
   * server ends or fails the stream (a feed that must never silently stop), 'on-error' only when it
   * fails (a stream that may end on purpose).
   */
  restart?: 'on-end' | 'on-error';
}

/** Without a pong this long after a ping, the connection is treated as dead (a silent network drop). */
export const PONG_TIMEOUT = 5_000;

export const defaultBackoff = (attempt: number) => Math.min(10_000, 1000 * 2 ** attempt) * (0.75 + Math.random() * 0.5);

/** Close codes after which retrying with the same credentials is pointless. */
const UNAUTHORIZED_CLOSE = new Set([4401, 4403]);

/**
 * Owns the one WebSocket: connects, reconnects forever with backoff, and re-subscribes every live
 * subscription with fresh variables after each reconnect. A refused credential stops retrying.
 */
export function createRealtime(opts: RealtimeOptions) {
  const subscriptions = new Set<LiveSubscription<any>>();
  const active = new Map<LiveSubscription<any>, () => void>();
  let client: Client | null = null;
  let attempt = 0;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;
  let state: ConnectionState | null = null;
  let socket: WebSocket | null = null;
  let pongTimer: ReturnType<typeof setTimeout> | undefined;

  const setState = (next: ConnectionState) => {
    if (state === next) return;
    state = next;
    opts.onState(next, new Date());
  };

  const ended = new Map<LiveSubscription<any>, number>();

  function start(sub: LiveSubscription<any>) {
    if (!client) return;
    const current = client;
    const onEnd = (failed: boolean) => {
      active.delete(sub);
      const wanted = sub.restart === 'on-end' || (sub.restart === 'on-error' && failed);
      if (!wanted || stopped || client !== current || !subscriptions.has(sub)) return;
      const n = ended.get(sub) ?? 0;
      ended.set(sub, n + 1);
      setTimeout(() => {
        if (client === current && subscriptions.has(sub) && !active.has(sub)) start(sub);
      }, (opts.backoff ?? defaultBackoff)(n));
    };
    const dispose = client.subscribe(
      { query: sub.query, variables: sub.variables() },
      {
        next: (value) => {
          ended.delete(sub);
          if (value.errors?.length) sub.error?.(value.errors as never);
          else if (value.data) sub.next(Object.values(value.data)[0]);
        },
        error: (e) => {
          if (Array.isArray(e)) sub.error?.(e as never);
          onEnd(true);
        },
        complete: () => onEnd(false),
      },
    );
    active.set(sub, dispose);
  }

  function connect() {
    if (stopped) return;
    setState('connecting');
    const c = createClient({
      url: opts.url,
      connectionParams: opts.connectionParams,
      lazy: false,
      onNonLazyError: () => {}, // closures are handled by the 'closed' listener below
      retryAttempts: 0,
      keepAlive: opts.keepAlive ?? 10_000,
      on: {
        ping: (received) => {
          if (received) return;
          clearTimeout(pongTimer);
          pongTimer = setTimeout(() => abandon(c), opts.pongTimeout ?? PONG_TIMEOUT);
        },
        pong: (received) => {
          if (received) clearTimeout(pongTimer);
        },
        opened: (s) => {
          socket = s as WebSocket;
        },
        connected: () => {
          attempt = 0;
          setState('online');
          for (const sub of subscriptions) start(sub);
        },
        closed: (event) => {
          clearTimeout(pongTimer);
          if (client !== c) return;
          client = null;
          active.clear();
          const code = (event as CloseEvent | undefined)?.code;
          if (code !== undefined && UNAUTHORIZED_CLOSE.has(code)) {
            setState('unauthorized');
            return;
          }
          setState('offline');
          scheduleReconnect();
        },
      },
    });
    client = c;
  }

  /**
   * A dead connection may never deliver its close event (the closing handshake needs the peer), so it
   * is written off at once: close what can be closed, go offline, reconnect.
   */
  function abandon(c: Client) {
    if (client !== c) return;
    client = null;
    active.clear();
    const s = socket as (WebSocket & { terminate?: () => void }) | null;
    if (s?.terminate) s.terminate();
    else s?.close(4408, 'Pong timeout');
    setState('offline');
    scheduleReconnect();
  }

  function scheduleReconnect() {
    if (stopped || retryTimer) return;
    retryTimer = setTimeout(() => {
      retryTimer = null;
      connect();
    }, (opts.backoff ?? defaultBackoff)(attempt++));
  }

  return {
    start: connect,
    subscribe<T>(sub: LiveSubscription<T>): () => void {
      subscriptions.add(sub);
      if (state === 'online') start(sub);
      return () => {
        subscriptions.delete(sub);
        active.get(sub)?.();
        active.delete(sub);
      };
    },
    /** Drops the current subscription of `sub` and subscribes again with fresh variables (after a RESET). */
    restart(sub: LiveSubscription<any>) {
      active.get(sub)?.();
      active.delete(sub);
      if (state === 'online') start(sub);
    },
    stop() {
      stopped = true;
      if (retryTimer) clearTimeout(retryTimer);
      void client?.dispose();
      client = null;
    },
  };
}

export type Realtime = ReturnType<typeof createRealtime>;

export function graphqlUrl(): { http: string; ws: string } {
  const http = `${location.origin}/graphql`;
  return { http, ws: http.replace(/^http/, 'ws') };
}

/** A plain GraphQL request over HTTP. */
export async function request<T>(query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}): Promise<{ data?: T; errors?: { message: string; extensions?: { code?: string } }[] }> {
  const res = await fetch(graphqlUrl().http, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
  return res.json();
}
