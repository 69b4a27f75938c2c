import type { MikroORM } from '@mikro-orm/postgresql';
import type { AppConfig } from './config.js';
import { DurableDispatcher } from './events/durable-consumers.js';
import { EventLog } from './events/event-log.js';
import { JobQueue } from './events/job-queue.js';
import { LiveEvents } from './events/live-events.js';
import { AuthService } from './modules/auth/auth.service.js';
import { BoardEventHub } from './modules/board/board-event-hub.js';
import { BoardService } from './modules/board/board.service.js';
import { CustomerService } from './modules/customer/customer.service.js';
import { DisplayTokenService } from './modules/display/display-token.service.js';
import type { ModuleManifest } from './modules/module.js';
import { StoreService } from './modules/store/store.service.js';
import { BayService } from './modules/store/bay.service.js';
import { bayInServiceGuard } from './modules/store/bay-guard.js';
import { StaffAdminService } from './modules/staff/staff-admin.service.js';
import { StoreProfileService } from './modules/store/store-profile.service.js';
import { ServiceHistoryService } from './modules/dealer-group/service-history.service.js';
import { TrackingFeed } from './modules/tracking/tracking-feed.js';
import { TrackingService } from './modules/tracking/tracking.service.js';
import { VehicleService } from './modules/vehicle/vehicle.service.js';
import { WorkOrderService } from './modules/work-order/work-order.service.js';
import { type Clock, systemClock } from './shared/clock.js';

/** One instance per server process; resolvers reach them through the GraphQL context, jobs directly. */
export function createServices(orm: MikroORM, config: AppConfig, modules: readonly ModuleManifest[] = [], clock: Clock = systemClock) {
  const log = new EventLog(clock);
  const queue = new JobQueue(config.databaseUrl ?? (orm.config.get('clientUrl') as string));
  const board = new BoardService();
  const hub = new BoardEventHub(orm, board);
  const trackingFeed = new TrackingFeed(orm);
  const live = new LiveEvents();
  live.register(hub);
  live.register(trackingFeed);
  const services = {
    orm,
    config,
    clock,
    log,
    queue,
    live,
    auth: new AuthService(config),
    stores: new StoreService(),
    bays: new BayService(),
    staffAdmin: new StaffAdminService(),
    storeProfile: new StoreProfileService(),
    serviceHistory: new ServiceHistoryService(),
    customers: new CustomerService(),
    vehicles: new VehicleService(),
    workOrders: new WorkOrderService(log, {
      guards: [bayInServiceGuard, ...modules.flatMap((m) => m.transitionGuards ?? [])],
      effects: modules.flatMap((m) => m.transitionEffects ?? []),
    }),
    displayTokens: new DisplayTokenService(),
    board,
    hub,
    tracking: new TrackingService(orm, trackingFeed),
    dispatcher: null as unknown as DurableDispatcher,
  };
  const all = services as Services;
  services.dispatcher = new DurableDispatcher(orm, modules.flatMap((m) => m.durableConsumers?.(all) ?? []), queue, clock, {
    maxAttempts: config.consumerMaxAttempts,
    retryBaseMs: config.consumerRetryBaseMs,
    batch: 200,
  });
  for (const m of modules) for (const c of m.liveConsumers?.(all) ?? []) live.register(c);
  return services;
}

export type Services = ReturnType<typeof createServices>;

/** The job-queue tasks of the platform and the modules. */
export function taskList(services: Services, modules: readonly ModuleManifest[]) {
  return {
    'events.dispatch': (payload: Record<string, unknown>) => services.dispatcher.dispatch(Number(payload.storeId)),
    ...Object.assign({}, ...modules.map((m) => m.tasks?.(services) ?? {})),
  };
}
