import { Arg, Authorized, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { requireStaff, viewerHasRole } from '../../graphql/auth-checker.js';
import { PAGE_ARGS, pageRequest } from '../../graphql/connection.js';
import type { Context } from '../../graphql/context.js';
import { toPayload } from '../../graphql/user-error.js';
import { maskAddress, maskIdNumber } from '../../shared/id-number.js';
import { Role } from '../staff/roles.js';
import { Customer } from './customer.entity.js';
import { CustomerArchiveSettings } from './customer-archive.entity.js';
import { ARCHIVE_EDITORS, SENSITIVE_ARCHIVE_ROLES } from './customer-archive.roles.js';
import { ArchiveCompleteness, ArchiveSettingsPayload, CustomerArchive, UpdateArchiveSettingsInput, UpdateCustomerInput, UpdateCustomerPayload } from './customer-archive.dto.js';
import { CustomerConnection } from './dto.js';

/** R-ARC-1/4/5 on the Customer type: the archive fields that need a role, and completeness. */
@Resolver(() => Customer)
export class CustomerArchiveResolver {
  @Authorized(...ARCHIVE_EDITORS)
  @Mutation(() => UpdateCustomerPayload, { description: 'R-ARC-1: changes the customer archive (optimistic lock: expectedVersion); omitted fields stay, null clears.' })
  async updateCustomer(@Arg('input', () => UpdateCustomerInput, { description: 'What to change; see the input type.' }) input: UpdateCustomerInput, @Ctx() ctx: Context): Promise<UpdateCustomerPayload> {
    return toPayload(ctx.locale, 'customer', await ctx.services.customerArchive.update(ctx.em, requireStaff(ctx), input));
  }

  /** R-ARC-5: in full only for the roles that need it. */
  @FieldResolver(() => String, { nullable: true, description: 'National ID number; masked (1101**********0012) for roles that do not need it (R-ARC-5).' })
  idNumber(@Root() customer: Customer, @Ctx() ctx: Context): string | null {
    if (!customer.idNumber) return null;
    return viewerHasRole(ctx, SENSITIVE_ARCHIVE_ROLES) ? customer.idNumber : maskIdNumber(customer.idNumber);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Address; masked (北京市朝阳区****) for roles that do not need it (R-ARC-5).' })
  address(@Root() customer: Customer, @Ctx() ctx: Context): string | null {
    if (!customer.address) return null;
    return viewerHasRole(ctx, SENSITIVE_ARCHIVE_ROLES) ? customer.address : maskAddress(customer.address);
  }

  @FieldResolver(() => CustomerArchive, { description: 'R-ARC-4: which required fields are missing and when the archive is due.' })
  async archive(@Root() customer: Customer, @Ctx() ctx: Context): Promise<CustomerArchive> {
    const settings = await ctx.services.customerArchive.settings(ctx.em, requireStaff(ctx).storeId);
    return Object.assign(new CustomerArchive(), ctx.services.customerArchive.status(customer, settings));
  }
}

@Resolver(() => ArchiveCompleteness)
export class ArchiveCompletenessResolver {
  @Authorized(Role.SERVICE_MANAGER, Role.SERVICE_ADVISOR, Role.CUSTOMER_SERVICE)
  @Query(() => ArchiveCompleteness, { description: 'R-ARC-4: archive completeness of your store, and the archives past their deadline.' })
  async archiveCompleteness(@Ctx() ctx: Context): Promise<ArchiveCompleteness> {
    return Object.assign(new ArchiveCompleteness(), await ctx.services.customerArchive.completeness(ctx.em, requireStaff(ctx).storeId));
  }

  @FieldResolver(() => CustomerConnection, { description: 'Incomplete archives past their deadline, oldest first.' })
  overdue(
    @Root() root: ArchiveCompleteness & { storeId?: number },
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true, description: PAGE_ARGS.first }) first?: number,
    @Arg('after', () => String, { nullable: true, description: PAGE_ARGS.after }) after?: string,
    @Arg('last', () => Int, { nullable: true, description: PAGE_ARGS.last }) last?: number,
    @Arg('before', () => String, { nullable: true, description: PAGE_ARGS.before }) before?: string,
  ) {
    return ctx.services.customerArchive.overdue(ctx.em, root.storeId ?? requireStaff(ctx).storeId, pageRequest(first, after, last, before));
  }
}

@Resolver(() => CustomerArchiveSettings)
export class ArchiveSettingsResolver {
  @Authorized(Role.SERVICE_MANAGER, Role.SERVICE_ADVISOR, Role.CUSTOMER_SERVICE)
  @Query(() => CustomerArchiveSettings, { description: 'R-ARC-4: what a complete archive needs in your store, and by when.' })
  archiveSettings(@Ctx() ctx: Context): Promise<CustomerArchiveSettings> {
    return ctx.services.customerArchive.settings(ctx.em, requireStaff(ctx).storeId);
  }

  @Authorized(Role.SERVICE_MANAGER)
  @Mutation(() => ArchiveSettingsPayload, { description: 'R-ARC-4: sets the required archive fields and the deadline (managers; optimistic lock).' })
  async updateArchiveSettings(@Arg('input', () => UpdateArchiveSettingsInput, { description: 'The new requirement.' }) input: UpdateArchiveSettingsInput, @Ctx() ctx: Context): Promise<ArchiveSettingsPayload> {
    return toPayload(ctx.locale, 'settings', await ctx.services.customerArchive.updateSettings(ctx.em, requireStaff(ctx), input));
  }
}
