import { Arg, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Authorized } from 'type-graphql';
import { requireStaff, viewerHasRole } from '../../graphql/auth-checker.js';
import { PAGE_ARGS, pageRequest } from '../../graphql/connection.js';
import type { Context } from '../../graphql/context.js';
import { toPayload } from '../../graphql/user-error.js';
import { maskMobile } from '../../shared/mobile.js';
import { CONTACT_ROLES, Role } from '../staff/roles.js';
import { Customer } from './customer.entity.js';
import { SENSITIVE_ARCHIVE_ROLES } from './customer-archive.roles.js';
import { CreateCustomerInput, CreateCustomerPayload, CustomerConnection, CustomerFilter } from './dto.js';

@Resolver(() => Customer)
export class CustomerResolver {
  @Authorized(Role.SERVICE_ADVISOR, Role.SERVICE_MANAGER, Role.CUSTOMER_SERVICE)
  @Mutation(() => CreateCustomerPayload)
  async createCustomer(@Arg('input', () => CreateCustomerInput) input: CreateCustomerInput, @Ctx() ctx: Context): Promise<CreateCustomerPayload> {
    return toPayload(ctx.locale, 'customer', await ctx.services.customers.create(ctx.em, requireStaff(ctx), input));
  }

  @Authorized()
  @Query(() => CustomerConnection)
  customers(
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true, description: PAGE_ARGS.first }) first?: number,
    @Arg('after', () => String, { nullable: true, description: PAGE_ARGS.after }) after?: string,
    @Arg('last', () => Int, { nullable: true, description: PAGE_ARGS.last }) last?: number,
    @Arg('before', () => String, { nullable: true, description: PAGE_ARGS.before }) before?: string,
    @Arg('filter', () => CustomerFilter, { nullable: true }) filter?: CustomerFilter,
  ) {
    return ctx.services.customers.list(ctx.em, requireStaff(ctx).storeId, pageRequest(first, after, last, before), filter, { fullMobile: viewerHasRole(ctx, CONTACT_ROLES), idNumber: viewerHasRole(ctx, SENSITIVE_ARCHIVE_ROLES) });
  }

  /** R-ARC-5: the full number only for roles that contact customers. */
  @FieldResolver(() => String)
  mobile(@Root() customer: Customer, @Ctx() ctx: Context): string {
    return viewerHasRole(ctx, CONTACT_ROLES) ? customer.mobile : maskMobile(customer.mobile);
  }
}
