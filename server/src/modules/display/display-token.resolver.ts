import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { requireStaff } from '../../graphql/auth-checker.js';
import type { Context } from '../../graphql/context.js';
import { Role } from '../staff/roles.js';
import { DisplayToken } from './display-token.entity.js';
import { CreateDisplayTokenInput, CreateDisplayTokenPayload, RevokeDisplayTokenInput, RevokeDisplayTokenPayload } from './dto.js';

@Resolver(() => DisplayToken)
export class DisplayTokenResolver {
  @Authorized(Role.SERVICE_MANAGER, Role.FOREMAN)
  @Query(() => [DisplayToken])
  displayTokens(@Ctx() ctx: Context) {
    return ctx.services.displayTokens.list(ctx.em, requireStaff(ctx).storeId);
  }

  @Authorized(Role.SERVICE_MANAGER)
  @Mutation(() => CreateDisplayTokenPayload, { description: 'Pairs a wall display: a read-only token for this store’s board.' })
  async createDisplayToken(@Arg('input', () => CreateDisplayTokenInput) input: CreateDisplayTokenInput, @Ctx() ctx: Context): Promise<CreateDisplayTokenPayload> {
    const result = await ctx.services.displayTokens.create(ctx.em, requireStaff(ctx), ctx.locale, input.name);
    return result.ok ? { ...result.value, userErrors: [] } : { displayToken: null, token: null, userErrors: result.errors };
  }

  @Authorized(Role.SERVICE_MANAGER)
  @Mutation(() => RevokeDisplayTokenPayload)
  async revokeDisplayToken(@Arg('input', () => RevokeDisplayTokenInput) input: RevokeDisplayTokenInput, @Ctx() ctx: Context): Promise<RevokeDisplayTokenPayload> {
    const result = await ctx.services.displayTokens.revoke(ctx.em, requireStaff(ctx), ctx.locale, input.id);
    return result.ok ? { displayToken: result.value, userErrors: [] } : { displayToken: null, userErrors: result.errors };
  }
}
