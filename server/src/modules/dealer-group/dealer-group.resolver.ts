import { GraphQLError } from 'graphql';
import { Arg, Authorized, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { requireStaff } from '../../graphql/auth-checker.js';
import { pageRequest } from '../../graphql/connection.js';
import type { Context } from '../../graphql/context.js';
import { isValidVin, normalizeVin } from '../../shared/vin.js';
import { Store } from '../store/store.entity.js';
import { Vehicle } from '../vehicle/vehicle.entity.js';
import { DealerGroup } from './dealer-group.entity.js';
import { GroupStore, ServiceHistoryConnection } from './service-history.types.js';

@Resolver(() => DealerGroup)
export class DealerGroupResolver {
  @Authorized()
  @FieldResolver(() => [GroupStore], { description: 'The stores of the group, yours included.' })
  stores(@Root() group: DealerGroup, @Ctx() ctx: Context) {
    return ctx.services.serviceHistory.storesOf(ctx.em, group.id);
  }
}

/** R-ARC-3: the group's service history of a vehicle, by VIN; staff only (never a wall display). */
@Resolver(() => Store)
export class ServiceHistoryResolver {
  @Authorized()
  @FieldResolver(() => DealerGroup, { description: 'The dealer group the store belongs to.' })
  dealerGroup(@Root() store: Store, @Ctx() ctx: Context) {
    return ctx.services.serviceHistory.groupOf(ctx.em, store.id);
  }

  @Authorized()
  @Query(() => ServiceHistoryConnection, { description: "R-ARC-3: a vehicle's work orders in every store of your dealer group, newest first, matched by VIN. No owner data." })
  serviceHistory(
    @Arg('vin', () => String, { description: 'The 17-character VIN.' }) vin: string,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true, description: 'Page size (at most 100).' }) first?: number,
    @Arg('after', () => String, { nullable: true, description: 'Cursor of the last entry seen.' }) after?: string,
    @Arg('last', () => Int, { nullable: true, description: 'Page size reading backwards (at most 100).' }) last?: number,
    @Arg('before', () => String, { nullable: true, description: 'Cursor of the first entry seen.' }) before?: string,
  ) {
    const normalized = normalizeVin(vin);
    if (!isValidVin(normalized)) throw new GraphQLError('vin is not a valid VIN', { extensions: { code: 'BAD_USER_INPUT', argumentName: 'vin' } });
    return ctx.services.serviceHistory.byVin(ctx.em, requireStaff(ctx).storeId, normalized, pageRequest(first, after, last, before));
  }
}

@Resolver(() => Vehicle)
export class VehicleHistoryResolver {
  @Authorized()
  @FieldResolver(() => ServiceHistoryConnection, { description: "R-ARC-3: this vehicle's work orders in every store of your dealer group (by VIN), newest first." })
  serviceHistory(
    @Root() vehicle: Vehicle,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true, description: 'Page size (at most 100).' }) first?: number,
    @Arg('after', () => String, { nullable: true, description: 'Cursor of the last entry seen.' }) after?: string,
    @Arg('last', () => Int, { nullable: true, description: 'Page size reading backwards (at most 100).' }) last?: number,
    @Arg('before', () => String, { nullable: true, description: 'Cursor of the first entry seen.' }) before?: string,
  ) {
    return ctx.services.serviceHistory.byVin(ctx.em, requireStaff(ctx).storeId, vehicle.vin, pageRequest(first, after, last, before));
  }
}
