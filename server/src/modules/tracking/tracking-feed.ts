import { describeForLog } from '../../observability/describe-error.js';
import { rootLogger } from '../../observability/logger.js';
import type { MikroORM } from '@mikro-orm/postgresql';
import { logHead } from '../../events/event-log.js';
import type { LiveConsumer } from '../../events/live-events.js';
import { WORK_ORDER } from '../work-order/work-order-event.js';

/** One watcher of one work order: woken when the order has new events. */
export class OrderWatch {
  private pending = false;
  private resolve: (() => void) | null = null;
  closed = false;

  constructor(
    readonly ready: Promise<void>,
    private readonly onClose: () => void,
  ) {}

  wake(): void {
    if (this.resolve) {
      const r = this.resolve;
      this.resolve = null;
      r();
    } else this.pending = true;
  }

  /** Resolves at the next change of the order (at once if one came since the last call), or on close. */
  next(): Promise<void> {
    if (this.pending || this.closed) {
      this.pending = false;
      return Promise.resolve();
    }
    return new Promise((r) => (this.resolve = r));
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.onClose();
    this.wake();
  }
}

interface StoreWatch {
  /** Last log position looked at; null until read at the first watcher. */
  lastSeq: number | null;
  notified: number;
  ready: Promise<void>;
  reading: Promise<void> | null;
  watchers: Map<number, Set<OrderWatch>>;
}

/**
 * The customer's progress stream: a live consumer that follows only the orders somebody watches.
 * A wake-up for a store reads the new log entries of those orders (one indexed query), and wakes
 * their watchers; other orders' events cost nothing but the query.
 */
export class TrackingFeed implements LiveConsumer {
  readonly name = 'tracking';
  private readonly stores = new Map<number, StoreWatch>();

  constructor(private readonly orm: MikroORM) {}

  watch(storeId: number, workOrderId: number): OrderWatch {
    const store = this.store(storeId);
    const watch = new OrderWatch(store.ready, () => {
      const set = store.watchers.get(workOrderId);
      set?.delete(watch);
      if (set && !set.size) store.watchers.delete(workOrderId);
      if (!store.watchers.size && this.stores.get(storeId) === store) this.stores.delete(storeId);
    });
    let set = store.watchers.get(workOrderId);
    if (!set) store.watchers.set(workOrderId, (set = new Set()));
    set.add(watch);
    return watch;
  }

  onAppended(storeId: number, seq: number): void {
    const store = this.stores.get(storeId);
    if (!store) return;
    store.notified = Math.max(store.notified, seq);
    this.pump(storeId, store);
  }

  async onReconnect(): Promise<void> {
    for (const storeId of this.stores.keys()) this.onAppended(storeId, await this.currentSeq(storeId));
  }

  private store(storeId: number): StoreWatch {
    let store = this.stores.get(storeId);
    if (!store) {
      const created: StoreWatch = { lastSeq: null, notified: 0, ready: Promise.resolve(), reading: null, watchers: new Map() };
      created.ready = this.currentSeq(storeId).then((seq) => {
        created.lastSeq = seq;
        this.pump(storeId, created);
      });
      this.stores.set(storeId, (store = created));
    }
    return store;
  }

  private currentSeq(storeId: number): Promise<number> {
    return logHead(this.orm.em.fork(), storeId);
  }

  /** Single flight per store: which watched orders have events in (lastSeq, notified]? */
  private pump(storeId: number, store: StoreWatch): void {
    if (store.reading || store.lastSeq === null || store.lastSeq >= store.notified) return;
    store.reading = (async () => {
      try {
        while (store.lastSeq! < store.notified && store.watchers.size) {
          const upTo = store.notified;
          // The order's own events, and events of other aggregates about it (an estimate sent or approved: `workOrderId` in their facts).
          const ids = [...store.watchers.keys()];
          const rows = await this.orm.em.fork().execute<{ work_order_id: string }[]>(
            `select distinct case when aggregate_type = ? then aggregate_id::text else data->>'workOrderId' end as work_order_id from domain_event
              where store_id = ? and seq > ? and seq <= ?
                and ((aggregate_type = ? and aggregate_id in (?)) or (aggregate_type <> ? and data->>'workOrderId' in (?)))`,
            [WORK_ORDER, storeId, store.lastSeq, upTo, WORK_ORDER, ids, WORK_ORDER, ids.map(String)],
          );
          store.lastSeq = upTo;
          for (const row of rows) for (const watch of store.watchers.get(Number(row.work_order_id)) ?? []) watch.wake();
        }
      } catch (e) {
        rootLogger.error({ err: describeForLog(e) }, 'tracking feed: could not read events');
      } finally {
        store.reading = null;
      }
    })();
  }
}
