import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { requireStaff } from '../../graphql/auth-checker.js';
import { PAGE_ARGS, pageRequest } from '../../graphql/connection.js';
import type { Context } from '../../graphql/context.js';
import { toPayload } from '../../graphql/user-error.js';
import { eventsOf } from '../../events/event-loader.js';
import { Customer } from '../customer/customer.entity.js';
import { Role } from '../staff/roles.js';
import { Staff } from '../staff/staff.entity.js';
import { WorkOrder } from '../work-order/work-order.entity.js';
import { Complaint, ComplaintSettings } from './complaint.entity.js';
import { ComplaintEventKind, ComplaintStatus } from './complaint.enums.js';
import { COMPLAINT_ROLES, nextComplaintStatuses } from './complaint.process.js';
import { COMPLAINT } from './complaint.service.js';
import { ComplaintConnection, ComplaintEvent, ComplaintFilter, ComplaintPayload, ComplaintSettingsPayload, FileComplaintInput, TransitionComplaintInput, UpdateComplaintSettingsInput } from './dto/complaint.dto.js';

@Resolver(() => Complaint)
export class ComplaintResolver {
  @Authorized(...COMPLAINT_ROLES)
  @Mutation(() => ComplaintPayload, { description: 'R-FU-3: files a complaint with the customer’s exact words; the first response is due within the store’s deadline.' })
  async fileComplaint(@Arg('input', () => FileComplaintInput, { description: 'The complaint.' }) input: FileComplaintInput, @Ctx() ctx: Context): Promise<ComplaintPayload> {
    return toPayload(ctx.locale, 'complaint', await ctx.services.complaints.file(ctx.em, requireStaff(ctx), input));
  }

  @Authorized(...COMPLAINT_ROLES)
  @Mutation(() => ComplaintPayload, { description: 'R-FU-3: OPEN → RESPONDED → RESOLVED → CONFIRMED (the re-callback) or REOPENED, through one transitions table.' })
  async transitionComplaint(@Arg('input', () => TransitionComplaintInput, { description: 'The move.' }) input: TransitionComplaintInput, @Ctx() ctx: Context): Promise<ComplaintPayload> {
    return toPayload(ctx.locale, 'complaint', await ctx.services.complaints.transition(ctx.em, requireStaff(ctx), input));
  }

  @Authorized(...COMPLAINT_ROLES)
  @Query(() => ComplaintConnection, { description: 'Complaints of your store, newest first.' })
  complaints(
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true, description: PAGE_ARGS.first }) first?: number,
    @Arg('after', () => String, { nullable: true, description: PAGE_ARGS.after }) after?: string,
    @Arg('last', () => Int, { nullable: true, description: PAGE_ARGS.last }) last?: number,
    @Arg('before', () => String, { nullable: true, description: PAGE_ARGS.before }) before?: string,
    @Arg('filter', () => ComplaintFilter, { nullable: true, description: 'Narrows the list.' }) filter?: ComplaintFilter,
  ) {
    return ctx.services.complaints.list(ctx.em, requireStaff(ctx).storeId, pageRequest(first, after, last, before), filter);
  }

  @Authorized(...COMPLAINT_ROLES)
  @Query(() => Complaint, { nullable: true, description: 'One complaint of your store.' })
  complaint(@Arg('id', () => ID, { description: 'The complaint.' }) id: string, @Ctx() ctx: Context) {
    return ctx.services.complaints.find(ctx.em, requireStaff(ctx).storeId, id);
  }

  @FieldResolver(() => Customer, { description: 'Who complained.' })
  customer(@Root() c: Complaint) {
    return c.customer.load();
  }

  @FieldResolver(() => WorkOrder, { nullable: true, description: 'The work order it concerns.' })
  workOrder(@Root() c: Complaint) {
    return c.workOrder ? c.workOrder.load() : null;
  }

  @FieldResolver(() => Staff, { description: 'Who owns it (a service manager for A-class customers).' })
  owner(@Root() c: Complaint) {
    return c.owner.load();
  }

  @FieldResolver(() => Staff, { nullable: true, description: 'Who it was escalated to.' })
  escalatedTo(@Root() c: Complaint) {
    return c.escalatedTo ? c.escalatedTo.load() : null;
  }

  @FieldResolver(() => [ComplaintStatus], { description: 'Where it can go from here.' })
  nextStatuses(@Root() c: Complaint): ComplaintStatus[] {
    return nextComplaintStatuses(c.status);
  }

  @FieldResolver(() => [ComplaintEvent], { description: 'Every step, oldest first, from the event log.' })
  async events(@Root() c: Complaint, @Ctx() ctx: Context): Promise<ComplaintEvent[]> {
    return (await eventsOf(ctx.em, COMPLAINT, c.id)).map((row) =>
      Object.assign(new ComplaintEvent(), {
        at: row.at,
        kind: row.kind as ComplaintEventKind,
        note: typeof row.data.note === 'string' ? row.data.note : null,
        by: row.actorKind === 'staff' && row.actorId ? ctx.em.getReference(Staff, row.actorId, { wrapped: true }).load() : null,
      }),
    );
  }
}

@Resolver(() => ComplaintSettings)
export class ComplaintSettingsResolver {
  @Authorized(...COMPLAINT_ROLES)
  @Query(() => ComplaintSettings, { description: 'R-FU-3: the complaint deadlines of your store.' })
  complaintSettings(@Ctx() ctx: Context) {
    return ctx.services.complaints.settings(ctx.em, requireStaff(ctx).storeId);
  }

  @Authorized(Role.SERVICE_MANAGER)
  @Mutation(() => ComplaintSettingsPayload, { description: 'R-FU-3: sets the complaint deadlines (managers; optimistic lock).' })
  async updateComplaintSettings(@Arg('input', () => UpdateComplaintSettingsInput, { description: 'The deadlines.' }) input: UpdateComplaintSettingsInput, @Ctx() ctx: Context): Promise<ComplaintSettingsPayload> {
    return toPayload(ctx.locale, 'settings', await ctx.services.complaints.updateSettings(ctx.em, requireStaff(ctx), input));
  }
}
