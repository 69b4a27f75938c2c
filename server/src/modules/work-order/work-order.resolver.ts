import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { requireStaff } from '../../graphql/auth-checker.js';
import { PAGE_ARGS, pageRequest } from '../../graphql/connection.js';
import type { Context } from '../../graphql/context.js';
import type { Result } from '../../graphql/user-error.js';
import { encodeBoardCursor } from '../board/board-cursor.js';
import { loaded, loadedItems } from '../../db/loaded.js';
import { Customer } from '../customer/customer.entity.js';
import { Role } from '../staff/roles.js';
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
import { WorkOrderEvent } from './work-order-event.entity.js';
import { WorkOrder } from './work-order.entity.js';
import { WorkOrderStatus } from './work-order.enums.js';
import { nextStatuses } from './work-order.process.js';

const payload = (result: Result<WorkOrder>): WorkOrderPayload =>
  result.ok ? { workOrder: result.value, userErrors: [] } : { workOrder: null, userErrors: result.errors };

const MOVERS = [Role.SERVICE_ADVISOR, Role.SERVICE_MANAGER, Role.FOREMAN, Role.TECHNICIAN, Role.TEAM_LEADER, Role.QC_INSPECTOR, Role.PARTS_CLERK];

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
    return payload(await ctx.services.workOrders.create(ctx.em, requireStaff(ctx), ctx.locale, input));
  }

  @Authorized(Role.FOREMAN, Role.SERVICE_MANAGER)
  @Mutation(() => WorkOrderPayload, { description: 'Dispatch (R-WO-3): a bay and technicians whose skills cover every job.' })
  async assignWorkOrder(@Arg('input', () => AssignWorkOrderInput) input: AssignWorkOrderInput, @Ctx() ctx: Context) {
    return payload(await ctx.services.workOrders.assign(ctx.em, requireStaff(ctx), ctx.locale, input));
  }

  @Authorized(...MOVERS)
  @Mutation(() => WorkOrderPayload, { description: 'Moves a work order along the transitions table (R-WO-1).' })
  async transitionWorkOrder(@Arg('input', () => TransitionWorkOrderInput) input: TransitionWorkOrderInput, @Ctx() ctx: Context) {
    return payload(await ctx.services.workOrders.transition(ctx.em, requireStaff(ctx), ctx.locale, input));
  }

  @Authorized(Role.SERVICE_ADVISOR, Role.SERVICE_MANAGER, Role.FOREMAN)
  @Mutation(() => WorkOrderPayload, { description: 'R-WO-7: moves the promised time and tells the customer why and what is offered.' })
  async reportWorkOrderDelay(@Arg('input', () => ReportWorkOrderDelayInput) input: ReportWorkOrderDelayInput, @Ctx() ctx: Context) {
    return payload(await ctx.services.workOrders.reportDelay(ctx.em, requireStaff(ctx), ctx.locale, input));
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
  events(@Root() wo: WorkOrder) {
    return loadedItems(wo.events);
  }

  @Authorized()
  @FieldResolver(() => String, { description: "The customer's progress link; share it only with the customer." })
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
    return encodeBoardCursor(event.store.id, event.seq);
  }

  @FieldResolver(() => Staff, { nullable: true })
  actor(@Root() event: WorkOrderEvent) {
    return event.actor ? event.actor.load() : null;
  }
}
