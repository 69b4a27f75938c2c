import { Arg, Ctx, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { WorkOrderProgress } from './progress.types.js';

/** Public: the tracking token is the credential (no login), and it only ever shows this one order's progress. */
@Resolver()
export class TrackingResolver {
  @Query(() => WorkOrderProgress, { nullable: true, description: 'Null for an unknown or expired link, with no hint which.' })
  async trackWorkOrder(@Arg('token', () => String) token: string, @Ctx() ctx: Context) {
    if (!ctx.viewer) await ctx.services.trackingRateLimit.consume(ctx.clientAddress);
    return ctx.services.tracking.progress(ctx.em, token, ctx.locale);
  }

  @Subscription(() => WorkOrderProgress, {
    nullable: true,
    description: 'The progress now and after every change; null and the end once the link is unknown or expired.',
    subscribe: ({ args, context }) => (context as Context).services.tracking.watch(args.token, (context as Context).locale),
  })
  workOrderProgress(@Root() progress: WorkOrderProgress | null, @Arg('token', () => String) _token: string): WorkOrderProgress | null {
    return progress;
  }
}
