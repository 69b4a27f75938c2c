import type { MikroORM } from '@mikro-orm/postgresql';
import type { AppConfig } from './config.js';
import { AuthService } from './modules/auth/auth.service.js';
import { BoardEventHub } from './modules/board/board-event-hub.js';
import { BoardService } from './modules/board/board.service.js';
import { CustomerService } from './modules/customer/customer.service.js';
import { DisplayTokenService } from './modules/display/display-token.service.js';
import { StoreService } from './modules/store/store.service.js';
import { TrackingRateLimit } from './modules/tracking/tracking-rate-limit.js';
import { TrackingService } from './modules/tracking/tracking.service.js';
import { VehicleService } from './modules/vehicle/vehicle.service.js';
import { WorkOrderService } from './modules/work-order/work-order.service.js';

/** One instance per server process; resolvers reach them through the GraphQL context. */
export function createServices(orm: MikroORM, config: AppConfig) {
  const board = new BoardService();
  const hub = new BoardEventHub(orm, board);
  return {
    orm,
    config,
    auth: new AuthService(config),
    stores: new StoreService(),
    customers: new CustomerService(),
    vehicles: new VehicleService(),
    workOrders: new WorkOrderService(),
    displayTokens: new DisplayTokenService(),
    board,
    hub,
    tracking: new TrackingService(orm, hub),
    trackingRateLimit: new TrackingRateLimit(config.trackingRequestsPerMinute),
  };
}

export type Services = ReturnType<typeof createServices>;
