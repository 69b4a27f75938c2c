import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { requireStaff } from '../../graphql/auth-checker.js';
import type { Context } from '../../graphql/context.js';
import { toPayload, toUserError } from '../../graphql/user-error.js';
import type { Result } from '../../shared/result.js';
import { Role } from './roles.js';
import { CreateStaffInput, ResetStaffPasswordInput, StaffIdInput, StaffPasswordPayload, StaffPayload, UpdateStaffInput } from './staff-admin.dto.js';
import { Staff } from './staff.entity.js';

const passwordPayload = (ctx: Context, result: Result<{ staff: Staff; generatedPassword: string | null }>): StaffPasswordPayload =>
  result.ok ? { ...result.value, userErrors: [] } : { staff: null, generatedPassword: null, userErrors: result.errors.map((e) => toUserError(ctx.locale, e)) };

/** Platform §5: a manager (or admin) runs the staff accounts of their own store. */
@Resolver(() => Staff)
export class StaffAdminResolver {
  @Authorized(Role.SERVICE_MANAGER)
  @Mutation(() => StaffPasswordPayload, { description: 'Creates a staff account in your store; without a password one is generated and returned once.' })
  async createStaff(@Arg('input', () => CreateStaffInput, { description: 'What to change; see the input type.' }) input: CreateStaffInput, @Ctx() ctx: Context): Promise<StaffPasswordPayload> {
    return passwordPayload(ctx, await ctx.services.staffAdmin.create(ctx.em, requireStaff(ctx), input));
  }

  @Authorized(Role.SERVICE_MANAGER)
  @Mutation(() => StaffPayload, { description: 'Changes name, roles, skills or business phone (optimistic lock: expectedVersion).' })
  async updateStaff(@Arg('input', () => UpdateStaffInput, { description: 'What to change; see the input type.' }) input: UpdateStaffInput, @Ctx() ctx: Context): Promise<StaffPayload> {
    return toPayload(ctx.locale, 'staff', await ctx.services.staffAdmin.update(ctx.em, requireStaff(ctx), input));
  }

  @Authorized(Role.SERVICE_MANAGER)
  @Mutation(() => StaffPayload, { description: 'Deactivates an account: it can no longer sign in and its open sessions and sockets end.' })
  async deactivateStaff(@Arg('input', () => StaffIdInput, { description: 'What to change; see the input type.' }) input: StaffIdInput, @Ctx() ctx: Context): Promise<StaffPayload> {
    return toPayload(ctx.locale, 'staff', await ctx.services.staffAdmin.setActive(ctx.em, requireStaff(ctx), input.id, false));
  }

  @Authorized(Role.SERVICE_MANAGER)
  @Mutation(() => StaffPayload, { description: 'Reactivates a deactivated account (with its previous password).' })
  async reactivateStaff(@Arg('input', () => StaffIdInput, { description: 'What to change; see the input type.' }) input: StaffIdInput, @Ctx() ctx: Context): Promise<StaffPayload> {
    return toPayload(ctx.locale, 'staff', await ctx.services.staffAdmin.setActive(ctx.em, requireStaff(ctx), input.id, true));
  }

  @Authorized(Role.SERVICE_MANAGER)
  @Mutation(() => StaffPasswordPayload, { description: "Sets a temporary password (or generates one, returned once), unlocks the account and ends the staff member's sessions." })
  async resetStaffPassword(@Arg('input', () => ResetStaffPasswordInput, { description: 'What to change; see the input type.' }) input: ResetStaffPasswordInput, @Ctx() ctx: Context): Promise<StaffPasswordPayload> {
    return passwordPayload(ctx, await ctx.services.staffAdmin.resetPassword(ctx.em, requireStaff(ctx), input.id, input.newPassword));
  }
}
