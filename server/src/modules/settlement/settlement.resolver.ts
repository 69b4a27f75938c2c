import { Arg, Args, ArgsType, Authorized, Ctx, Field, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { requireStaff } from '../../graphql/auth-checker.js';
import type { Context } from '../../graphql/context.js';
import { ConnectionType, PAGE_ARGS, pageRequest } from '../../graphql/connection.js';
import { toPayload, UserError } from '../../graphql/user-error.js';
import { loaded } from '../../db/loaded.js';
import { dbId } from '../../shared/global-id.js';
import { Customer } from '../customer/customer.entity.js';
import { Role } from '../staff/roles.js';
import { Staff } from '../staff/staff.entity.js';
import { WorkOrder } from '../work-order/work-order.entity.js';
import {
  AdjustPointsInput,
  ReverseSettlementInput,
  ReverseSettlementPayload,
  SettlementPreview,
  SettlementSettingsPayload,
  SettleWorkOrderInput,
  SettleWorkOrderPayload,
  UpdateSettlementSettingsInput,
} from './dto/settlement.dto.js';
import { PointsEntry, Settlement, SettlementLine, SettlementReversal, SettlementSettings, SettlementTotals, toIssuedPart } from './settlement.entity.js';
import type { ChargeLine, SettlementTotals as Totals } from './settlement.rules.js';
import { SETTLE_ROLES, SETTLEMENT_READER_ROLES } from './settlement.service.js';

export const PointsEntryConnection = ConnectionType(PointsEntry, 'PointsEntry');

@ObjectType({ description: 'R-SEG-5: a customer’s points: the balance and the ledger.' })
export class CustomerPoints {
  customerId!: number;

  @Field(() => Int, { description: 'Points available; never negative.' })
  balance!: number;
}

@ArgsType()
class PageArgs {
  @Field(() => Int, { nullable: true, description: PAGE_ARGS.first })
  first?: number | null;

  @Field(() => String, { nullable: true, description: PAGE_ARGS.after })
  after?: string | null;

  @Field(() => Int, { nullable: true, description: PAGE_ARGS.last })
  last?: number | null;

  @Field(() => String, { nullable: true, description: PAGE_ARGS.before })
  before?: string | null;
}

@ObjectType({ description: 'The points after the change, or why not.' })
export class AdjustPointsPayload {
  @Field(() => CustomerPoints, { nullable: true, description: 'The customer’s points as they are now; null when refused.' })
  points?: CustomerPoints | null;

  @Field(() => [UserError], { description: 'Why nothing was written; empty on success.' })
  userErrors: UserError[] = [];
}

const toLines = (lines: ChargeLine[]) => lines.map((l) => Object.assign(new SettlementLine(), { description: l.description, kind: l.kind, amountFen: l.amountFen, payer: l.payer }));
const toTotals = (t: Totals) => Object.assign(new SettlementTotals(), t);

@Resolver(() => Settlement)
export class SettlementResolver {
  @Authorized(...SETTLEMENT_READER_ROLES)
  @Query(() => SettlementPreview, { nullable: true, description: 'R-DEL-3: what the order’s settlement would be now — approved lines only, warranty and insurance apart, tax, totals — and the customer’s points; null for an unknown order.' })
  async settlementPreview(@Arg('workOrderId', () => ID, { description: 'Global id of the work order.' }) workOrderId: string, @Ctx() ctx: Context): Promise<SettlementPreview | null> {
    const id = dbId(workOrderId, 'WorkOrder');
    const preview = id ? await ctx.services.settlements.preview(ctx.em, requireStaff(ctx).storeId, id) : null;
    return preview ? Object.assign(new SettlementPreview(), { lines: toLines(preview.lines), issuedParts: preview.issuedParts.map(toIssuedPart), totals: toTotals(preview.totals), pointsAvailable: preview.pointsAvailable, pointsPerYuan: preview.pointsPerYuan }) : null;
  }

  @Authorized(...SETTLE_ROLES)
  @Mutation(() => SettleWorkOrderPayload, { description: 'R-DEL-3: settles a READY work order (结算): approved lines only, discount with a reason (above the store’s limit a manager’s), points, tax, split payments adding up exactly, the invoice. Immutable and numbered.' })
  async settleWorkOrder(@Arg('input', () => SettleWorkOrderInput, { description: 'What to do; see the input type.' }) input: SettleWorkOrderInput, @Ctx() ctx: Context): Promise<SettleWorkOrderPayload> {
    const result = await ctx.services.settlements.settle(ctx.em, requireStaff(ctx), input);
    return Object.assign(new SettleWorkOrderPayload(), toPayload(ctx.locale, 'settlement', result), { workOrder: result.ok ? await loaded(result.value.workOrder) : null });
  }

  @Authorized(Role.SERVICE_MANAGER)
  @Mutation(() => ReverseSettlementPayload, { description: 'A correction: reverses a settlement with the reason (managers); points go back; the order may then be settled again.' })
  async reverseSettlement(@Arg('input', () => ReverseSettlementInput, { description: 'What to do; see the input type.' }) input: ReverseSettlementInput, @Ctx() ctx: Context) {
    return toPayload(ctx.locale, 'reversal', await ctx.services.settlements.reverse(ctx.em, requireStaff(ctx), input));
  }

  @Authorized()
  @Query(() => SettlementSettings, { description: 'The store’s cash-desk settings (discount limit, points rates).' })
  settlementSettings(@Ctx() ctx: Context) {
    return ctx.services.settlements.settings(ctx.em, requireStaff(ctx).storeId);
  }

  @Authorized(Role.SERVICE_MANAGER)
  @Mutation(() => SettlementSettingsPayload, { description: 'Changes the store’s cash-desk settings (managers).' })
  async updateSettlementSettings(@Arg('input', () => UpdateSettlementSettingsInput, { description: 'What to do; see the input type.' }) input: UpdateSettlementSettingsInput, @Ctx() ctx: Context) {
    return toPayload(ctx.locale, 'settings', await ctx.services.settlements.updateSettings(ctx.em, requireStaff(ctx), input));
  }

  @Authorized(Role.SERVICE_MANAGER)
  @Mutation(() => AdjustPointsPayload, { description: 'R-SEG-5: adds or takes a customer’s points by hand with the reason (behaviour points such as check-in or sharing; corrections); managers.' })
  async adjustPoints(@Arg('input', () => AdjustPointsInput, { description: 'What to do; see the input type.' }) input: AdjustPointsInput, @Ctx() ctx: Context) {
    const result = await ctx.services.settlements.adjustPoints(ctx.em, requireStaff(ctx), input);
    const payload = toPayload(ctx.locale, 'points', result.ok ? { ok: true as const, value: Object.assign(new CustomerPoints(), { customerId: result.value.customer.id, balance: result.value.balance }) } : result);
    return Object.assign(new AdjustPointsPayload(), payload);
  }

  @FieldResolver(() => WorkOrder, { description: 'The work order settled.' })
  workOrder(@Root() s: Settlement) {
    return loaded(s.workOrder);
  }

  @FieldResolver(() => Staff, { nullable: true, description: 'Who settled it; null when the system did.' })
  settledBy(@Root() s: Settlement) {
    return s.settledBy ? loaded(s.settledBy) : null;
  }

  @FieldResolver(() => SettlementReversal, { nullable: true, description: 'Its reversal, when corrected; null while in force.' })
  reversal(@Root() s: Settlement, @Ctx() ctx: Context) {
    return ctx.services.settlements.reversalOf(ctx.em, s.id);
  }
}

@Resolver(() => SettlementReversal)
export class SettlementReversalResolver {
  @FieldResolver(() => Staff, { nullable: true, description: 'The manager who reversed it.' })
  reversedBy(@Root() r: SettlementReversal) {
    return r.reversedBy ? loaded(r.reversedBy) : null;
  }
}

/** `WorkOrder.settlement`, resolved here so the work-order module stays unaware of settlements. */
@Resolver(() => WorkOrder)
export class WorkOrderSettlementResolver {
  @Authorized(...SETTLEMENT_READER_ROLES)
  @FieldResolver(() => Settlement, { nullable: true, description: 'R-DEL-3: the settlement in force (not reversed); null until settled. Cashier, advisors, managers.' })
  settlement(@Root() wo: WorkOrder, @Ctx() ctx: Context) {
    return ctx.services.settlements.active(ctx.em, wo.id);
  }
}

/** `Customer.points` (R-SEG-5). */
@Resolver(() => Customer)
export class CustomerPointsResolver {
  @Authorized()
  @FieldResolver(() => CustomerPoints, { description: 'R-SEG-5: the customer’s points balance and ledger.' })
  async points(@Root() c: Customer, @Ctx() ctx: Context): Promise<CustomerPoints> {
    return Object.assign(new CustomerPoints(), { customerId: c.id, balance: await ctx.services.settlements.balance(ctx.em, c.id) });
  }
}

@Resolver(() => CustomerPoints)
export class CustomerPointsHistoryResolver {
  @FieldResolver(() => PointsEntryConnection, { description: 'R-SEG-5: every entry with its reason, newest first.' })
  history(@Root() p: CustomerPoints, @Args(() => PageArgs) args: PageArgs, @Ctx() ctx: Context) {
    return ctx.services.settlements.history(ctx.em, p.customerId, pageRequest(args.first, args.after, args.last, args.before));
  }
}
