import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { requireStaff } from '../../graphql/auth-checker.js';
import { PAGE_ARGS, pageRequest } from '../../graphql/connection.js';
import type { Context } from '../../graphql/context.js';
import { toPayload } from '../../graphql/user-error.js';
import { eventsOf } from '../../events/event-loader.js';
import type { Result } from '../../shared/result.js';
import { encodeBoardCursor } from '../board/board-cursor.js';
import { loaded, loadedItems } from '../../db/loaded.js';
import { Customer } from '../customer/customer.entity.js';
import { Role, TRACKING_LINK_ROLES } from '../staff/roles.js';
import { Staff } from '../staff/staff.entity.js';
import { Bay } from '../store/bay.entity.js';
import { Vehicle } from '../vehicle/vehicle.entity.js';
import { AssignWorkOrderInput } from './dto/assign-work-order.input.js';
import { CreateWorkOrderInput } from './dto/create-work-order.input.js';
import { ReportWorkOrderDelayInput } from './dto/report-delay.input.js';
import { TransitionWorkOrderInput } from './dto/transition-work-order.input.js';
import { WorkOrderFilter } from './dto/work-order-filter.input.js';
import { WorkOrderConnection, WorkOrderPayload } from './dto/work-order.payload.js';
import { Job } from './job.entity.js';
import { WORK_ORDER, WorkOrderEvent } from './work-order-event.js';
import { WorkOrder } from './work-order.entity.js';
import { WorkOrderStatus } from './work-order.enums.js';
import { DELAY_ROLES, DISPATCH_ROLES, MOVER_ROLES, nextStatuses } from './work-order.process.js';

const payload = (ctx: Context, result: Result<WorkOrder>): WorkOrderPayload => toPayload(ctx.locale, 'workOrder', result);

@Resolver(() => WorkOrder)
export class WorkOrderResolver {
  @Authorized()
  @Query(() => WorkOrder, { nullable: true })
  workOrder(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.workOrders.findById(ctx.em, requireStaff(ctx).storeId, id);
  }

  @Authorized()
  @Query(() => WorkOrderConnection)
  workOrders(
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true, description: PAGE_ARGS.first }) first?: number,
    @Arg('after', () => String, { nullable: true, description: PAGE_ARGS.after }) after?: string,
    @Arg('last', () => Int, { nullable: true, description: PAGE_ARGS.last }) last?: number,
    @Arg('before', () => String, { nullable: true, description: PAGE_ARGS.before }) before?: string,
    @Arg('filter', () => WorkOrderFilter, { nullable: true }) filter?: WorkOrderFilter,
  ) {
    return ctx.services.workOrders.list(ctx.em, requireStaff(ctx).storeId, pageRequest(first, after, last, before), filter);
  }

  @Authorized(Role.SERVICE_ADVISOR, Role.SERVICE_MANAGER)
  @Mutation(() => WorkOrderPayload)
  async createWorkOrder(@Arg('input', () => CreateWorkOrderInput) input: CreateWorkOrderInput, @Ctx() ctx: Context) {
    return payload(ctx, await ctx.services.workOrders.create(ctx.em, requireStaff(ctx), input));
  }

  @Authorized(...DISPATCH_ROLES)
  @Mutation(() => WorkOrderPayload, { description: 'Dispatch (R-WO-3): a bay and technicians whose skills cover every job.' })
  async assignWorkOrder(@Arg('input', () => AssignWorkOrderInput) input: AssignWorkOrderInput, @Ctx() ctx: Context) {
    return payload(ctx, await ctx.services.workOrders.assign(ctx.em, requireStaff(ctx), input));
  }

  @Authorized(...MOVER_ROLES)
  @Mutation(() => WorkOrderPayload, { description: 'Moves a work order along the transitions table (R-WO-1).' })
  async transitionWorkOrder(@Arg('input', () => TransitionWorkOrderInput) input: TransitionWorkOrderInput, @Ctx() ctx: Context) {
    return payload(ctx, await ctx.services.workOrders.transition(ctx.em, requireStaff(ctx), input));
  }

  @Authorized(...DELAY_ROLES)
  @Mutation(() => WorkOrderPayload, { description: 'R-WO-7: moves the promised time and tells the customer why and what is offered.' })
  async reportWorkOrderDelay(@Arg('input', () => ReportWorkOrderDelayInput) input: ReportWorkOrderDelayInput, @Ctx() ctx: Context) {
    return payload(ctx, await ctx.services.workOrders.reportDelay(ctx.em, requireStaff(ctx), input));
  }

  @FieldResolver(() => Vehicle)
  vehicle(@Root() wo: WorkOrder) {
    return loaded(wo.vehicle);
  }

  /** Customer data is for staff only, never for a wall display. */
  @Authorized()
  @FieldResolver(() => Customer)
  customer(@Root() wo: WorkOrder) {
    return loaded(wo.customer);
  }

  @FieldResolver(() => Staff)
  advisor(@Root() wo: WorkOrder) {
    return loaded(wo.advisor);
  }

  @FieldResolver(() => Bay, { nullable: true })
  bay(@Root() wo: WorkOrder) {
    return wo.bay ? loaded(wo.bay) : null;
  }

  @FieldResolver(() => [Staff])
  technicians(@Root() wo: WorkOrder) {
    return loadedItems(wo.technicians);
  }

  @FieldResolver(() => [Job])
  jobs(@Root() wo: WorkOrder) {
    return loadedItems(wo.jobs);
  }

  /** The customer's own words may name people and places: staff only. */
  @Authorized()
  @FieldResolver(() => String, { description: "The customer's own words (R-REC-4)." })
  complaint(@Root() wo: WorkOrder): string {
    return wo.complaint;
  }

  @Authorized()
  @FieldResolver(() => [WorkOrderEvent], { description: 'The timeline, oldest first (R-WO-2).' })
  async events(@Root() wo: WorkOrder, @Ctx() ctx: Context): Promise<WorkOrderEvent[]> {
    return (await eventsOf(ctx.em, WORK_ORDER, wo.id)).map(WorkOrderEvent.fromLog);
  }

  @Authorized(...TRACKING_LINK_ROLES)
  @FieldResolver(() => String, { description: "The customer's progress link; share it only with the customer. Managers, advisors and customer service only." })
  trackingUrl(@Root() wo: WorkOrder, @Ctx() ctx: Context): string {
    return `${ctx.services.config.publicUrl}/t/${wo.trackingToken}`;
  }

  @Authorized()
  @FieldResolver(() => [WorkOrderStatus], { description: 'Statuses the transitions table allows next (roles aside).' })
  nextStatuses(@Root() wo: WorkOrder): WorkOrderStatus[] {
    return nextStatuses(wo.status, wo.startedAt != null);
  }
}

@Resolver(() => WorkOrderEvent)
export class WorkOrderEventResolver {
  @FieldResolver(() => String, { description: 'Board cursor of this event.' })
  cursor(@Root() event: WorkOrderEvent): string {
    return encodeBoardCursor(event.storeId, event.seq);
  }

  @FieldResolver(() => Staff, { nullable: true, description: 'The staff member who made the change; null for the system, a display or the customer.' })
  actor(@Root() event: WorkOrderEvent, @Ctx() ctx: Context) {
    return event.actorKind === 'staff' && event.actorId ? ctx.em.getReference(Staff, event.actorId, { wrapped: true }).load() : null;
  }
}
