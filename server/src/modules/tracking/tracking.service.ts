import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Locale } from '../../i18n/locale.js';
import { maskPlate } from '../../shared/plate.js';
import { closable } from '../../realtime/closable.js';
import { eventsOf } from '../../events/event-loader.js';
import { WORK_ORDER, WorkOrderEvent } from '../work-order/work-order-event.js';
import type { OrderWatch, TrackingFeed } from './tracking-feed.js';
import { Store } from '../store/store.entity.js';
import { WorkOrder } from '../work-order/work-order.entity.js';
import { HoldReason, JobStatus, WorkOrderStatus as S } from '../work-order/work-order.enums.js';
import { progressSteps } from './progress-steps.js';
import type { WorkOrderProgress } from './progress.types.js';

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;
/** Time allowed after the last job for quality check and wash, for the completion estimate. */
const FINISHING_MINUTES = 30;

const HOLD_LABELS: Record<Locale, Record<HoldReason, string>> = {
  zh: { WAITING_PARTS: '等待配件', WAITING_APPROVAL: '等待您确认追加项目', CUSTOMER_REQUEST: '应您的要求暂停', OTHER: '暂停施工' },
  en: { WAITING_PARTS: 'Waiting for parts', WAITING_APPROVAL: 'Waiting for your approval of extra work', CUSTOMER_REQUEST: 'Paused at your request', OTHER: 'Work paused' },
};

export class TrackingService {
  constructor(
    private readonly orm: MikroORM,
    private readonly feed: TrackingFeed,
  ) {}

  /** The order behind a live tracking token, or null — unknown and expired look the same. */
  async findByToken(em: EntityManager, token: string): Promise<WorkOrder | null> {
    if (!TOKEN_SHAPE.test(token)) return null;
    const wo = await em.findOne(WorkOrder, { trackingToken: token }, { populate: ['vehicle', 'advisor', 'jobs'], refresh: true });
    if (!wo || (wo.trackingExpiresAt && wo.trackingExpiresAt <= new Date())) return null;
    return wo;
  }

  async progress(em: EntityManager, token: string, locale: Locale): Promise<WorkOrderProgress | null> {
    const wo = await this.findByToken(em, token);
    return wo ? this.describe(em, wo, locale) : null;
  }

  private async describe(em: EntityManager, wo: WorkOrder, locale: Locale): Promise<WorkOrderProgress> {
    const history = (await eventsOf(em, WORK_ORDER, wo.id)).map(WorkOrderEvent.fromLog);
    const changes = history.filter((e) => e.fromStatus !== e.toStatus || e.fromStatus === null).map((e) => ({ to: e.toStatus, at: e.at }));
    const vehicle = wo.vehicle.getEntity();
    const store = await em.findOneOrFail(Store, wo.store.id);
    const advisor = wo.advisor.getEntity();
    return {
      workOrderId: wo.id,
      storeId: wo.store.id,
      number: wo.number,
      status: wo.status,
      steps: progressSteps(wo.status, wo.washRequested, wo.createdAt, changes, locale, wo.qualityLevel ?? null),
      vehicle: { model: vehicle.model, color: vehicle.color, plateMasked: maskPlate(vehicle.plate) },
      promisedAt: wo.promisedAt,
      estimatedCompletionAt: estimateCompletion(wo, changes),
      delay: wo.delayReason
        ? { reason: wo.delayReason, remedy: wo.delayRemedy }
        : wo.status === S.ON_HOLD && wo.holdReason
          ? { reason: HOLD_LABELS[locale][wo.holdReason], remedy: null }
          : null,
      advisor: { name: advisor.name, phone: advisor.businessPhone },
      updatedAt: wo.updatedAt,
      progressPercent: wo.progressPercent ?? null,
      progressNote: wo.lastProgressNote ?? null,
      progressAt: wo.lastProgressAt ?? null,
      qualityLevel: wo.status === S.QUALITY_CHECK ? (wo.qualityLevel ?? null) : null,
      timeZone: store.timezone,
    };
  }

  /** The progress now, then again after every change of this order; null (and the end) once the link expires. */
  watch(token: string, locale: Locale): AsyncIterableIterator<WorkOrderProgress | null> {
    let watch: OrderWatch | null = null;
    const run = async function* (this: TrackingService): AsyncGenerator<WorkOrderProgress | null> {
      const first = await this.findByToken(this.orm.em.fork(), token);
      if (!first) {
        yield null;
        return;
      }
      watch = this.feed.watch(first.store.id, first.id);
      try {
        await watch.ready;
        yield await this.describe(this.orm.em.fork(), first, locale);
        while (!watch.closed) {
          await watch.next();
          if (watch.closed) return;
          const progress = await this.progress(this.orm.em.fork(), token, locale);
          yield progress;
          if (!progress) return;
        }
      } finally {
        watch.close();
      }
    }.call(this);
    return closable(run, () => watch?.close());
  }
}

/**
 * The promise is the estimate the customer was given; it moves only through reportWorkOrderDelay
 * (R-WO-7), which also says why. Past the promise, or without one, the remaining standard hours
 * (plus time for QC and wash) give an honest estimate.
 */
function estimateCompletion(wo: WorkOrder, changes: readonly { to: S; at: Date }[]): Date | null {
  if (wo.status === S.READY || wo.status === S.DELIVERED) return changes.findLast((c) => c.to === S.READY)?.at ?? wo.updatedAt;
  if (wo.status === S.CANCELLED) return null;
  if (wo.promisedAt && wo.promisedAt.getTime() > Date.now()) return wo.promisedAt;
  const remaining = wo.jobs.getItems().filter((j) => j.status !== JobStatus.DONE).reduce((sum, j) => sum + j.standardMinutes, 0);
  return new Date(Date.now() + (remaining + FINISHING_MINUTES) * 60_000);
}
