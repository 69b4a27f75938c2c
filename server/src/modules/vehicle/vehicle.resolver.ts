import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { requireStaff } from '../../graphql/auth-checker.js';
import type { Context } from '../../graphql/context.js';
import { Customer } from '../customer/customer.entity.js';
import { Role } from '../staff/roles.js';
import { CreateVehicleInput, CreateVehiclePayload } from './dto.js';
import { Vehicle } from './vehicle.entity.js';

@Resolver(() => Vehicle)
export class VehicleResolver {
  @Authorized(Role.SERVICE_ADVISOR, Role.SERVICE_MANAGER, Role.CUSTOMER_SERVICE)
  @Mutation(() => CreateVehiclePayload)
  async createVehicle(@Arg('input', () => CreateVehicleInput) input: CreateVehicleInput, @Ctx() ctx: Context): Promise<CreateVehiclePayload> {
    const result = await ctx.services.vehicles.create(ctx.em, requireStaff(ctx), ctx.locale, input);
    return result.ok ? { vehicle: result.value, userErrors: [] } : { vehicle: null, userErrors: result.errors };
  }

  @FieldResolver(() => Customer)
  owner(@Root() vehicle: Vehicle): Promise<Customer> {
    return vehicle.owner.load({ dataloader: true }) as Promise<Customer>;
  }
}
