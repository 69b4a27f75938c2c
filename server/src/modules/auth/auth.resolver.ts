import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { requireStaff } from '../../graphql/auth-checker.js';
import type { Context } from '../../graphql/context.js';
import { toUserError } from '../../graphql/user-error.js';
import { Staff } from '../staff/staff.entity.js';
import { LoginInput, LoginPayload, LogoutPayload } from './dto.js';

@Resolver()
export class AuthResolver {
  @Mutation(() => LoginPayload, { description: 'Signs a staff member in; the token expires (WORKBAY_SESSION_TTL_HOURS, default 12).' })
  async login(@Arg('input', () => LoginInput) input: LoginInput, @Ctx() ctx: Context): Promise<LoginPayload> {
    const result = await ctx.services.auth.login(ctx.em, input.username, input.password, ctx.clientAddress);
    return result.ok ? { ...result.value, userErrors: [] } : { token: null, staff: null, expiresAt: null, userErrors: result.errors.map((e) => toUserError(ctx.locale, e)) };
  }

  @Authorized()
  @Mutation(() => LogoutPayload)
  async logout(@Ctx() ctx: Context): Promise<LogoutPayload> {
    await ctx.services.auth.logout(ctx.em, requireStaff(ctx).sessionId);
    return { ok: true };
  }

  @Authorized()
  @Query(() => Staff, { description: 'The signed-in staff member.' })
  me(@Ctx() ctx: Context): Staff {
    return requireStaff(ctx).staff;
  }
}
