import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { requireStaff } from '../../graphql/auth-checker.js';
import type { Context } from '../../graphql/context.js';
import { toPayload } from '../../graphql/user-error.js';
import { loaded } from '../../db/loaded.js';
import { Staff } from '../staff/staff.entity.js';
import { WorkOrderPayload } from '../work-order/dto/work-order.payload.js';
import { WorkOrder } from '../work-order/work-order.entity.js';
import { QualityLevel } from '../work-order/work-order.enums.js';
import { SignQualityCheckInput } from './dto/quality-check.dto.js';
import { QualityCheck } from './quality-check.entity.js';
import { QC_SIGNER_ROLES } from './quality-check.service.js';

@Resolver(() => QualityCheck)
export class QualityCheckResolver {
  @Authorized(...QC_SIGNER_ROLES)
  @Mutation(() => WorkOrderPayload, { description: 'R-QC-1/2: signs a level of the quality check (三检): SELF by an assigned technician, MUTUAL by a team leader, FINAL by a QC inspector (road test), in order, one person one level. FAIL (with cause and responsible person) sends the order back to IN_PROGRESS as rework and starts a new round.' })
  async signQualityCheck(@Arg('input', () => SignQualityCheckInput, { description: 'What to do; see the input type.' }) input: SignQualityCheckInput, @Ctx() ctx: Context) {
    return toPayload(ctx.locale, 'workOrder', await ctx.services.qualityChecks.sign(ctx.em, requireStaff(ctx), input));
  }

  @FieldResolver(() => Staff, { description: 'Who signed.' })
  signedBy(@Root() c: QualityCheck) {
    return loaded(c.signedBy);
  }

  @FieldResolver(() => Staff, { nullable: true, description: 'FAIL: the staff member responsible (R-QC-2); null for a pass.' })
  responsible(@Root() c: QualityCheck) {
    return c.responsible ? loaded(c.responsible) : null;
  }
}

/** The quality check's fields on the work order, resolved here so the work-order module stays unaware of it. */
@Resolver(() => WorkOrder)
export class WorkOrderQualityResolver {
  @Authorized()
  @FieldResolver(() => [QualityCheck], { description: 'R-QC-1/2: every signed level, by round (oldest first).' })
  qualityChecks(@Root() wo: WorkOrder, @Ctx() ctx: Context) {
    return ctx.services.qualityChecks.checksOf(ctx.em, wo.id);
  }

  @FieldResolver(() => QualityLevel, { nullable: true, description: 'R-QC-1: the highest level passed in the current round; null before the self-check and after a rework.' })
  qualityLevel(@Root() wo: WorkOrder): QualityLevel | null {
    return wo.qualityLevel ?? null;
  }
}
