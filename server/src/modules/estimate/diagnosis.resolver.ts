import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { requireStaff } from '../../graphql/auth-checker.js';
import type { Context } from '../../graphql/context.js';
import { toPayload } from '../../graphql/user-error.js';
import { loaded } from '../../db/loaded.js';
import { Staff } from '../staff/staff.entity.js';
import { Upload } from '../upload/upload.entity.js';
import { WorkOrder } from '../work-order/work-order.entity.js';
import { DiagnosisPayload, RecordDiagnosisInput } from './dto/diagnosis.dto.js';
import { Diagnosis, TeardownConsent } from './diagnosis.entity.js';
import { DIAGNOSIS_ROLES } from './estimate.process.js';

@Resolver(() => Diagnosis)
export class DiagnosisResolver {
  @Authorized(...DIAGNOSIS_ROLES)
  @Mutation(() => DiagnosisPayload, { description: 'R-EST-1: records a diagnosis report; R-REC-5: a teardown diagnosis needs the customer’s consent, given with it.' })
  async recordDiagnosis(@Arg('input', () => RecordDiagnosisInput, { description: 'What to do; see the input type.' }) input: RecordDiagnosisInput, @Ctx() ctx: Context) {
    return toPayload(ctx.locale, 'diagnosis', await ctx.services.diagnoses.record(ctx.em, requireStaff(ctx), input, ctx.services.uploads));
  }

  @FieldResolver(() => Staff, { nullable: true, description: 'Who diagnosed.' })
  diagnosedBy(@Root() d: Diagnosis) {
    return d.diagnosedBy ? loaded(d.diagnosedBy) : null;
  }

  @FieldResolver(() => TeardownConsent, { nullable: true, description: 'R-REC-5: the customer’s consent to the teardown; null when none was needed.' })
  teardownConsent(@Root() d: Diagnosis): TeardownConsent | null {
    if (!d.consentMethod) return null;
    return Object.assign(new TeardownConsent(), { method: d.consentMethod, note: d.consentNote ?? null, signature: d.consentSignature ? loaded(d.consentSignature) : null });
  }

  @FieldResolver(() => [Upload], { description: 'Photos taken during the diagnosis.' })
  photos(@Root() d: Diagnosis, @Ctx() ctx: Context) {
    return d.photoIds.length ? ctx.em.find(Upload, { id: { $in: d.photoIds }, store: d.store.id }, { orderBy: { id: 'asc' } }) : [];
  }

  @FieldResolver(() => WorkOrder, { description: 'The work order diagnosed.' })
  workOrder(@Root() d: Diagnosis) {
    return loaded(d.workOrder);
  }
}

@Resolver(() => WorkOrder)
export class WorkOrderDiagnosesResolver {
  @Authorized(...DIAGNOSIS_ROLES)
  @FieldResolver(() => [Diagnosis], { description: 'R-EST-1: the order’s diagnosis reports, oldest first.' })
  diagnoses(@Root() wo: WorkOrder, @Ctx() ctx: Context) {
    return ctx.services.diagnoses.ofWorkOrder(ctx.em, wo.store.id, wo.id);
  }
}
