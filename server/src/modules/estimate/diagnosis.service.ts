import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventLog } from '../../events/event-log.js';
import { type Actor, staffIdOf } from '../../shared/actor.js';
import { dbId } from '../../shared/global-id.js';
import { InputCheck } from '../../shared/input-check.js';
import { notFound, refuse, refusal, type Result } from '../../shared/result.js';
import { Staff } from '../staff/staff.entity.js';
import { Upload } from '../upload/upload.entity.js';
import { UploadPurpose } from '../upload/upload.enums.js';
import { WorkOrder } from '../work-order/work-order.entity.js';
import { WorkOrderStatus as WO } from '../work-order/work-order.enums.js';
import type { RecordDiagnosisInput } from './dto/diagnosis.dto.js';
import { Diagnosis } from './diagnosis.entity.js';
import { ConsentMethod } from './estimate.enums.js';
import { EstimateError as E } from './estimate.errors.js';
import type { SignatureCheck } from './estimate.service.js';
import { DTC, LIMITS, toUnits } from './estimate.rules.js';

export const DIAGNOSIS = 'Diagnosis';
/** Orders that can still be diagnosed: before the work is done. */
const DIAGNOSABLE: readonly WO[] = [WO.DRAFT, WO.AWAITING_APPROVAL, WO.QUEUED, WO.IN_PROGRESS, WO.ON_HOLD];
const MAX_CODES = 20;

export class DiagnosisService {
  constructor(private readonly log: EventLog) {}

  /**
   * R-EST-1: records a diagnosis report on a work order. R-REC-5: a teardown diagnosis needs the
   * customer's consent, given with it (signature upload or phone note), else TEARDOWN_CONSENT_REQUIRED.
   */
  async record(em: EntityManager, actor: Actor, input: RecordDiagnosisInput, uploads?: SignatureCheck): Promise<Result<Diagnosis>> {
    const check = new InputCheck();
    const symptoms = check.text(['symptoms'], input.symptoms, { max: 2000, required: true, multiline: true });
    const cause = check.text(['cause'], input.cause, { max: 2000, multiline: true });
    const proposedRepair = check.text(['proposedRepair'], input.proposedRepair, { max: 2000, multiline: true });
    const codes = (input.troubleCodes ?? []).map((c, i) => {
      const code = (c ?? '').trim().toUpperCase();
      if (!DTC.test(code)) check.fail(['troubleCodes', i], E.INVALID_TROUBLE_CODE);
      return code;
    });
    if (codes.length > MAX_CODES) check.fail(['troubleCodes'], E.TOO_MANY, { max: MAX_CODES });
    const hoursCenti = input.estimatedHours == null ? null : toUnits(input.estimatedHours, 2);
    if (input.estimatedHours != null && hoursCenti == null) check.fail(['estimatedHours'], E.TOO_MANY_DECIMALS, { places: 2 });
    check.range(['estimatedHours'], input.estimatedHours, 0.01, LIMITS.maxHours);
    const photoIds = (input.photoIds ?? []).map((g, i) => {
      const id = dbId(g, 'Upload');
      if (!id) check.fail(['photoIds', i], 'INVALID_ID');
      return id ?? 0;
    });
    if (photoIds.length > MAX_CODES) check.fail(['photoIds'], E.TOO_MANY, { max: MAX_CODES });
    const consent = input.teardownConsent ?? null;
    const consentNote = consent ? check.text(['teardownConsent', 'note'], consent.note, { max: 500, multiline: true }) : null;
    let signatureId: number | null = null;
    if (input.requiresTeardown && !consent) check.fail(['teardownConsent'], E.TEARDOWN_CONSENT_REQUIRED);
    if (consent?.method === ConsentMethod.PHONE && !consentNote) check.fail(['teardownConsent', 'note'], E.NOTE_REQUIRED);
    if (consent?.method === ConsentMethod.ON_SITE_SIGNATURE) {
      signatureId = consent.signatureId ? dbId(consent.signatureId, 'Upload') : null;
      if (!consent.signatureId) check.fail(['teardownConsent', 'signatureId'], E.SIGNATURE_REQUIRED);
      else if (!signatureId) check.fail(['teardownConsent', 'signatureId'], 'INVALID_ID');
    }
    if ((signatureId || photoIds.length) && !uploads) check.fail(signatureId ? ['teardownConsent', 'signatureId'] : ['photoIds'], E.SIGNATURE_UPLOADS_NOT_AVAILABLE);
    const workOrderId = dbId(input.workOrderId, 'WorkOrder');
    if (!workOrderId) check.fail(['workOrderId'], 'NOT_FOUND', { what: 'WorkOrder' });
    if (check.failed) return refuse(...check.errors);
    const storeId = actor.storeId;

    return this.log.create(em, actor, {
      type: DIAGNOSIS,
      storeId,
      build: async (tx, now) => {
        const wo = await tx.findOne(WorkOrder, { id: workOrderId!, store: storeId });
        if (!wo) return [notFound('WorkOrder', ['input', 'workOrderId'])];
        if (!DIAGNOSABLE.includes(wo.status)) return [refusal(E.ORDER_NOT_DIAGNOSABLE, ['input', 'workOrderId'], { status: wo.status })];
        if (signatureId) {
          const ready = await uploads!.requireReady(tx, storeId, [signatureId], [UploadPurpose.SIGNATURE], ['input', 'teardownConsent', 'signatureId']);
          if (!ready.ok) return ready.errors;
        }
        if (photoIds.length) {
          const ready = await uploads!.requireReady(tx, storeId, photoIds, [UploadPurpose.DIAGNOSIS_PHOTO], ['input', 'photoIds']);
          if (!ready.ok) return ready.errors;
        }
        const diagnosis = tx.create(Diagnosis, {
          store: storeId,
          workOrder: wo,
          symptoms: symptoms!,
          troubleCodes: [...new Set(codes)],
          cause,
          proposedRepair,
          estimatedHoursCenti: hoursCenti,
          requiresTeardown: input.requiresTeardown ?? false,
          consentMethod: consent?.method ?? null,
          consentSignature: signatureId ? tx.getReference(Upload, signatureId, { wrapped: true }) : null,
          consentNote,
          photoIds: [...new Set(photoIds)],
          diagnosedBy: staffIdOf(actor) ? tx.getReference(Staff, staffIdOf(actor)!, { wrapped: true }) : null,
          createdAt: now,
        });
        await tx.flush();
        return {
          aggregate: diagnosis,
          facts: [{ kind: 'DIAGNOSIS_RECORDED', data: { workOrderId: wo.id, troubleCodes: diagnosis.troubleCodes, requiresTeardown: diagnosis.requiresTeardown, consentMethod: diagnosis.consentMethod ?? null } }],
        };
      },
    });
  }

  ofWorkOrder(em: EntityManager, storeId: number, workOrderId: number) {
    return em.find(Diagnosis, { store: storeId, workOrder: workOrderId }, { orderBy: { id: 'asc' } });
  }
}
