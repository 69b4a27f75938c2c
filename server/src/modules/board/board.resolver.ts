import { Arg, Authorized, Ctx, ID, Query, Resolver, Root, Subscription } from 'type-graphql';
import { DISPLAY, forbidden, unauthenticated } from '../../graphql/auth-checker.js';
import type { Context } from '../../graphql/context.js';
import { dbId } from '../../graphql/global-id.js';
import { ALL_STAFF_ROLES } from '../staff/roles.js';
import { Board, BoardEvent } from './board.types.js';

/** The store a board request may read: the viewer's own (staff or paired display). */
function boardStore(ctx: Context, storeId: string | null | undefined): number {
  if (!ctx.viewer) throw unauthenticated();
  if (storeId != null && dbId(storeId, 'Store') !== ctx.viewer.storeId) throw forbidden('You can only read the board of your own store');
  return ctx.viewer.storeId;
}

@Resolver()
export class BoardResolver {
  @Authorized(DISPLAY, ...ALL_STAFF_ROLES)
  @Query(() => Board, { description: 'Every work order on the workshop floor, with flags and timers, and the cursor to subscribe from.' })
  board(@Ctx() ctx: Context, @Arg('storeId', () => ID, { nullable: true }) storeId?: string): Promise<Board> {
    return ctx.services.board.snapshot(ctx.em, boardStore(ctx, storeId));
  }

  @Authorized(DISPLAY, ...ALL_STAFF_ROLES)
  @Subscription(() => BoardEvent, {
    description: 'UPSERT/REMOVE per work-order event in cursor order; with `after`, replays everything after it first.',
    subscribe: ({ args, context }) => {
      const ctx = context as Context;
      return ctx.services.hub.stream(boardStore(ctx, args.storeId), args.after);
    },
  })
  boardEvents(
    @Root() event: BoardEvent,
    @Ctx() ctx: Context,
    @Arg('storeId', () => ID, { nullable: true }) _storeId?: string,
    @Arg('after', () => String, { nullable: true }) _after?: string,
  ): BoardEvent {
    ctx.em = ctx.services.orm.em.fork(); // a fresh unit of work per delivered event
    return event;
  }
}
