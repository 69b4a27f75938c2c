import { onScopeDispose } from 'vue';
import { type LiveSubscription, type Realtime, createRealtime, defaultBackoff, graphqlUrl, request } from '../../shared/realtime-client';
import type { BoardEvent } from '../board-model';
import { useBoardStore } from '../stores/board.store';
import { useConnectionStore } from '../stores/connection.store';
import { type WallBoardQuery, WallBoardDocument, WallEventsDocument } from '../graphql.generated';

/** The operations of wall.graphql (typed by graphql-codegen), as the strings sent over the wire. */
export const BOARD_QUERY = WallBoardDocument.toString();
export const BOARD_EVENTS = WallEventsDocument.toString();

export interface FeedDeps {
  retryDelay?: (attempt: number) => number;
  token: () => string;
  onUnauthorized: () => void;
  realtime?: (onState: (s: Parameters<Parameters<typeof createRealtime>[0]['onState']>[0], at: Date) => void) => Realtime;
  load?: (token: string) => ReturnType<typeof request<WallBoardQuery>>;
}

/**
 * Keeps the board store live: snapshot over HTTP, then events from its cursor over the socket;
 * after a reconnect the stream resumes from the last applied cursor; RESET reloads the snapshot.
 */
export function useBoardFeed(deps: FeedDeps) {
  const board = useBoardStore();
  const connection = useConnectionStore();
  const retryDelay = deps.retryDelay ?? defaultBackoff;
  const load = deps.load ?? ((token: string) => request<WallBoardQuery>(BOARD_QUERY, {}, { authorization: `Bearer ${token}` }));
  const realtime = (deps.realtime ?? defaultRealtime(deps.token))((state, at) => {
    connection.update(state, at);
    if (state === 'unauthorized') deps.onUnauthorized();
  });

  async function reload(): Promise<boolean> {
    const res = await load(deps.token());
    if (res.errors?.some((e) => e.extensions?.code === 'UNAUTHENTICATED')) {
      deps.onUnauthorized();
      return false;
    }
    if (!res.data) throw new Error(res.errors?.[0]?.message ?? 'board query failed');
    board.loadSnapshot(res.data.board);
    return true;
  }

  const events: LiveSubscription<BoardEvent> = {
    query: BOARD_EVENTS,
    variables: () => ({ after: board.cursor }),
    restart: 'on-end',
    next: (event) => {
      if (board.applyEvent(event) === 'reset') void reloadUntilDone().then((ok) => ok && realtime.restart(events));
    },
    error: (errors) => {
      if (errors.some((e) => e.extensions?.code === 'UNAUTHENTICATED' || e.extensions?.code === 'FORBIDDEN')) deps.onUnauthorized();
    },
  };

  /** Retries the snapshot with backoff (the wall may boot before the server, or a RESET may meet a blip). */
  let disposed = false;
  let reloading: Promise<boolean> | null = null;
  /** One reload at a time (several RESETs share it); gives up when the feed is disposed. */
  function reloadUntilDone(): Promise<boolean> {
    reloading ??= (async () => {
      for (let attempt = 0; !disposed; attempt++) {
        try {
          return await reload();
        } catch {
          connection.update('offline', new Date());
          await new Promise((r) => setTimeout(r, retryDelay(attempt)));
        }
      }
      return false;
    })().finally(() => (reloading = null));
    return reloading;
  }

  async function start() {
    if (!(await reloadUntilDone())) return;
    realtime.subscribe(events);
    realtime.start();
  }

  onScopeDispose(() => {
    disposed = true;
    realtime.stop();
  });
  return { start, stop: () => realtime.stop() };
}

function defaultRealtime(token: () => string) {
  return (onState: (s: any, at: Date) => void) => createRealtime({ url: graphqlUrl().ws, connectionParams: () => ({ authorization: `Bearer ${token()}` }), onState });
}
