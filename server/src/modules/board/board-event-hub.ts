import type { MikroORM } from '@mikro-orm/postgresql';
import { logHead } from '../../events/event-log.js';
import type { LiveConsumer } from '../../events/live-events.js';
import { describeForLog } from '../../observability/describe-error.js';
import { rootLogger } from '../../observability/logger.js';
import { closable } from '../../realtime/closable.js';
import { decodeBoardCursor, encodeBoardCursor } from './board-cursor.js';
import type { BoardService, SequencedBoardEvent } from './board.service.js';
import { type BoardEvent, BoardEventKind } from './board.types.js';

const RING_SIZE = 1000;
const FETCH_LIMIT = 500;
/** A client further behind than this reloads the snapshot (RESET) instead of replaying. */
export const MAX_REPLAY = 2000;

interface StoreFeed {
  ring: SequencedBoardEvent[];
  lastSeq: number | null;
  notifiedSeq: number;
  fetching: Promise<void> | null;
  waiters: Set<() => void>;
  subscribers: number;
}

/**
 * Fans work-order events out to this process's subscribers. A NOTIFY (from any process) wakes the
 * store's feed, which reads the new event rows once, builds their cards once, keeps them in a ring
 * and wakes the subscribers; a subscriber further back reads its replay from the table.
 */
export class BoardEventHub implements LiveConsumer {
  readonly name = 'board';
  private readonly feeds = new Map<number, StoreFeed>();

  constructor(
    private readonly orm: MikroORM,
    private readonly board: BoardService,
  ) {}

  /** The log of `storeId` has grown to `seq` (a NOTIFY from any process). */
  onAppended(storeId: number, seq: number): void {
    const feed = this.feeds.get(storeId);
    if (!feed) return; // nobody here watches that store
    feed.notifiedSeq = Math.max(feed.notifiedSeq, seq);
    this.pump(storeId, feed);
  }

  /** After the LISTEN connection was re-established: catch up on whatever was missed meanwhile. */
  async onReconnect(): Promise<void> {
    for (const [storeId, feed] of this.feeds) {
      feed.notifiedSeq = Math.max(feed.notifiedSeq, await logHead(this.orm.em.fork(), storeId));
      this.pump(storeId, feed);
    }
  }

  /**
   * Every board event after `after` (a cursor, or now when absent), then live ones, in cursor order.
   * An unknown, foreign or too old cursor yields one RESET first.
   */
  stream(storeId: number, after: string | null | undefined): AsyncIterableIterator<BoardEvent> {
    const abort = new AbortController();
    return closable(this.run(storeId, after, abort.signal), () => abort.abort());
  }

  private async *run(storeId: number, after: string | null | undefined, signal: AbortSignal): AsyncGenerator<BoardEvent> {
    const feed = this.feed(storeId);
    try {
      const current = await logHead(this.orm.em.fork(), storeId);
      let cursor = current;
      if (after != null) {
        const decoded = decodeBoardCursor(after);
        const usable = decoded && decoded.storeId === storeId && decoded.seq <= current && current - decoded.seq <= MAX_REPLAY;
        if (usable) cursor = decoded.seq;
        else yield { cursor: encodeBoardCursor(storeId, current), kind: BoardEventKind.RESET, workOrderId: null, card: null, status: null, deliveries: null };
      }
      while (!signal.aborted) {
        const batch = await this.after(storeId, feed, cursor);
        for (const item of batch) {
          if (signal.aborted) return;
          if (item.event) yield item.event;
          cursor = item.seq;
        }
        if (!batch.length) await this.waitBeyond(feed, cursor, signal);
      }
    } finally {
      this.release(storeId, feed);
    }
  }

  private async after(storeId: number, feed: StoreFeed, cursor: number): Promise<SequencedBoardEvent[]> {
    const first = feed.ring[0]?.seq;
    if (first !== undefined && first <= cursor + 1) return feed.ring.filter((e) => e.seq > cursor);
    if (feed.lastSeq !== null && feed.lastSeq <= cursor) return [];
    return this.board.eventsAfter(this.orm.em.fork(), storeId, cursor, FETCH_LIMIT);
  }

  private waitBeyond(feed: StoreFeed, cursor: number, signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        if ((feed.lastSeq ?? -1) > cursor || signal.aborted) {
          feed.waiters.delete(wake);
          signal.removeEventListener('abort', wake);
          resolve();
        }
      };
      feed.waiters.add(wake);
      signal.addEventListener('abort', wake);
      wake();
    });
  }

  /** Single flight per store: read every event after the ring's end, then wake subscribers. */
  private pump(storeId: number, feed: StoreFeed): void {
    if (feed.fetching || (feed.lastSeq ?? 0) >= feed.notifiedSeq) return;
    feed.fetching = (async () => {
      try {
        while ((feed.lastSeq ?? 0) < feed.notifiedSeq) {
          const from = feed.lastSeq ?? feed.notifiedSeq - 1;
          const events = await this.board.eventsAfter(this.orm.em.fork(), storeId, from, FETCH_LIMIT);
          if (!events.length) break;
          if (feed.lastSeq === null || events[0].seq !== feed.lastSeq + 1) feed.ring = [];
          feed.ring.push(...events);
          if (feed.ring.length > RING_SIZE) feed.ring.splice(0, feed.ring.length - RING_SIZE);
          feed.lastSeq = events.at(-1)!.seq;
          for (const wake of [...feed.waiters]) wake();
        }
      } catch (e) {
        rootLogger.error({ error: describeForLog(e) }, 'board feed: could not read events');
      } finally {
        feed.fetching = null;
      }
    })();
  }

  private feed(storeId: number): StoreFeed {
    let feed = this.feeds.get(storeId);
    if (!feed) {
      feed = { ring: [], lastSeq: null, notifiedSeq: 0, fetching: null, waiters: new Set(), subscribers: 0 };
      this.feeds.set(storeId, feed);
    }
    feed.subscribers++;
    return feed;
  }

  private release(storeId: number, feed: StoreFeed): void {
    if (--feed.subscribers === 0 && !feed.fetching) this.feeds.delete(storeId);
  }
}
