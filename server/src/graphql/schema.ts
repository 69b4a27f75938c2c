import { DateTimeResolver } from 'graphql-scalars';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { AuthResolver } from '../modules/auth/auth.resolver.js';
import { BoardResolver } from '../modules/board/board.resolver.js';
import { CustomerResolver } from '../modules/customer/customer.resolver.js';
import { DisplayTokenResolver } from '../modules/display/display-token.resolver.js';
import { StaffResolver } from '../modules/staff/staff.resolver.js';
import { StoreResolver } from '../modules/store/store.resolver.js';
import { BayResolver } from '../modules/store/bay.resolver.js';
import { StaffAdminResolver } from '../modules/staff/staff-admin.resolver.js';
import { StoreProfileResolver } from '../modules/store/store-profile.resolver.js';
import { DealerGroupResolver, ServiceHistoryResolver, VehicleHistoryResolver } from '../modules/dealer-group/dealer-group.resolver.js';
import { TrackingResolver } from '../modules/tracking/tracking.resolver.js';
import { VehicleResolver } from '../modules/vehicle/vehicle.resolver.js';
import { WorkOrderEventResolver, WorkOrderResolver } from '../modules/work-order/work-order.resolver.js';
import { authChecker } from './auth-checker.js';
import { NodeResolver } from './node.resolver.js';

let cached: Promise<GraphQLSchema> | null = null;

/** The code-first schema; `pnpm schema` prints it to the top-level schema.graphql (the contract). */
export function buildWorkbaySchema(): Promise<GraphQLSchema> {
  cached ??= buildSchema({
    resolvers: [
      AuthResolver,
      StaffResolver,
      StoreResolver,
      BayResolver,
      StaffAdminResolver,
      StoreProfileResolver,
      DealerGroupResolver,
      ServiceHistoryResolver,
      VehicleHistoryResolver,
      CustomerResolver,
      VehicleResolver,
      WorkOrderResolver,
      WorkOrderEventResolver,
      BoardResolver,
      TrackingResolver,
      DisplayTokenResolver,
      NodeResolver,
    ],
    authChecker,
    authMode: 'error',
    scalarsMap: [{ type: Date, scalar: DateTimeResolver }],
    validate: false,
    // Every subscription brings its own `subscribe` (fed by the event table); type-graphql still insists on a PubSub.
    pubSub: {
      publish: () => {
        throw new Error('topics are not used: subscriptions read the event table');
      },
      subscribe: () => {
        throw new Error('topics are not used: subscriptions read the event table');
      },
    },
    emitSchemaFile: false,
  });
  return cached;
}
