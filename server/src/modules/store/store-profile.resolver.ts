import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { requireStaff } from '../../graphql/auth-checker.js';
import type { Context } from '../../graphql/context.js';
import { toPayload } from '../../graphql/user-error.js';
import { Role } from '../staff/roles.js';
import { UpdateStoreSettingsPayload } from './dto.js';
import { UpdateStoreProfileInput } from './store-profile.dto.js';

@Resolver()
export class StoreProfileResolver {
  @Authorized(Role.SERVICE_MANAGER)
  @Mutation(() => UpdateStoreSettingsPayload, { description: "The store's name, phone, address and time zone (validated IANA zone)." })
  async updateStoreProfile(@Arg('input', () => UpdateStoreProfileInput, { description: 'What to change; see the input type.' }) input: UpdateStoreProfileInput, @Ctx() ctx: Context): Promise<UpdateStoreSettingsPayload> {
    return toPayload(ctx.locale, 'store', await ctx.services.storeProfile.update(ctx.em, requireStaff(ctx), input));
  }
}
