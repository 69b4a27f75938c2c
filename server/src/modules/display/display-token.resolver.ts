import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { requireStaff } from '../../graphql/auth-checker.js';
import type { Context } from '../../graphql/context.js';
import { toPayload, toUserError } from '../../graphql/user-error.js';
import { DISPLAY_MANAGER_ROLES, Role } from '../staff/roles.js';
import { DisplayToken } from './display-token.entity.js';
import { CreateDisplayTokenInput, CreateDisplayTokenPayload, RevokeDisplayTokenInput, RevokeDisplayTokenPayload } from './dto.js';

@Resolver(() => DisplayToken)
export class DisplayTokenResolver {
  @Authorized(...DISPLAY_MANAGER_ROLES)
  @Query(() => [DisplayToken])
  displayTokens(@Ctx() ctx: Context) {
    return ctx.services.displayTokens.list(ctx.em, requireStaff(ctx).storeId);
  }

  @Authorized(Role.SERVICE_MANAGER)
  @Mutation(() => CreateDisplayTokenPayload, { description: 'Pairs a wall display: a read-only token for this store’s board.' })
  async createDisplayToken(@Arg('input', () => CreateDisplayTokenInput) input: CreateDisplayTokenInput, @Ctx() ctx: Context): Promise<CreateDisplayTokenPayload> {
    const result = await ctx.services.displayTokens.create(ctx.em, requireStaff(ctx), input.name);
    return result.ok ? { ...result.value, userErrors: [] } : { displayToken: null, token: null, userErrors: result.errors.map((e) => toUserError(ctx.locale, e)) };
  }

  @Authorized(Role.SERVICE_MANAGER)
  @Mutation(() => RevokeDisplayTokenPayload)
  async revokeDisplayToken(@Arg('input', () => RevokeDisplayTokenInput) input: RevokeDisplayTokenInput, @Ctx() ctx: Context): Promise<RevokeDisplayTokenPayload> {
    return toPayload(ctx.locale, 'displayToken', await ctx.services.displayTokens.revoke(ctx.em, requireStaff(ctx), input.id));
  }
}
