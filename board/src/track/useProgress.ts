import { setDisplayTimeZone } from './format';
import { getCurrentScope, onScopeDispose, type Ref, readonly, ref, shallowRef, watch } from 'vue';
import { type ConnectionState, createRealtime, graphqlUrl, type LiveSubscription, type RealtimeOptions, request } from '../shared/realtime-client';
import type { Connection, Locale, Progress } from './types';
import { type TrackWorkOrderQuery, TrackWorkOrderDocument, WorkOrderProgressDocument } from './graphql.generated';

/** The operations of track.graphql (typed by graphql-codegen), as the strings sent over the wire. */
export const TRACK_QUERY = TrackWorkOrderDocument.toString();
export const PROGRESS_SUBSCRIPTION = WorkOrderProgressDocument.toString();

/** After the server refused the socket but the link still answers over HTTP, wait this long before trying again. */
const REFUSED_RETRY_MS = 15_000;

/** The part of the shared realtime client this page uses (a test passes a fake). */
export interface RealtimeLike {
  start(): void;
  stop(): void;
  subscribe<T>(sub: LiveSubscription<T>): () => void;
}

export interface ProgressDeps {
  request?: <T>(query: string, variables: Record<string, unknown>, headers?: Record<string, string>) => Promise<{ data?: T | null; errors?: unknown[] }>;
  createRealtime?: (opts: RealtimeOptions) => RealtimeLike;
  /** WebSocket URL; same origin `/graphql` by default. */
  wsUrl?: () => string;
}

/**
 * The progress behind one tracking link: a fast first paint over HTTP (`trackWorkOrder`), then live
 * over the WebSocket (`workOrderProgress`). A `null` from either — unknown or expired link — makes the
 * page unavailable for good. Switching `locale` re-queries and re-subscribes so the server's step labels
 * follow. Everything returned is read-only; components only render it.
 */
export function useProgress(token: string, locale: Readonly<Ref<Locale>>, deps: ProgressDeps = {}) {
  const doRequest = deps.request ?? request;
  const makeRealtime = deps.createRealtime ?? createRealtime;
  const wsUrl = deps.wsUrl ?? (() => graphqlUrl().ws);

  const progress = shallowRef<Progress | null>(null);
  const loading = ref(true);
  const unavailable = ref(false);
  const connection = ref<Connection>('connecting');
  /** When the shown progress was last known to be current (time of the last answer, or when the live link dropped). */
  const syncedAt = shallowRef<Date | null>(null);

  let live: RealtimeLike | null = null;
  let generation = 0;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let ended = false;

  function apply(next: Progress) {
    const current = progress.value;
    // An answer older than what is shown (a slow HTTP reply racing a live update) is dropped.
    if (current && Date.parse(next.updatedAt) < Date.parse(current.updatedAt)) return;
    setDisplayTimeZone(next.timeZone);
    progress.value = next;
    loading.value = false;
    syncedAt.value = new Date();
  }

  function stopLive() {
    live?.stop();
    live = null;
    if (retryTimer) clearTimeout(retryTimer);
    retryTimer = null;
  }

  /** Unknown or expired: forget everything that was shown and stop listening. */
  function gone() {
    ended = true;
    generation++;
    stopLive();
    progress.value = null;
    unavailable.value = true;
    loading.value = false;
  }

  async function fetchOnce(): Promise<Progress | null | undefined> {
    try {
      const res = await doRequest<TrackWorkOrderQuery>(TRACK_QUERY, { token }, { 'accept-language': locale.value });
      if (res.data && 'trackWorkOrder' in res.data) return res.data.trackWorkOrder;
    } catch {
      // network or a non-JSON answer: the live connection retries on its own
    }
    return undefined; // unknown (errors or no answer) — not the same as null
  }

  async function load(liveDelay = 0) {
    if (ended) return;
    const gen = ++generation;
    stopLive();
    if (!token) return gone();
    const first = await fetchOnce();
    if (gen !== generation) return;
    if (first === null) return gone();
    if (first) apply(first);
    if (liveDelay) retryTimer = setTimeout(() => gen === generation && startLive(), liveDelay);
    else startLive();
  }

  function startLive() {
    const rt: RealtimeLike = makeRealtime({
      url: wsUrl(),
      connectionParams: () => ({ trackingToken: token, locale: locale.value }),
      onState: (state: ConnectionState, since: Date) => {
        if (rt !== live) return;
        if (state === 'unauthorized') {
          // The server refuses the socket when the link is unknown or expired; HTTP tells which.
          connection.value = 'offline';
          void load(REFUSED_RETRY_MS);
          return;
        }
        if (state === 'offline' && connection.value === 'online') syncedAt.value = since;
        // Each reconnect attempt passes through `connecting`; once the link has dropped, the page stays
        // "offline" (with the last update time) until it is back, instead of flickering.
        if (state === 'connecting' && connection.value === 'offline') return;
        connection.value = state;
      },
    });
    live = rt;
    rt.subscribe<Progress | null>({
      query: PROGRESS_SUBSCRIPTION,
      variables: () => ({ token }),
      // A server-side failure must not freeze the page; the stream's own end (link expired) is final.
      restart: 'on-error',
      next: (data) => {
        if (rt !== live) return;
        if (data) apply(data);
        else gone();
      },
      error: () => {
        // Only this link's own subscription is ever sent; a refusal shows up as a closed socket instead.
      },
    });
    rt.start();
  }

  watch(locale, () => void load());
  void load();

  if (getCurrentScope()) {
    onScopeDispose(() => {
      ended = true;
      generation++;
      stopLive();
    });
  }

  return {
    progress: readonly(progress),
    loading: readonly(loading),
    unavailable: readonly(unavailable),
    connection: readonly(connection),
    syncedAt: readonly(syncedAt),
    /** A progress the page got another way (the answer of an approval); older than what is shown, it is dropped. */
    accept: (next: Progress) => apply(next),
  };
}

export type ProgressState = ReturnType<typeof useProgress>;
