import { Arg, Authorized, Ctx, Field, InputType, Int, Mutation, Query, Resolver } from 'type-graphql';
import { requireStaff } from '../../graphql/auth-checker.js';
import type { Context } from '../../graphql/context.js';
import { toPayload } from '../../graphql/user-error.js';
import { MANAGER_ROLES } from '../staff/roles.js';
import { EventConsumerStatus, ParkedEventView, RetryParkedEventPayload } from './parked-event.types.js';

@InputType({ description: 'Which parked event to run again.' })
class RetryParkedEventInput {
  @Field(() => Int, { description: 'ParkedEventView.id.' })
  id!: number;
}

/** Operations view of the event log's durable consumers (managers only). */
@Resolver()
export class PlatformResolver {
  @Authorized(...MANAGER_ROLES)
  @Query(() => [ParkedEventView], { description: 'Events a durable consumer set aside after repeated failures, newest first.' })
  parkedEvents(@Ctx() ctx: Context, @Arg('includeResolved', () => Boolean, { defaultValue: false, description: 'Also list entries already handled on retry.' }) includeResolved: boolean) {
    return ctx.services.platform.parkedEvents(ctx.em, requireStaff(ctx), includeResolved);
  }

  @Authorized(...MANAGER_ROLES)
  @Query(() => [EventConsumerStatus], { description: 'Each durable consumer of the event log, its lag and parked events in this store.' })
  eventConsumers(@Ctx() ctx: Context) {
    return ctx.services.platform.consumers(ctx.em, requireStaff(ctx));
  }

  @Authorized(...MANAGER_ROLES)
  @Mutation(() => RetryParkedEventPayload, { description: 'Runs the consumer on a parked event again now; RETRY_FAILED with the error if it fails again.' })
  async retryParkedEvent(@Arg('input', () => RetryParkedEventInput, { description: 'The parked event.' }) input: RetryParkedEventInput, @Ctx() ctx: Context) {
    return toPayload(ctx.locale, 'parkedEvent', await ctx.services.platform.retryParked(ctx.em, requireStaff(ctx), input.id));
  }
}
