import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { requireStaff } from '../../graphql/auth-checker.js';
import { PAGE_ARGS, pageRequest } from '../../graphql/connection.js';
import type { Context } from '../../graphql/context.js';
import { toPayload } from '../../graphql/user-error.js';
import { loaded } from '../../db/loaded.js';
import { translate } from '../../i18n/messages.js';
import { AdvisorTask, Appointment } from '../appointment/appointment.entity.js';
import { BookAppointmentPayload } from '../appointment/dto/appointment.dto.js';
import { Staff } from '../staff/staff.entity.js';
import { Vehicle } from '../vehicle/vehicle.entity.js';
import { Job } from '../work-order/job.entity.js';
import { WorkOrder } from '../work-order/work-order.entity.js';
import {
  AdjustStockInput,
  AppointmentPart,
  CreatePartInput,
  CreatePurchaseRequestInput,
  IssuePartsInput,
  IssuePartsPayload,
  PartConnection,
  PartFilter,
  PartPayload,
  PurchaseRequestConnection,
  PurchaseRequestFilter,
  PurchaseRequestPayload,
  ReceiveStockInput,
  ReceiveStockPayload,
  RequestPartsInput,
  RequestPartsPayload,
  ReturnPartsInput,
  StockMovementConnection,
  TransitionPurchaseRequestInput,
} from './dto/parts.dto.js';
import { Part, PartIssue, PartStock, PurchaseRequest, StockMovement } from './parts.entity.js';
import { PurchaseRequestOrigin } from './parts.enums.js';
import { ISSUE_ROLES, PARTS_ROLES, PURCHASE_REQUEST_READER_ROLES, PURCHASE_REQUESTER_ROLES } from './parts.process.js';

@Resolver(() => Part)
export class PartResolver {
  @Authorized()
  @Query(() => PartConnection, { description: 'The store’s parts catalog with stock, in the order parts were added (R-WO-5).' })
  parts(
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true, description: PAGE_ARGS.first }) first?: number,
    @Arg('after', () => String, { nullable: true, description: PAGE_ARGS.after }) after?: string,
    @Arg('last', () => Int, { nullable: true, description: PAGE_ARGS.last }) last?: number,
    @Arg('before', () => String, { nullable: true, description: PAGE_ARGS.before }) before?: string,
    @Arg('filter', () => PartFilter, { nullable: true, description: 'Which parts.' }) filter?: PartFilter,
  ) {
    return ctx.services.parts.list(ctx.em, requireStaff(ctx).storeId, pageRequest(first, after, last, before), filter);
  }

  @Authorized()
  @Query(() => Part, { nullable: true, description: 'One part of the store’s catalog.' })
  part(@Arg('id', () => ID, { description: 'Global id of the part.' }) id: string, @Ctx() ctx: Context) {
    return ctx.services.parts.findPart(ctx.em, requireStaff(ctx).storeId, id);
  }

  @Authorized(...PARTS_ROLES)
  @Mutation(() => PartPayload, { description: 'Adds a part to the store’s catalog with its stock settings (parts clerk, managers).' })
  async createPart(@Arg('input', () => CreatePartInput, { description: 'What to do; see the input type.' }) input: CreatePartInput, @Ctx() ctx: Context) {
    return toPayload(ctx.locale, 'part', await ctx.services.parts.createPart(ctx.em, requireStaff(ctx), input));
  }

  @Authorized(...PARTS_ROLES)
  @Mutation(() => ReceiveStockPayload, { description: 'Records goods received into stock (a RECEIVE movement), against a purchase request if named: it is RECEIVED once all it asked for came.' })
  async receiveStock(@Arg('input', () => ReceiveStockInput, { description: 'What to do; see the input type.' }) input: ReceiveStockInput, @Ctx() ctx: Context): Promise<ReceiveStockPayload> {
    const result = await ctx.services.parts.receiveStock(ctx.em, requireStaff(ctx), input);
    return Object.assign(new ReceiveStockPayload(), toPayload(ctx.locale, 'part', result.ok ? { ok: true as const, value: result.value.part } : result), {
      purchaseRequest: result.ok ? result.value.purchaseRequest : null,
    });
  }

  @Authorized(...PARTS_ROLES)
  @Mutation(() => PartPayload, { description: 'Corrects the stock after a count (an ADJUST movement with its reason); never below what is reserved.' })
  async adjustStock(@Arg('input', () => AdjustStockInput, { description: 'What to do; see the input type.' }) input: AdjustStockInput, @Ctx() ctx: Context) {
    return toPayload(ctx.locale, 'part', await ctx.services.parts.adjustStock(ctx.em, requireStaff(ctx), input));
  }

  @Authorized(...ISSUE_ROLES)
  @Mutation(() => IssuePartsPayload, { description: 'R-WO-5: issues parts to a job of a work order in progress; each must fit the vehicle’s model (the foreman may override with a reason). The order’s appointment’s reserved parts are used first.' })
  async issueParts(@Arg('input', () => IssuePartsInput, { description: 'What to do; see the input type.' }) input: IssuePartsInput, @Ctx() ctx: Context): Promise<IssuePartsPayload> {
    const result = await ctx.services.parts.issueParts(ctx.em, requireStaff(ctx), input);
    const payload = toPayload(ctx.locale, 'issues', result);
    return Object.assign(new IssuePartsPayload(), { userErrors: payload.userErrors, issues: payload.issues ?? [] });
  }

  @Authorized(...ISSUE_ROLES)
  @Mutation(() => RequestPartsPayload, {
    description:
      'R-WO-5: asks for parts for a job of a work order in progress (same checks as issueParts). Lines in stock are issued at once; a line stock cannot cover raises a purchase request for the missing units, linked to the job, which waits for parts (the card shows WAITING_PARTS) until its requests are received or cancelled.',
  })
  async requestParts(@Arg('input', () => RequestPartsInput, { description: 'What to do; see the input type.' }) input: RequestPartsInput, @Ctx() ctx: Context): Promise<RequestPartsPayload> {
    const result = await ctx.services.parts.requestParts(ctx.em, requireStaff(ctx), input);
    if (!result.ok) return Object.assign(new RequestPartsPayload(), { userErrors: toPayload(ctx.locale, 'issues', result).userErrors });
    const workOrder = await ctx.em.findOne(WorkOrder, result.value.issues[0]?.workOrder.id ?? result.value.purchaseRequests[0]?.workOrder?.id ?? 0, { refresh: true });
    return Object.assign(new RequestPartsPayload(), { issues: result.value.issues, purchaseRequests: result.value.purchaseRequests, workOrder });
  }

  @Authorized(...ISSUE_ROLES)
  @Mutation(() => PartPayload, { description: 'Puts issued parts back into stock (a RETURN movement), with the reason.' })
  async returnParts(@Arg('input', () => ReturnPartsInput, { description: 'What to do; see the input type.' }) input: ReturnPartsInput, @Ctx() ctx: Context) {
    return toPayload(ctx.locale, 'part', await ctx.services.parts.returnParts(ctx.em, requireStaff(ctx), input));
  }

  @FieldResolver(() => PartStock, { description: 'Stock in the store.' })
  stock(@Root() p: Part, @Ctx() ctx: Context) {
    return ctx.services.parts.stockOf(ctx.em, p);
  }

  @Authorized(...PARTS_ROLES)
  @FieldResolver(() => StockMovementConnection, { description: 'Every stock movement of the part, oldest first (parts clerk, managers).' })
  movements(
    @Root() p: Part,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true, description: PAGE_ARGS.first }) first?: number,
    @Arg('after', () => String, { nullable: true, description: PAGE_ARGS.after }) after?: string,
    @Arg('last', () => Int, { nullable: true, description: PAGE_ARGS.last }) last?: number,
    @Arg('before', () => String, { nullable: true, description: PAGE_ARGS.before }) before?: string,
  ) {
    return ctx.services.parts.movements(ctx.em, p.id, pageRequest(first, after, last, before));
  }
}

@Resolver(() => StockMovement)
export class StockMovementResolver {
  @FieldResolver(() => Staff, { nullable: true, description: 'The staff member who moved it; null for the system.' })
  actor(@Root() m: StockMovement) {
    return m.actor ? loaded(m.actor) : null;
  }
}

@Resolver(() => PurchaseRequest)
export class PurchaseRequestResolver {
  @Authorized(...PURCHASE_REQUEST_READER_ROLES)
  @Query(() => PurchaseRequestConnection, { description: 'The store’s purchase requests, oldest first.' })
  purchaseRequests(
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true, description: PAGE_ARGS.first }) first?: number,
    @Arg('after', () => String, { nullable: true, description: PAGE_ARGS.after }) after?: string,
    @Arg('last', () => Int, { nullable: true, description: PAGE_ARGS.last }) last?: number,
    @Arg('before', () => String, { nullable: true, description: PAGE_ARGS.before }) before?: string,
    @Arg('filter', () => PurchaseRequestFilter, { nullable: true, description: 'Which requests.' }) filter?: PurchaseRequestFilter,
  ) {
    return ctx.services.parts.purchaseRequests(ctx.em, requireStaff(ctx).storeId, pageRequest(first, after, last, before), filter);
  }

  @Authorized(...PURCHASE_REQUESTER_ROLES)
  @Mutation(() => PurchaseRequestPayload, { description: 'Raises a purchase request by hand (a technician who needs a part, the parts clerk, an advisor for a booked visit).' })
  async createPurchaseRequest(@Arg('input', () => CreatePurchaseRequestInput, { description: 'What to do; see the input type.' }) input: CreatePurchaseRequestInput, @Ctx() ctx: Context) {
    return toPayload(ctx.locale, 'purchaseRequest', await ctx.services.parts.createPurchaseRequest(ctx.em, requireStaff(ctx), input));
  }

  @Authorized(...PARTS_ROLES)
  @Mutation(() => PurchaseRequestPayload, { description: 'Moves a purchase request along its transitions table: ORDERED, or CANCELLED with a reason (RECEIVED comes with receiveStock).' })
  async transitionPurchaseRequest(@Arg('input', () => TransitionPurchaseRequestInput, { description: 'What to do; see the input type.' }) input: TransitionPurchaseRequestInput, @Ctx() ctx: Context) {
    return toPayload(ctx.locale, 'purchaseRequest', await ctx.services.parts.transitionPurchaseRequest(ctx.em, requireStaff(ctx), input));
  }

  @FieldResolver(() => Part, { description: 'The part asked for.' })
  part(@Root() r: PurchaseRequest) {
    return loaded(r.part);
  }

  @FieldResolver(() => String, { description: 'Why it was raised, in the reader’s language (the reorder point, a booking’s shortage, or the text given).' })
  reason(@Root() r: PurchaseRequest, @Ctx() ctx: Context): string {
    if (r.origin === PurchaseRequestOrigin.MANUAL) return r.note ?? '';
    const key = { [PurchaseRequestOrigin.REORDER_POINT]: 'PR_REORDER_POINT', [PurchaseRequestOrigin.BOOKING_SHORTAGE]: 'PR_BOOKING_SHORTAGE', [PurchaseRequestOrigin.JOB_SHORTAGE]: 'PR_JOB_SHORTAGE' }[r.origin];
    return translate(ctx.locale, key, r.params);
  }

  @FieldResolver(() => Appointment, { nullable: true, description: 'The appointment the parts are for, when there is one (a shortage refuses the booking, so its requests name the vehicle instead).' })
  appointment(@Root() r: PurchaseRequest) {
    return r.appointment ? loaded(r.appointment) : null;
  }

  @FieldResolver(() => Vehicle, { nullable: true, description: 'R-APT-5: the vehicle of the booking refused for the shortage.' })
  vehicle(@Root() r: PurchaseRequest) {
    return r.vehicle ? loaded(r.vehicle) : null;
  }

  @FieldResolver(() => AdvisorTask, { nullable: true, description: 'R-APT-5: the advisor’s task to call the customer when the parts arrive.' })
  followUpTask(@Root() r: PurchaseRequest) {
    return r.followUpTask ? loaded(r.followUpTask) : null;
  }

  @FieldResolver(() => WorkOrder, { nullable: true, description: 'R-WO-5: the work order whose job waits for these parts (requestParts); else null.' })
  workOrder(@Root() r: PurchaseRequest) {
    return r.workOrder ? loaded(r.workOrder) : null;
  }

  @FieldResolver(() => Job, { nullable: true, description: 'R-WO-5: the job that waits for these parts (requestParts); else null.' })
  job(@Root() r: PurchaseRequest) {
    return r.job ? loaded(r.job) : null;
  }

  @FieldResolver(() => Staff, { nullable: true, description: 'Who raised it; null when raised by the system.' })
  createdBy(@Root() r: PurchaseRequest) {
    return r.createdBy ? loaded(r.createdBy) : null;
  }
}

@Resolver(() => PartIssue)
export class PartIssueResolver {
  @FieldResolver(() => Part, { description: 'The part issued.' })
  part(@Root() i: PartIssue) {
    return loaded(i.part);
  }

  @FieldResolver(() => Job, { description: 'The job it was issued to.' })
  job(@Root() i: PartIssue) {
    return loaded(i.job);
  }

  @FieldResolver(() => WorkOrder, { description: 'The work order.' })
  workOrder(@Root() i: PartIssue) {
    return loaded(i.workOrder);
  }

  @FieldResolver(() => Staff, { nullable: true, description: 'Who issued it; null for the system.' })
  issuedBy(@Root() i: PartIssue) {
    return i.issuedBy ? loaded(i.issuedBy) : null;
  }
}

/** R-WO-5: the part numbers recorded per job, resolved here so the work-order module stays unaware of parts. */
@Resolver(() => Job)
export class JobPartsResolver {
  @Authorized()
  @FieldResolver(() => [PartIssue], { description: 'R-WO-5: parts issued to this job, oldest first.' })
  parts(@Root() j: Job, @Ctx() ctx: Context) {
    return ctx.services.parts.issuesOfJob(ctx.em, j.id);
  }
}

/** R-APT-5: the parts a booking holds. */
@Resolver(() => Appointment)
export class AppointmentPartsResolver {
  @FieldResolver(() => [AppointmentPart], { description: 'R-APT-2/5: the parts booked for the visit and how many are still held in stock.' })
  async parts(@Root() a: Appointment, @Ctx() ctx: Context): Promise<AppointmentPart[]> {
    return (await ctx.services.parts.reservationsOf(ctx.em, a.id)).map((r) => Object.assign(new AppointmentPart(), { partNumber: r.part.getEntity().partNumber, quantity: r.quantity, reserved: r.reserved }));
  }
}

/** R-APT-5: what a booking refused for a parts shortage raised. */
@Resolver(() => BookAppointmentPayload)
export class BookingPartsResolver {
  @FieldResolver(() => PurchaseRequest, { nullable: true, description: 'R-APT-5: refused for a parts shortage — the purchase request raised (the first, when several parts were short); else null.' })
  purchaseRequest(@Root() p: BookAppointmentPayload) {
    return (p.purchaseRequestsRaised[0] as PurchaseRequest | undefined) ?? null;
  }

  @FieldResolver(() => [PurchaseRequest], { description: 'R-APT-5: every purchase request a parts shortage raised, one per short part; empty otherwise.' })
  purchaseRequests(@Root() p: BookAppointmentPayload) {
    return p.purchaseRequestsRaised as PurchaseRequest[];
  }
}
