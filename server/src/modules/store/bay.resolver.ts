import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { requireStaff } from '../../graphql/auth-checker.js';
import type { Context } from '../../graphql/context.js';
import { toPayload } from '../../graphql/user-error.js';
import { Role } from '../staff/roles.js';
import { BayIdInput, BayPayload, CreateBayInput, UpdateBayInput } from './bay.dto.js';
import { Bay } from './bay.entity.js';

/** Platform §5: a manager (or admin) sets up the bays of their own store. */
@Resolver(() => Bay)
export class BayResolver {
  @Authorized(Role.SERVICE_MANAGER)
  @Mutation(() => BayPayload, { description: 'Adds a bay to your store.' })
  async createBay(@Arg('input', () => CreateBayInput, { description: 'What to change; see the input type.' }) input: CreateBayInput, @Ctx() ctx: Context): Promise<BayPayload> {
    return toPayload(ctx.locale, 'bay', await ctx.services.bays.create(ctx.em, requireStaff(ctx), input));
  }

  @Authorized(Role.SERVICE_MANAGER)
  @Mutation(() => BayPayload, { description: 'Renames a bay, replaces its skills or moves it (optimistic lock: expectedVersion).' })
  async updateBay(@Arg('input', () => UpdateBayInput, { description: 'What to change; see the input type.' }) input: UpdateBayInput, @Ctx() ctx: Context): Promise<BayPayload> {
    return toPayload(ctx.locale, 'bay', await ctx.services.bays.update(ctx.em, requireStaff(ctx), input));
  }

  @Authorized(Role.SERVICE_MANAGER)
  @Mutation(() => BayPayload, { description: 'Takes a bay out of service; refused with BAY_IN_USE while a car is IN_PROGRESS on it.' })
  async deactivateBay(@Arg('input', () => BayIdInput, { description: 'What to change; see the input type.' }) input: BayIdInput, @Ctx() ctx: Context): Promise<BayPayload> {
    return toPayload(ctx.locale, 'bay', await ctx.services.bays.setActive(ctx.em, requireStaff(ctx), input.id, false));
  }

  @Authorized(Role.SERVICE_MANAGER)
  @Mutation(() => BayPayload, { description: 'Puts a deactivated bay back in service.' })
  async reactivateBay(@Arg('input', () => BayIdInput, { description: 'What to change; see the input type.' }) input: BayIdInput, @Ctx() ctx: Context): Promise<BayPayload> {
    return toPayload(ctx.locale, 'bay', await ctx.services.bays.setActive(ctx.em, requireStaff(ctx), input.id, true));
  }
}
