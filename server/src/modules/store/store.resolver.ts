import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { forbidden, requireStaff, viewerHasRole } from '../../graphql/auth-checker.js';
import { MANAGER_ROLES, Role } from '../staff/roles.js';
import { UpdateStoreSettingsInput, UpdateStoreSettingsPayload } from './dto.js';
import type { Context } from '../../graphql/context.js';
import { toPayload } from '../../graphql/user-error.js';
import { Bay } from './bay.entity.js';
import { Store } from './store.entity.js';

@Resolver(() => Store)
export class StoreResolver {
  @Authorized(Role.SERVICE_MANAGER)
  @Mutation(() => UpdateStoreSettingsPayload, { description: 'Per-store settings: staleness threshold (R-WO-6), customer-link lifetime.' })
  async updateStoreSettings(@Arg('input', () => UpdateStoreSettingsInput) input: UpdateStoreSettingsInput, @Ctx() ctx: Context): Promise<UpdateStoreSettingsPayload> {
    return toPayload(ctx.locale, 'store', await ctx.services.stores.updateSettings(ctx.em, requireStaff(ctx), input));
  }

  @FieldResolver(() => [Bay])
  bays(@Root() store: Store, @Ctx() ctx: Context, @Arg('includeInactive', () => Boolean, { defaultValue: false, description: 'Also deactivated bays (managers only).' }) includeInactive: boolean) {
    if (includeInactive && !viewerHasRole(ctx, MANAGER_ROLES)) throw forbidden();
    return ctx.services.bays.list(ctx.em, store.id, includeInactive);
  }
}
