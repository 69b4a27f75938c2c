import { IsolationLevel } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Bay } from '../store/bay.entity.js';
import { Store } from '../store/store.entity.js';
import { WORK_ORDER } from '../work-order/work-order-event.js';
import { WorkOrder } from '../work-order/work-order.entity.js';
import { JobStatus, ON_BOARD_STATUSES, WorkOrderStatus as S } from '../work-order/work-order.enums.js';
import { encodeBoardCursor } from './board-cursor.js';
import { loadLiveOrders } from './board-live-cards.js';
import { clockedSecondsAt } from '../job-clock/job-clock.rules.js';
import { boardFlags, minutesBetween, overdueAt, staleAt } from './board-flags.js';
import { type Board, type BoardCard, type BoardDeliveries, type BoardEvent, BoardEventKind } from './board.types.js';

/** Everything a card renders, loaded with a constant number of statements however many cards there are. */
const CARD_POPULATE = ['vehicle', 'customer', 'advisor', 'bay', 'technicians', 'jobs'] as const;

/** One position of the store's log; `event` is null where the log entry does not concern the board (another aggregate). */
export interface SequencedBoardEvent {
  seq: number;
  event: BoardEvent | null;
}

/** How long a loaded floor may serve `board` queries while nothing that has no event changes (names, value class). */
const SNAPSHOT_TTL_MS = 30_000;

interface LoadedFloor {
  /** The store's log position, settings version and bays' versions the floor was read at. */
  key: string;
  loadedAt: number;
  store: Store;
  bays: Bay[];
  orders: WorkOrder[];
  seq: number;
}

export class BoardService {
  /**
   * The last floor read per store. Every change of a card appends an event, so while the store's log
   * position (and its settings and bays) are unchanged, the floor is too: a `board` query then costs
   * one statement (plus today's deliveries) instead of loading every card again. Timers and flags
   * are computed for each query. The entities are read-only here (never flushed).
   */
  private readonly floors = new Map<number, LoadedFloor>();
  private readonly floorKeys = new WeakMap<EntityManager, Map<number, Promise<string | null>>>();

  /**
   * The cards and their cursor come from one REPEATABLE READ snapshot, so replay after the cursor is
   * exact. Rolled back rather than committed: a commit would flush, diffing every loaded entity.
   */
  /**
   * What the floor depends on: the store's log position, settings version and active bays' versions
   * (one statement, read once per request: the response cache and the snapshot both ask).
   */
  floorKey(em: EntityManager, storeId: number): Promise<string | null> {
    let byStore = this.floorKeys.get(em);
    if (!byStore) this.floorKeys.set(em, (byStore = new Map()));
    let key = byStore.get(storeId);
    if (!key) byStore.set(storeId, (key = this.readFloorKey(em, storeId)));
    return key;
  }

  private async readFloorKey(em: EntityManager, storeId: number): Promise<string | null> {
    const [state] = await em.execute<{ key: string }[]>(
      `select s.event_seq || ':' || s.settings_version || ':' || (select count(*) || '.' || coalesce(sum(b.version), 0) from bay b where b.store_id = s.id and b.active) as key
         from store s where s.id = ?`,
      [storeId],
    );
    return state?.key ?? null;
  }

  async snapshot(em: EntityManager, storeId: number): Promise<Board> {
    const key = await this.floorKey(em, storeId);
    let floor = this.floors.get(storeId);
    if (!floor || floor.key !== key || Date.now() - floor.loadedAt > SNAPSHOT_TTL_MS) {
      floor = await this.loadFloor(em, storeId);
      this.floors.set(storeId, floor);
    }
    const now = new Date();
    return {
      deliveries: await this.deliveries(em, storeId),
      cursor: encodeBoardCursor(storeId, floor.seq),
      generatedAt: now,
      store: floor.store,
      staleAfterMinutes: floor.store.staleAfterMinutes,
      bays: floor.bays,
      cards: floor.orders.map((wo) => toCard(wo, now, floor.store.staleAfterMinutes)),
    };
  }

  private async loadFloor(em: EntityManager, storeId: number): Promise<LoadedFloor> {
    const tx = em.fork();
    await tx.begin({ isolationLevel: IsolationLevel.REPEATABLE_READ, readOnly: true });
    try {
      const store = await tx.findOneOrFail(Store, storeId);
      const [bays, orders] = await Promise.all([
        tx.find(Bay, { store: storeId, active: true }, { orderBy: { position: 'asc', id: 'asc' } }),
        tx.find(WorkOrder, { store: storeId, status: { $in: [...ON_BOARD_STATUSES] } }, { populate: [...CARD_POPULATE], orderBy: { id: 'asc' }, strategy: 'select-in' }),
      ]);
      const key = `${store.eventSeq}:${store.settingsVersion}:${bays.length}.${bays.reduce((sum, b) => sum + b.version, 0)}`;
      return { key, loadedAt: Date.now(), store, bays, orders, seq: Number(store.eventSeq) };
    } finally {
      await tx.rollback();
    }
  }

  /** Today's promises in the store's time zone: how many, and how many are done (ready or delivered). */
  private async deliveries(em: EntityManager, storeId: number): Promise<BoardDeliveries> {
    const [row] = await em.execute<{ due: string; done: string }[]>(
      `select count(*) filter (where wo.status <> 'CANCELLED') as due,
              count(*) filter (where wo.status in ('READY', 'DELIVERED')) as done
         from work_order wo join store s on s.id = wo.store_id
        where wo.store_id = ?
          and wo.promised_at >= date_trunc('day', now() at time zone s.timezone) at time zone s.timezone
          and wo.promised_at < (date_trunc('day', now() at time zone s.timezone) + interval '1 day') at time zone s.timezone`,
      [storeId],
    );
    return { dueToday: Number(row.due), doneToday: Number(row.done) };
  }


  /**
   * The store's log after `afterSeq`, oldest first: a board event (the card as it is now) for each
   * work-order event, and a null placeholder for events of other aggregates, so cursors stay exact.
   */
  async eventsAfter(em: EntityManager, storeId: number, afterSeq: number, limit: number): Promise<SequencedBoardEvent[]> {
    const rows = (
      await em.execute<{ seq: string | number; aggregate_type: string; aggregate_id: number }[]>(
        'select seq, aggregate_type, aggregate_id from domain_event where store_id = ? and seq > ? order by seq limit ?',
        [storeId, afterSeq, limit],
      )
    ).map((r) => ({ seq: Number(r.seq), aggregateType: r.aggregate_type, aggregateId: Number(r.aggregate_id) }));
    if (!rows.length) return [];
    const ids = [...new Set(rows.filter((r) => r.aggregateType === WORK_ORDER).map((r) => r.aggregateId))];
    if (!ids.length) return rows.map((r) => ({ seq: r.seq, event: null }));
    // Independent reads, in parallel: they are on the path of every live event.
    const [staleAfterMinutes, orders, deliveries] = await Promise.all([
      em.execute<{ stale: number }[]>('select stale_after_minutes as stale from store where id = ?', [storeId]).then(([s]) => Number(s.stale)),
      loadLiveOrders(em, ids),
      this.deliveries(em, storeId),
    ]);
    const byId = new Map(orders.map((wo) => [wo.id, wo]));
    const now = new Date();
    return rows.map((row) => {
      const wo = row.aggregateType === WORK_ORDER ? byId.get(row.aggregateId) : undefined;
      if (!wo) return { seq: row.seq, event: null };
      const onBoard = ON_BOARD_STATUSES.includes(wo.status);
      return {
        seq: row.seq,
        event: {
          cursor: encodeBoardCursor(storeId, row.seq),
          kind: onBoard ? BoardEventKind.UPSERT : BoardEventKind.REMOVE,
          workOrderId: wo.globalId,
          card: onBoard ? toCard(wo, now, staleAfterMinutes) : null,
          status: wo.status,
          deliveries,
        },
      };
    });
  }
}

export function toCard(wo: WorkOrder, now: Date, staleAfterMinutes: number): BoardCard {
  const jobs = wo.jobs.getItems();
  return {
    workOrder: wo,
    flags: boardFlags(
      {
        status: wo.status,
        holdReason: wo.holdReason,
        reworkCount: wo.reworkCount,
        updatedAt: wo.updatedAt,
        lastProgressAt: wo.lastProgressAt,
        promisedAt: wo.promisedAt,
        valueClass: wo.customer.getEntity().valueClass,
        payers: jobs.map((j) => j.payer),
        customerWaiting: wo.customerWaiting,
        source: wo.source,
        jobsWaitingApproval: jobs.some((j) => j.status === JobStatus.WAITING_APPROVAL),
        jobsWaitingParts: jobs.some((j) => j.waitingPartsRequests > 0),
      },
      now,
      staleAfterMinutes,
    ),
    minutesInStatus: minutesBetween(wo.statusSince, now),
    minutesSinceUpdate: minutesBetween(wo.updatedAt, now),
    standardHours: jobs.reduce((sum, j) => sum + j.standardMinutes, 0) / 60,
    // R-WO-4: every job's clocked time as of now, open clockings included, to two decimals.
    clockedHours: Math.round(clockedSecondsAt(jobs, now) / 36) / 100,
    clockedOn: jobs.reduce((sum, j) => sum + j.openClockings, 0),
    qualityLevel: wo.status === S.QUALITY_CHECK ? (wo.qualityLevel ?? null) : null,
    progressPercent: wo.progressPercent ?? null,
    progressNote: wo.lastProgressNote ?? null,
    lastProgressAt: wo.lastProgressAt ?? null,
    statusSince: wo.statusSince,
    updatedAt: wo.updatedAt,
    staleAt: staleAt(wo, staleAfterMinutes),
    overdueAt: overdueAt(wo),
  };
}
