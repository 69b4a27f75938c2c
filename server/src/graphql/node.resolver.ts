import { Arg, Authorized, Ctx, ID, Query, Resolver } from 'type-graphql';
import { MODULES } from '../modules/index.js';
import type { NodeLoader } from '../modules/module.js';
import { forbidden, requireStaff } from './auth-checker.js';
import type { Context } from './context.js';
import { fromGlobalId } from './global-id.js';
import { Node } from './node.js';

/** Global-id type name → loader, from every module's manifest. */
const loaders: Record<string, NodeLoader> = Object.assign({}, ...MODULES.map((m) => m.nodes ?? {}));

@Resolver()
export class NodeResolver {
  @Authorized()
  @Query(() => Node, { nullable: true, description: 'Any object of your store by its global id.' })
  async node(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<object | null> {
    const actor = requireStaff(ctx);
    const parsed = fromGlobalId(id);
    const load = parsed && Object.hasOwn(loaders, parsed.type) ? loaders[parsed.type] : null;
    if (!parsed || !load) return null;
    const found = await load(ctx.em, parsed.id, actor, ctx.services);
    if (found === 'FORBIDDEN') throw forbidden();
    return found;
  }
}
