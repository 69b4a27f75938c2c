import { Arg, Authorized, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { forbidden, requireStaff, viewerHasRole } from '../../graphql/auth-checker.js';
import { keyset, PAGE_ARGS, pageRequest, toConnection } from '../../graphql/connection.js';
import type { Context } from '../../graphql/context.js';
import { Store } from '../store/store.entity.js';
import { StaffConnection, StaffFilter } from './dto.js';
import { MANAGER_ROLES } from './roles.js';
import { Staff } from './staff.entity.js';

@Resolver(() => Staff)
export class StaffResolver {
  @Authorized()
  @Query(() => StaffConnection)
  async staffMembers(
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true, description: PAGE_ARGS.first }) first?: number,
    @Arg('after', () => String, { nullable: true, description: PAGE_ARGS.after }) after?: string,
    @Arg('last', () => Int, { nullable: true, description: PAGE_ARGS.last }) last?: number,
    @Arg('before', () => String, { nullable: true, description: PAGE_ARGS.before }) before?: string,
    @Arg('filter', () => StaffFilter, { nullable: true }) filter?: StaffFilter,
  ) {
    const page = pageRequest(first, after, last, before);
    const where: Record<string, unknown> = { store: requireStaff(ctx).storeId };
    if (filter?.roles?.length) where.roles = { $overlap: filter.roles };
    if (filter?.skills?.length) where.skills = { $overlap: filter.skills };
    if (filter?.active != null) where.active = filter.active;
    const [rows, total] = await Promise.all([
      ctx.em.find(Staff, { ...where, ...keyset(page).where }, keyset(page).options),
      ctx.em.count(Staff, where),
    ]);
    return toConnection(rows, total, page);
  }

  @FieldResolver(() => Store)
  store(@Root() staff: Staff) {
    return staff.store.loadOrFail();
  }

  /** Usernames are half of a credential: managers see everyone's, other staff only their own. */
  @Authorized()
  @FieldResolver(() => String, { description: 'Managers see every username; other staff only their own.' })
  username(@Root() staff: Staff, @Ctx() ctx: Context): string {
    if (requireStaff(ctx).staffId !== staff.id && !viewerHasRole(ctx, MANAGER_ROLES)) throw forbidden('Only managers see other staff members’ usernames');
    return staff.username;
  }
}
