import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { Bay } from './bay.entity.js';
import { Store } from './store.entity.js';

@Resolver(() => Store)
export class StoreResolver {
  @FieldResolver(() => [Bay])
  bays(@Root() store: Store, @Ctx() ctx: Context) {
    return ctx.em.find(Bay, { store: store.id, active: true }, { orderBy: { position: 'asc', id: 'asc' } });
  }
}
