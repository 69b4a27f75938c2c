import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { requireStaff } from '../../graphql/auth-checker.js';
import { loaded } from '../../db/loaded.js';
import type { Context } from '../../graphql/context.js';
import { toPayload } from '../../graphql/user-error.js';
import { ok } from '../../shared/result.js';
import { Customer } from '../customer/customer.entity.js';
import { Role, VIN_ROLES } from '../staff/roles.js';
import { CreateVehicleInput, CreateVehiclePayload, TransferPlateInput, TransferPlatePayload, UpdateVehicleInput, UpdateVehiclePayload } from './dto.js';
import { Vehicle } from './vehicle.entity.js';

@Resolver(() => Vehicle)
export class VehicleResolver {
  @Authorized(Role.SERVICE_ADVISOR, Role.SERVICE_MANAGER, Role.CUSTOMER_SERVICE)
  @Mutation(() => CreateVehiclePayload)
  async createVehicle(@Arg('input', () => CreateVehicleInput) input: CreateVehicleInput, @Ctx() ctx: Context): Promise<CreateVehiclePayload> {
    return toPayload(ctx.locale, 'vehicle', await ctx.services.vehicles.create(ctx.em, requireStaff(ctx), input));
  }

  @Authorized(Role.SERVICE_ADVISOR, Role.SERVICE_MANAGER)
  @Mutation(() => TransferPlatePayload, { description: 'Moves a plate onto a vehicle; the vehicle that carried it leaves the active vehicles. Audited with the reason.' })
  async transferPlate(@Arg('input', () => TransferPlateInput, { description: 'The plate, the vehicle that takes it, and why.' }) input: TransferPlateInput, @Ctx() ctx: Context): Promise<TransferPlatePayload> {
    const result = await ctx.services.vehicles.transferPlate(ctx.em, requireStaff(ctx), input);
    const payload = toPayload(ctx.locale, 'vehicle', result.ok ? ok(result.value.vehicle) : result);
    return { ...payload, previousHolder: result.ok ? result.value.previousHolder : null };
  }

  @Authorized(Role.SERVICE_ADVISOR, Role.SERVICE_MANAGER, Role.CUSTOMER_SERVICE, Role.WARRANTY_CLERK)
  @Mutation(() => UpdateVehiclePayload, { description: 'R-ARC-2: changes the archive fields (engine and transmission numbers, purchase, warranty terms, insurance, inspection, usage); optimistic locking with expectedVersion; audited.' })
  async updateVehicle(@Arg('input', () => UpdateVehicleInput, { description: 'What to change; see the input type.' }) input: UpdateVehicleInput, @Ctx() ctx: Context): Promise<UpdateVehiclePayload> {
    return toPayload(ctx.locale, 'vehicle', await ctx.services.vehicles.update(ctx.em, requireStaff(ctx), input));
  }

  /** Customer data is for staff only, never for a wall display. */
  @Authorized()
  @FieldResolver(() => Customer)
  owner(@Root() vehicle: Vehicle) {
    return loaded(vehicle.owner);
  }

  /** The VIN identifies the car and its owner: only roles that work with it (VIN_ROLES). */
  @Authorized(...VIN_ROLES)
  @FieldResolver(() => String, { description: 'Managers, advisors, customer service, foreman, parts, warranty and cashier only.' })
  vin(@Root() vehicle: Vehicle): string {
    return vehicle.vin;
  }
}
