import { Arg, Authorized, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { requireStaff } from '../../graphql/auth-checker.js';
import { PAGE_ARGS, pageRequest } from '../../graphql/connection.js';
import type { Context } from '../../graphql/context.js';
import { toPayload } from '../../graphql/user-error.js';
import { actsAs } from '../../shared/actor.js';
import { dbId } from '../../shared/global-id.js';
import { maskMobile } from '../../shared/mobile.js';
import { Customer } from '../customer/customer.entity.js';
import { Role } from '../staff/roles.js';
import { Store } from '../store/store.entity.js';
import { Vehicle } from '../vehicle/vehicle.entity.js';
import { OutboxFilter, OutboxMessageConnection, OutboxSettingsPayload, UpdateOutboxSettingsInput } from './dto/outbox.dto.js';
import { OutboxMessage, OutboxSettings } from './outbox.entity.js';
import { OUTBOX_RECIPIENT_ROLES, OUTBOX_ROLES } from './outbox.roles.js';

@Resolver(() => OutboxMessage)
export class OutboxResolver {
  @Authorized(...OUTBOX_ROLES)
  @Query(() => OutboxMessageConnection, { description: 'R-CARE-7: the store’s outbox, newest first.' })
  outboxMessages(
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true, description: PAGE_ARGS.first }) first?: number,
    @Arg('after', () => String, { nullable: true, description: PAGE_ARGS.after }) after?: string,
    @Arg('last', () => Int, { nullable: true, description: PAGE_ARGS.last }) last?: number,
    @Arg('before', () => String, { nullable: true, description: PAGE_ARGS.before }) before?: string,
    @Arg('filter', () => OutboxFilter, { nullable: true, description: 'Narrows the list.' }) filter?: OutboxFilter,
  ) {
    const customerId = filter?.customerId ? (dbId(filter.customerId, 'Customer') ?? -1) : null;
    return ctx.services.outbox.list(ctx.em, requireStaff(ctx).storeId, pageRequest(first, after, last, before), { status: filter?.status, channel: filter?.channel, customerId });
  }

  @FieldResolver(() => String, { description: 'Who it goes to: the mobile, masked (138****1234) except for customer service.' })
  recipient(@Root() m: OutboxMessage, @Ctx() ctx: Context): string {
    return actsAs(requireStaff(ctx), OUTBOX_RECIPIENT_ROLES) ? m.recipient : maskMobile(m.recipient);
  }

  @FieldResolver(() => String, { description: 'The text, as sent or as it will be sent.' })
  async text(@Root() m: OutboxMessage, @Ctx() ctx: Context): Promise<string> {
    if (m.text) return m.text;
    const [customer, store] = await Promise.all([m.customer.load(), ctx.em.findOneOrFail(Store, m.store.id)]);
    return ctx.services.outbox.textOf(m, customer?.name ?? '', store);
  }

  @FieldResolver(() => Customer, { description: 'The customer it is for.' })
  customer(@Root() m: OutboxMessage) {
    return m.customer.load();
  }

  @FieldResolver(() => Vehicle, { nullable: true, description: 'The vehicle it is about, if any.' })
  vehicle(@Root() m: OutboxMessage) {
    return m.vehicle ? m.vehicle.load() : null;
  }
}

@Resolver(() => OutboxSettings)
export class OutboxSettingsResolver {
  @Authorized(...OUTBOX_ROLES)
  @Query(() => OutboxSettings, { description: 'R-CARE-6/7: quiet hours, frequency cap, retries and language of the store’s outbox.' })
  outboxSettings(@Ctx() ctx: Context) {
    return ctx.services.outbox.settings(ctx.em, requireStaff(ctx).storeId);
  }

  @Authorized(Role.SERVICE_MANAGER)
  @Mutation(() => OutboxSettingsPayload, { description: 'R-CARE-6/7: sets the outbox rules (managers; optimistic lock).' })
  async updateOutboxSettings(@Arg('input', () => UpdateOutboxSettingsInput, { description: 'The rules.' }) input: UpdateOutboxSettingsInput, @Ctx() ctx: Context): Promise<OutboxSettingsPayload> {
    return toPayload(ctx.locale, 'settings', await ctx.services.outbox.updateSettings(ctx.em, requireStaff(ctx), input));
  }
}
