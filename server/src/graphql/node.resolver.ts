import { Arg, Authorized, Ctx, ID, Query, Resolver } from 'type-graphql';
import { Customer } from '../modules/customer/customer.entity.js';
import { DealerGroup } from '../modules/dealer-group/dealer-group.entity.js';
import { DisplayToken } from '../modules/display/display-token.entity.js';
import { Staff } from '../modules/staff/staff.entity.js';
import { Bay } from '../modules/store/bay.entity.js';
import { Store } from '../modules/store/store.entity.js';
import { Vehicle } from '../modules/vehicle/vehicle.entity.js';
import { Job } from '../modules/work-order/job.entity.js';
import { WorkOrder } from '../modules/work-order/work-order.entity.js';
import { Role } from '../modules/staff/roles.js';
import { forbidden, requireStaff, viewerHasRole } from './auth-checker.js';
import type { Context } from './context.js';
import { fromGlobalId } from './global-id.js';
import { Node } from './node.js';

@Resolver()
export class NodeResolver {
  @Authorized()
  @Query(() => Node, { nullable: true, description: 'Any object of your store by its global id.' })
  async node(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<object | null> {
    const storeId = requireStaff(ctx).storeId;
    const parsed = fromGlobalId(id);
    if (!parsed) return null;
    const em = ctx.em;
    switch (parsed.type) {
      case 'Store':
        return parsed.id === storeId ? em.findOne(Store, parsed.id) : null;
      case 'DealerGroup':
        return (await em.findOneOrFail(Store, storeId)).dealerGroup.id === parsed.id ? em.findOne(DealerGroup, parsed.id) : null;
      case 'Bay':
        return em.findOne(Bay, { id: parsed.id, store: storeId });
      case 'Staff':
        return em.findOne(Staff, { id: parsed.id, store: storeId });
      case 'Customer':
        return em.findOne(Customer, { id: parsed.id, store: storeId });
      case 'Vehicle':
        return em.findOne(Vehicle, { id: parsed.id, store: storeId });
      case 'WorkOrder':
        return em.findOne(WorkOrder, { id: parsed.id, store: storeId });
      case 'Job':
        return em.findOne(Job, { id: parsed.id, workOrder: { store: storeId } });
      case 'DisplayToken':
        // As for `displayTokens`: only those who manage displays see them.
        if (!viewerHasRole(ctx, [Role.SERVICE_MANAGER, Role.FOREMAN])) throw forbidden();
        return em.findOne(DisplayToken, { id: parsed.id, store: storeId });
      default:
        return null;
    }
  }
}
