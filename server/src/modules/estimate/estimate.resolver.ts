import { GraphQLError } from 'graphql';
import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { requireStaff } from '../../graphql/auth-checker.js';
import type { Context } from '../../graphql/context.js';
import { toPayload, toUserError } from '../../graphql/user-error.js';
import { loaded, loadedItems } from '../../db/loaded.js';
import type { Actor } from '../../shared/actor.js';
import { refusal } from '../../shared/result.js';
import { toGlobalId } from '../../shared/global-id.js';
import { Role } from '../staff/roles.js';
import { Staff } from '../staff/staff.entity.js';
import { WorkOrderProgress } from '../tracking/progress.types.js';
import { WorkOrder } from '../work-order/work-order.entity.js';
import { Upload } from '../upload/upload.entity.js';
import {
  ApproveEstimateByLinkInput,
  ApproveEstimateByLinkPayload,
  ApproveEstimateInput,
  EstimatePayload,
  EstimateTotals,
  EstimateWorkOrderPayload,
  PendingEstimate,
  PendingEstimateLine,
  SaveEstimateInput,
  SendEstimateInput,
  UpdateEstimateSettingsInput,
  EstimateSettingsPayload,
  AddSupplementalWorkInput,
  EstimateEvent,
  ConfirmWarrantyInput,
  EstimateLinePayload,
  WarrantyEligibility,
} from './dto/estimate.dto.js';
import { Estimate, EstimateApproval, EstimateLine, EstimateSettings, WarrantyDecision } from './estimate.entity.js';
import { ApprovalMethod } from './estimate.enums.js';
import { EstimateError } from './estimate.errors.js';
import { ESTIMATE_READER_ROLES, ESTIMATE_WRITER_ROLES, SUPPLEMENTAL_ROLES, WARRANTY_ELIGIBILITY_ROLES, WARRANTY_ROLES } from './estimate.process.js';
import { ESTIMATE, type EstimateAndOrder } from './estimate.service.js';
import { eventsOf } from '../../events/event-loader.js';
import type { Result } from '../../shared/result.js';

function estimateAndOrder(ctx: Context, result: Result<EstimateAndOrder>): EstimateWorkOrderPayload {
  const payload = toPayload(ctx.locale, 'estimate', result.ok ? { ok: true, value: result.value.estimate } : result);
  return Object.assign(new EstimateWorkOrderPayload(), payload, { workOrder: result.ok ? result.value.workOrder : null });
}

@Resolver(() => Estimate)
export class EstimateResolver {
  @Authorized(...ESTIMATE_READER_ROLES)
  @Query(() => Estimate, { nullable: true, description: 'One estimate of the store.' })
  estimate(@Arg('id', () => ID, { description: 'Global id of the estimate.' }) id: string, @Ctx() ctx: Context) {
    return ctx.services.estimates.findById(ctx.em, requireStaff(ctx).storeId, id);
  }

  @Authorized()
  @Query(() => EstimateSettings, { description: 'The store’s estimate settings (tax rate).' })
  estimateSettings(@Ctx() ctx: Context) {
    return ctx.services.estimates.settings(ctx.em, requireStaff(ctx).storeId);
  }

  @Authorized(Role.SERVICE_MANAGER)
  @Mutation(() => EstimateSettingsPayload, { description: 'Changes the store’s estimate settings; estimates take the rate when they are saved.' })
  async updateEstimateSettings(@Arg('input', () => UpdateEstimateSettingsInput, { description: 'What to do; see the input type.' }) input: UpdateEstimateSettingsInput, @Ctx() ctx: Context) {
    return toPayload(ctx.locale, 'settings', await ctx.services.estimates.updateSettings(ctx.em, requireStaff(ctx), input));
  }

  @Authorized(...ESTIMATE_WRITER_ROLES)
  @Mutation(() => EstimatePayload, { description: 'R-EST-2/3: writes an itemised estimate (a new one, or changes to a DRAFT with expectedVersion); amounts and totals are derived by the server.' })
  async saveEstimate(@Arg('input', () => SaveEstimateInput, { description: 'What to do; see the input type.' }) input: SaveEstimateInput, @Ctx() ctx: Context) {
    return toPayload(ctx.locale, 'estimate', await ctx.services.estimates.save(ctx.em, requireStaff(ctx), input));
  }

  @Authorized(...ESTIMATE_WRITER_ROLES)
  @Mutation(() => EstimateWorkOrderPayload, { description: 'Sends a DRAFT estimate to the customer (SENT); a DRAFT work order moves to AWAITING_APPROVAL in the same transaction.' })
  async sendEstimate(@Arg('input', () => SendEstimateInput, { description: 'What to do; see the input type.' }) input: SendEstimateInput, @Ctx() ctx: Context) {
    return estimateAndOrder(ctx, await ctx.services.estimates.send(ctx.em, requireStaff(ctx), input));
  }

  @Authorized(...ESTIMATE_WRITER_ROLES)
  @Mutation(() => EstimateWorkOrderPayload, {
    description: 'R-EST-4: records the customer’s approval taken on site (signature) or by phone. Immutable; the main estimate’s approval moves an AWAITING_APPROVAL order to QUEUED.',
  })
  async approveEstimate(@Arg('input', () => ApproveEstimateInput, { description: 'What to do; see the input type.' }) input: ApproveEstimateInput, @Ctx() ctx: Context) {
    return estimateAndOrder(ctx, await ctx.services.estimates.approve(ctx.em, requireStaff(ctx), input, ctx.services.uploads));
  }

  @Mutation(() => ApproveEstimateByLinkPayload, {
    description: 'R-EST-4: the customer approves the pending estimate of their own order through the progress link (no login; the token is the credential).',
  })
  async approveEstimateByLink(@Arg('input', () => ApproveEstimateByLinkInput, { description: 'What to do; see the input type.' }) input: ApproveEstimateByLinkInput, @Ctx() ctx: Context): Promise<ApproveEstimateByLinkPayload> {
    if (!ctx.viewer) await ctx.services.trackingRateLimit.consume(ctx.clientAddress);
    const wo = await ctx.services.tracking.findByToken(ctx.em, input.token);
    // Unknown and expired links look the same as an order with nothing to approve.
    if (!wo) return Object.assign(new ApproveEstimateByLinkPayload(), { progress: null, userErrors: [toUserError(ctx.locale, refusal(EstimateError.NO_PENDING_ESTIMATE, ['input', 'token']))] });
    const actor: Actor = { kind: 'customer', workOrderId: wo.id, storeId: wo.store.id };
    const result = await ctx.services.estimates.approve(ctx.em, actor, { ...input, method: ApprovalMethod.LINK, note: null, signatureId: null });
    if (!result.ok) return Object.assign(new ApproveEstimateByLinkPayload(), toPayload(ctx.locale, 'progress', result));
    return Object.assign(new ApproveEstimateByLinkPayload(), { progress: await ctx.services.tracking.progress(ctx.em.fork(), input.token, ctx.locale), userErrors: [] });
  }

  @Authorized(...WARRANTY_ELIGIBILITY_ROLES)
  @Query(() => WarrantyEligibility, { nullable: true, description: 'R-EST-5: whether the vehicle is under warranty today at this mileage (date and km against its purchase date and terms); null for an unknown vehicle.' })
  async warrantyEligibility(
    @Arg('vehicleId', () => ID, { description: 'Global id of the vehicle.' }) vehicleId: string,
    @Arg('mileage', () => Int, { description: 'The odometer reading now, in km.' }) mileage: number,
    @Ctx() ctx: Context,
  ): Promise<WarrantyEligibility | null> {
    const result = await ctx.services.estimates.warrantyEligibility(ctx.em, requireStaff(ctx).storeId, vehicleId, mileage);
    if (!result.ok) {
      const first = toUserError(ctx.locale, result.errors[0]);
      throw new GraphQLError(`${first.field?.join('.') ?? ''} ${first.message}`.trim(), { extensions: { code: 'BAD_USER_INPUT', userErrors: result.errors.map((e) => toUserError(ctx.locale, e)) } });
    }
    return result.value ? Object.assign(new WarrantyEligibility(), result.value) : null;
  }

  @Authorized(...WARRANTY_ROLES)
  @Mutation(() => EstimateLinePayload, { description: 'R-EST-5: the warranty clerk confirms a WARRANTY line (billed to the manufacturer) or not (it becomes payer CUSTOMER), before the estimate is approved.' })
  async confirmWarranty(@Arg('input', () => ConfirmWarrantyInput, { description: 'What to do; see the input type.' }) input: ConfirmWarrantyInput, @Ctx() ctx: Context) {
    return toPayload(ctx.locale, 'line', await ctx.services.estimates.confirmWarranty(ctx.em, requireStaff(ctx), input));
  }

  @Authorized(...SUPPLEMENTAL_ROLES)
  @Mutation(() => EstimateWorkOrderPayload, {
    description: 'R-EST-6: supplemental work found during the job: a supplemental estimate, sent to the customer at once; its labour becomes jobs waiting for approval (WAITING_APPROVAL on the card).',
  })
  async addSupplementalWork(@Arg('input', () => AddSupplementalWorkInput, { description: 'What to do; see the input type.' }) input: AddSupplementalWorkInput, @Ctx() ctx: Context) {
    return estimateAndOrder(ctx, await ctx.services.estimates.addSupplemental(ctx.em, requireStaff(ctx), input));
  }

  @FieldResolver(() => [EstimateLine], { description: 'The lines, in order.' })
  lines(@Root() e: Estimate) {
    return loadedItems(e.lines);
  }

  @FieldResolver(() => EstimateTotals, { description: 'R-EST-2: derived totals: proposed (every line, of an alternative group the first) before the decision, approved lines only after it.' })
  async totals(@Root() e: Estimate, @Ctx() ctx: Context): Promise<EstimateTotals> {
    return Object.assign(new EstimateTotals(), ctx.services.estimates.totals(e, await loadedItems(e.lines)));
  }

  @FieldResolver(() => [EstimateApproval], { description: 'R-EST-4: the customer’s approval (at most one per estimate; immutable).' })
  approvals(@Root() e: Estimate) {
    return loadedItems(e.approvals);
  }

  @Authorized()
  @FieldResolver(() => [EstimateEvent], { description: 'The timeline from the event log, oldest first: who saved, sent, approved, when.' })
  async events(@Root() e: Estimate, @Ctx() ctx: Context): Promise<EstimateEvent[]> {
    return (await eventsOf(ctx.em, ESTIMATE, e.id)).map((row) =>
      Object.assign(new EstimateEvent(), {
        kind: row.kind,
        version: typeof row.data.version === 'number' ? row.data.version : null,
        at: row.at,
        actorKind: row.actorKind,
        actor: row.actorKind === 'staff' && row.actorId ? ctx.em.getReference(Staff, row.actorId, { wrapped: true }).load() : null,
      }),
    );
  }

  @FieldResolver(() => WorkOrder, { description: 'The work order it prices.' })
  workOrder(@Root() e: Estimate) {
    return loaded(e.workOrder);
  }

  @FieldResolver(() => Staff, { nullable: true, description: 'Who wrote it.' })
  createdBy(@Root() e: Estimate) {
    return e.createdBy ? loaded(e.createdBy) : null;
  }
}

@Resolver(() => EstimateLine)
export class EstimateLineResolver {
  @FieldResolver(() => ID, { nullable: true, description: 'R-WO-5: the catalog part the line was priced from (global id of a Part); null for a part typed by hand and for labour and fees.' })
  partId(@Root() l: EstimateLine): string | null {
    return l.catalogPartId ? toGlobalId('Part', l.catalogPartId) : null;
  }

  @FieldResolver(() => WarrantyDecision, { nullable: true, description: 'R-EST-5: the warranty clerk’s decision; null until decided (and for lines never billed to warranty).' })
  warranty(@Root() l: EstimateLine): WarrantyDecision | null {
    if (l.warrantyConfirmed == null) return null;
    return Object.assign(new WarrantyDecision(), {
      confirmed: l.warrantyConfirmed,
      claimNumber: l.warrantyClaimNumber ?? null,
      note: l.warrantyNote ?? null,
      decidedAt: l.warrantyDecidedAt!,
      confirmedBy: l.warrantyDecidedBy ? loaded(l.warrantyDecidedBy) : null,
    });
  }
}

@Resolver(() => EstimateApproval)
export class EstimateApprovalResolver {
  @FieldResolver(() => Staff, { nullable: true, description: 'The staff member who recorded it; null when the customer approved through the link.' })
  approvedBy(@Root() a: EstimateApproval) {
    return a.approvedBy ? loaded(a.approvedBy) : null;
  }

  @FieldResolver(() => Upload, { nullable: true, description: 'ON_SITE_SIGNATURE: the customer’s signature.' })
  signature(@Root() a: EstimateApproval) {
    return a.signature ? loaded(a.signature) : null;
  }

  @FieldResolver(() => [EstimateLine], { description: 'The exact lines approved.' })
  async lines(@Root() a: EstimateApproval, @Ctx() ctx: Context) {
    return a.approvedLineIds.length ? ctx.em.find(EstimateLine, { id: { $in: a.approvedLineIds } }, { orderBy: { position: 'asc' } }) : [];
  }

  @FieldResolver(() => [EstimateLine], { description: 'The lines deferred to a later visit.' })
  async deferredLines(@Root() a: EstimateApproval, @Ctx() ctx: Context) {
    return a.deferredLineIds.length ? ctx.em.find(EstimateLine, { id: { $in: a.deferredLineIds } }, { orderBy: { position: 'asc' } }) : [];
  }
}

@Resolver(() => WorkOrder)
export class WorkOrderEstimatesResolver {
  @Authorized(...ESTIMATE_READER_ROLES)
  @FieldResolver(() => [Estimate], { description: 'The order’s estimates (main and supplemental), oldest first.' })
  estimates(@Root() wo: WorkOrder, @Ctx() ctx: Context) {
    return ctx.services.estimates.ofWorkOrder(ctx.em, wo.store.id, wo.id);
  }

  @Authorized(...ESTIMATE_READER_ROLES)
  @FieldResolver(() => EstimateTotals, { description: 'R-EST-6: what may be charged: the approved lines of the order’s approved estimates (main and supplemental), never an unapproved line.' })
  async chargeableTotals(@Root() wo: WorkOrder, @Ctx() ctx: Context): Promise<EstimateTotals> {
    return Object.assign(new EstimateTotals(), await ctx.services.estimates.chargeable(ctx.em, wo.store.id, wo.id));
  }
}

/** The customer's view of the estimate waiting for them: no cost, no staff, no internal fields. */
export function toPendingEstimate(e: Estimate, totals: EstimateTotals): PendingEstimate {
  return Object.assign(new PendingEstimate(), {
    id: e.globalId,
    version: e.version,
    supplemental: e.supplemental,
    taxBasisPoints: e.taxBasisPoints,
    reason: e.reason ?? null,
    totals,
    lines: e.lines.getItems().map((l) =>
      Object.assign(new PendingEstimateLine(), {
        id: l.globalId,
        kind: l.kind,
        description: l.description,
        partSource: l.partSource ?? null,
        quantity: l.quantity,
        unitPriceFen: l.unitPriceFen ?? null,
        standardHours: l.standardHours,
        amountFen: l.amountFen,
        payer: l.payer,
        alternativeGroup: l.alternativeGroup ?? null,
        tradeOff: l.tradeOff ?? null,
        deferrable: l.deferrable,
        risk: l.risk ?? null,
      }),
    ),
  });
}

@Resolver(() => WorkOrderProgress)
export class ProgressEstimateResolver {
  @FieldResolver(() => PendingEstimate, { nullable: true, description: '§14: the estimate waiting for the customer’s approval, if any (approve it with approveEstimateByLink).' })
  async pendingEstimate(@Root() p: WorkOrderProgress, @Ctx() ctx: Context): Promise<PendingEstimate | null> {
    const e = await ctx.services.estimates.pending(ctx.em, p.storeId, p.workOrderId);
    return e ? toPendingEstimate(e, Object.assign(new EstimateTotals(), ctx.services.estimates.totals(e, e.lines.getItems()))) : null;
  }
}
