import DataLoader from 'dataloader';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { DomainEvent } from '../../events/domain-event.entity.js';
import type { EventLog } from '../../events/event-log.js';
import type { JobQueue } from '../../events/job-queue.js';
import type { Actor } from '../../shared/actor.js';
import type { Clock } from '../../shared/clock.js';
import { InputCheck } from '../../shared/input-check.js';
import { notFound, ok, refuse, type Result } from '../../shared/result.js';
import { Customer } from '../customer/customer.entity.js';
import { ValueClass } from '../customer/customer-type.js';
import { atLocal, localDay } from '../appointment/local-time.js';
import { Store } from '../store/store.entity.js';
import { WORK_ORDER } from '../work-order/work-order-event.js';
import { WorkOrderStatus } from '../work-order/work-order.enums.js';
import { loadFacts } from './segmentation.history.js';
import { classify, type Segment } from './segmentation.rules.js';
import { CustomerSegment, SEGMENTATION_DEFAULTS, SegmentationSettings } from './segmentation.entity.js';
import { ChurnRiskLevel } from './segmentation.enums.js';
import type { AwardPointsInput, UpdateSegmentationSettingsInput } from './segmentation.dto.js';
import { churnRiskPage } from './segmentation.churn.js';
import type { PageRequest } from '../../shared/page.js';
import type { Services } from '../../services.types.js';
import { dbId } from '../../shared/global-id.js';
import { BEHAVIOUR_LABELS } from './segmentation.enums.js';
import './segmentation.messages.js';
import type { StaffActor } from '../../shared/actor.js';
import { pgArray } from '../../shared/sql.js';

/** The job-queue task that recomputes a store's segments every night (recency changes with time alone). */
export const NIGHTLY_TASK = 'segmentation.nightly';
/** The job-queue task that recomputes a store's segments now (after its thresholds changed). */
export const RECOMPUTE_TASK = 'segmentation.recompute';
/** Local time of the nightly run: 03:00, when the workshop is closed. */
const NIGHTLY_AT_MINUTES = 3 * 60;
/** Customers recomputed per statement batch by recomputeStore. */
const BATCH = 1000;
/** Aggregate types whose events change a customer's history (the durable consumer's filter). */
export const HISTORY_AGGREGATES = ['Settlement', WORK_ORDER, 'Complaint', 'Customer', 'Vehicle'] as const;

export type SettingsValues = typeof SEGMENTATION_DEFAULTS;

const segmentLoaders = new WeakMap<EntityManager, DataLoader<number, Segment | null>>();

/**
 * R-SEG-1..4: each customer's segment — value class with its reasons, vehicle-age class, usage, tags,
 * churn risk — computed from the history by the pure rules (segmentation.rules.ts) and stored as a
 * projection (`customer_segment`), with `Customer.valueClass` kept equal to the computed class (the
 * wall's VIP flag and the complaint owner read it). Recomputed by a durable consumer when the history
 * changes and for the whole store every night.
 */
export class SegmentationService {
  private readonly nightlyScheduled = new Set<number>();

  constructor(
    private readonly orm: MikroORM,
    private readonly log: EventLog,
    private readonly queue: JobQueue,
    private readonly clock: Clock,
    private readonly registry: () => Services,
  ) {}

  // ---- settings ----------------------------------------------------------------------------

  async settings(em: EntityManager, storeId: number): Promise<SegmentationSettings> {
    return (await em.findOne(SegmentationSettings, { store: storeId })) ?? em.create(SegmentationSettings, { store: storeId }, { persist: false });
  }

  async updateSettings(em: EntityManager, actor: Actor, input: UpdateSegmentationSettingsInput): Promise<Result<SegmentationSettings>> {
    const check = new InputCheck();
    const ranges: [keyof UpdateSegmentationSettingsInput, number, number][] = [
      ['lookbackMonths', 1, 60],
      ['aMinSpendFen', 0, 1_000_000_000],
      ['aMinPaidVisits', 0, 100],
      ['lostAfterMonths', 1, 60],
      ['longGapDays', 1, 3650],
      ['leftAfterWarrantyDays', 0, 3650],
      ['defaultWarrantyYears', 0, 20],
      ['defaultWarrantyKm', 0, 1_000_000],
      ['frequentVisits', 1, 100],
      ['faultProneRepairs', 1, 100],
      ['highMileageKmPerYear', 1, 1_000_000],
      ['behaviourPointsDailyCap', 0, 1_000_000],
    ];
    for (const [name, min, max] of ranges) check.range([name], input[name] as number | null | undefined, min, max);
    if (check.failed) return refuse(...check.errors);
    return this.log.change(em, actor, {
      type: 'SegmentationSettings',
      storeId: actor.storeId,
      load: async (tx) => {
        const found = await tx.findOne(SegmentationSettings, { store: actor.storeId }, { refresh: true });
        if (found) return found;
        const created = tx.create(SegmentationSettings, { store: actor.storeId });
        await tx.flush();
        return created;
      },
      notFound: notFound('SegmentationSettings'),
      expectedVersion: input.expectedVersion,
      apply: async (tx, s) => {
        const changed: Record<string, unknown> = {};
        for (const key of Object.keys(SEGMENTATION_DEFAULTS) as (keyof SettingsValues)[]) {
          const value = input[key];
          if (value != null) (s as unknown as Record<string, unknown>)[key] = changed[key] = value;
        }
        // New thresholds: every customer is recomputed now, on the job queue, in this transaction.
        await this.queue.schedule(tx, RECOMPUTE_TASK, { storeId: actor.storeId }, { key: `${RECOMPUTE_TASK}:${actor.storeId}` });
        return { kind: 'UPDATED', data: changed };
      },
    });
  }

  // ---- behaviour points (R-SEG-5) ----------------------------------------------------------

  /** Behaviour points into the settlement module's ledger, at most the store's daily cap per customer and store day. */
  async awardPoints(em: EntityManager, actor: StaffActor, input: AwardPointsInput): Promise<Result<Customer>> {
    const check = new InputCheck();
    const note = check.text(['note'], input.note, { max: 100 });
    const customerId = dbId(input.customerId, 'Customer');
    if (!customerId) return refuse(notFound('Customer', ['input', 'customerId']));
    const [settings, store] = await Promise.all([this.settings(em, actor.storeId), em.findOneOrFail(Store, actor.storeId)]);
    check.range(['points'], input.points, 1, Math.max(1, settings.behaviourPointsDailyCap));
    if (check.failed) return refuse(...check.errors);
    const now = this.clock.now();
    const dayStart = atLocal(store.timezone, localDay(store.timezone, now), 0);
    const result = await this.registry().settlements.awardBehaviour(em, actor, {
      customerId,
      points: input.points,
      behaviour: input.reason,
      reason: `行为积分：${BEHAVIOUR_LABELS[input.reason]}${note ? `（${note}）` : ''}`,
      dailyCap: settings.behaviourPointsDailyCap,
      dayStart,
    });
    if (!result.ok) return result;
    return ok(await em.findOneOrFail(Customer, { id: customerId, store: actor.storeId }));
  }

  // ---- computing ---------------------------------------------------------------------------

  /** Classifies the customers of one store from their history now, without writing. */
  async compute(em: EntityManager, storeId: number, customerIds: readonly number[], settings?: SegmentationSettings): Promise<Map<number, Segment>> {
    const s = settings ?? (await this.settings(em, storeId));
    const now = this.clock.now();
    const facts = await loadFacts(em, storeId, customerIds, s, now);
    return new Map([...facts].map(([id, f]) => [id, classify(f, s, now)]));
  }

  /**
   * Recomputes and stores the segments of these customers, and sets `Customer.valueClass` where it
   * changed (without touching the archive's version: the class is derived, not edited). Idempotent:
   * the same history gives the same rows. Two writes whatever the number of customers.
   */
  async recompute(em: EntityManager, storeId: number, customerIds: readonly number[], settings?: SegmentationSettings): Promise<Map<number, Segment>> {
    const segments = await this.compute(em, storeId, customerIds, settings);
    if (!segments.size) return segments;
    const rows = [...segments].map(([id, s]) => ({
      customer_id: id,
      value_class: s.valueClass,
      reasons: s.reasons,
      vehicle_age_class: s.vehicleAgeClass,
      usage: s.usage,
      tags: s.tags,
      churn_level: s.churn?.level ?? null,
      churn_reasons: s.churn?.reasons ?? [],
      last_visit_at: s.lastVisitAt,
    }));
    const json = JSON.stringify(rows);
    const at = this.clock.now();
    await em.execute(
      `insert into customer_segment (customer_id, store_id, value_class, reasons, vehicle_age_class, usage, tags, churn_level, churn_reasons, last_visit_at, computed_at)
       select x.customer_id, ?, x.value_class, x.reasons, x.vehicle_age_class, x.usage, array(select json_array_elements_text(x.tags)), x.churn_level, x.churn_reasons, x.last_visit_at, ?
         from json_to_recordset(?::json) as x(customer_id int, value_class text, reasons jsonb, vehicle_age_class text, usage text, tags json, churn_level text, churn_reasons jsonb, last_visit_at timestamptz)
       on conflict (customer_id) do update set value_class = excluded.value_class, reasons = excluded.reasons, vehicle_age_class = excluded.vehicle_age_class, usage = excluded.usage,
         tags = excluded.tags, churn_level = excluded.churn_level, churn_reasons = excluded.churn_reasons, last_visit_at = excluded.last_visit_at, computed_at = excluded.computed_at`,
      [storeId, at, json],
    );
    await em.execute(
      `update customer c set value_class = x.value_class
         from json_to_recordset(?::json) as x(customer_id int, value_class text)
        where c.id = x.customer_id and c.store_id = ? and c.value_class is distinct from x.value_class`,
      [json, storeId],
    );
    return segments;
  }

  /** Every customer of the store, in batches of a thousand, each batch its own transaction (the bench and the nightly job). Returns how many. */
  async recomputeStore(storeId: number): Promise<number> {
    const em = this.orm.em.fork();
    const settings = await this.settings(em, storeId);
    let afterId = 0;
    let total = 0;
    for (;;) {
      const ids = (await em.execute<{ id: number }[]>('select id from customer where store_id = ? and id > ? order by id limit ?', [storeId, afterId, BATCH])).map((r) => r.id);
      if (!ids.length) return total;
      await em.transactional((tx) => this.recompute(tx, storeId, ids, settings));
      total += ids.length;
      afterId = ids.at(-1)!;
    }
  }

  // ---- the durable consumer and the nightly job --------------------------------------------

  /** The durable consumer's handler: the customer whose history an event changed is recomputed (idempotent). */
  async onHistoryEvent(tx: EntityManager, event: DomainEvent): Promise<void> {
    const storeId = event.store.id;
    await this.ensureNightly(tx, storeId);
    const customerId = await this.customerOf(tx, event);
    if (customerId) await this.recompute(tx, storeId, [customerId]);
  }

  private async customerOf(tx: EntityManager, event: DomainEvent): Promise<number | null> {
    const id = event.aggregateId;
    const one = async (sql: string) => (await tx.execute<{ cid: number }[]>(sql, [id]))[0]?.cid ?? null;
    switch (event.aggregateType) {
      case 'Settlement':
        return one('select customer_id as cid from settlement where id = ?');
      case 'Complaint':
        return one('select customer_id as cid from complaint where id = ?');
      case 'Customer':
        return id;
      case 'Vehicle':
        return one('select owner_id as cid from vehicle where id = ?');
      case WORK_ORDER:
        return event.data.to === WorkOrderStatus.DELIVERED ? one('select customer_id as cid from work_order where id = ?') : null;
      default:
        return null;
    }
  }

  /** Keeps one nightly job queued per store (a key; an existing one keeps its time). Once per process and store. */
  private async ensureNightly(tx: EntityManager, storeId: number): Promise<void> {
    if (this.nightlyScheduled.has(storeId)) return;
    await this.scheduleNightly(tx, storeId, 'preserve_run_at');
    this.nightlyScheduled.add(storeId);
  }

  /**
   * The next 03:00 in the store's zone, on the database's clock like every job-queue time (not the injected
   * clock: a test's clock standing in the past must not make the job come due again and again).
   */
  private async scheduleNightly(em: EntityManager, storeId: number, mode: 'preserve_run_at' | 'replace'): Promise<void> {
    await em.execute(
      `select graphile_worker.add_job(?, json_build_object('storeId', s.id), job_key := ?, job_key_mode := ?,
              run_at := (date_trunc('day', now() at time zone s.timezone) + interval '1 day' + make_interval(mins => ?)) at time zone s.timezone)
         from store s where s.id = ?`,
      [NIGHTLY_TASK, `${NIGHTLY_TASK}:${storeId}`, mode, NIGHTLY_AT_MINUTES, storeId],
    );
  }

  /** The nightly task: every customer of the store, then the next night's run. */
  async nightly(storeId: number): Promise<void> {
    await this.recomputeStore(storeId);
    await this.scheduleNightly(this.orm.em.fork(), storeId, 'replace');
  }

  // ---- reads -------------------------------------------------------------------------------

  /** A customer's segment: the stored one, else computed now from the history (not stored: reads never write). Batched per request. */
  segmentOf(em: EntityManager, customer: Customer): Promise<Segment | null> {
    let loader = segmentLoaders.get(em);
    if (!loader) {
      loader = new DataLoader<number, Segment | null>(async (ids) => {
        const stored = await em.find(CustomerSegment, { customer: { $in: [...ids] } });
        const byId = new Map<number, Segment>(stored.map((s) => [s.customer.id, toSegment(s)]));
        const missing = ids.filter((id) => !byId.has(id));
        if (missing.length) {
          const rows = await em.execute<{ id: number; store_id: number }[]>('select id, store_id from customer where id = any(?::int[])', [pgArray(missing)]);
          for (const storeId of new Set(rows.map((r) => r.store_id))) {
            const computed = await this.compute(em, storeId, rows.filter((r) => r.store_id === storeId).map((r) => r.id));
            for (const [id, s] of computed) byId.set(id, s);
          }
        }
        return ids.map((id) => byId.get(id) ?? null);
      });
      segmentLoaders.set(em, loader);
    }
    return loader.load(customer.id);
  }

  /** R-SEG-4: the store's customers at risk (segmentation.churn.ts). */
  churnRisk(em: EntityManager, storeId: number, page: PageRequest, levels?: ChurnRiskLevel[] | null) {
    return churnRiskPage(em, storeId, page, levels);
  }

  /** For the appointment module (R-SEG-3 priority): whether the customer is A class and the store gives A class same-day slots. */
  async sameDayPriority(em: EntityManager, storeId: number, customerId: number): Promise<boolean> {
    const [row] = await em.execute<{ value_class: string | null; same_day: boolean | null }[]>(
      'select c.value_class, s.a_class_same_day as same_day from customer c left join segmentation_settings s on s.store_id = c.store_id where c.id = ? and c.store_id = ?',
      [customerId, storeId],
    );
    return row?.value_class === ValueClass.A && (row.same_day ?? SEGMENTATION_DEFAULTS.aClassSameDay);
  }
}

function toSegment(s: CustomerSegment): Segment {
  return {
    valueClass: s.valueClass,
    reasons: s.reasons,
    vehicleAgeClass: s.vehicleAgeClass ?? null,
    usage: s.usage,
    tags: s.tags as Segment['tags'],
    churn: s.churnLevel ? { level: s.churnLevel, reasons: s.churnReasons } : null,
    lastVisitAt: s.lastVisitAt ?? null,
  };
}
