import { defineModule } from '../module.js';
import { Estimate, EstimateApproval, EstimateLine, EstimateSettings } from './estimate.entity.js';
import { Diagnosis } from './diagnosis.entity.js';
import { DiagnosisResolver, WorkOrderDiagnosesResolver } from './diagnosis.resolver.js';
import { DiagnosisService } from './diagnosis.service.js';
import { EstimateApprovalResolver, EstimateLineResolver, EstimateResolver, ProgressEstimateResolver, WorkOrderEstimatesResolver } from './estimate.resolver.js';
import { approvalRequiredGuard, EstimateService, supplementalDecidedGuard } from './estimate.service.js';
import './estimate.errors.js';
import { actsAs } from '../../shared/actor.js';
import { DIAGNOSIS_ROLES } from './estimate.process.js';

/** Issue 7, front desk: diagnosis → estimate → approval (R-EST-1..6, R-REC-5). Decisions in README.md. */
export const estimateModule = defineModule({
  name: 'estimate',
  entities: [Estimate, EstimateLine, EstimateApproval, EstimateSettings, Diagnosis],
  resolvers: [EstimateResolver, EstimateLineResolver, EstimateApprovalResolver, WorkOrderEstimatesResolver, ProgressEstimateResolver, DiagnosisResolver, WorkOrderDiagnosesResolver],
  nodes: {
    Estimate: async (em, id, actor) => (EstimateService.mayRead(actor) ? em.findOne(Estimate, { id, store: actor.storeId }) : 'FORBIDDEN'),
    EstimateLine: async (em, id, actor) => (EstimateService.mayRead(actor) ? em.findOne(EstimateLine, { id, estimate: { store: actor.storeId } }) : 'FORBIDDEN'),
    Diagnosis: async (em, id, actor) => (actsAs(actor, DIAGNOSIS_ROLES) ? em.findOne(Diagnosis, { id, store: actor.storeId }) : 'FORBIDDEN'),
    EstimateApproval: async (em, id, actor) => (EstimateService.mayRead(actor) ? em.findOne(EstimateApproval, { id, store: actor.storeId }) : 'FORBIDDEN'),
  },
  // R-WO-5: PART lines may be priced from the parts catalog (the parts module's EstimateCatalog port, found at run time).
  services: ({ log, queue, transitions, registry }) => ({ estimates: new EstimateService(log, queue, transitions, () => registry().parts), diagnoses: new DiagnosisService(log) }),
  transitionGuards: [approvalRequiredGuard, supplementalDecidedGuard],
});

declare module '../registry.js' {
  interface ServiceRegistry {
    estimates: EstimateService;
    diagnoses: DiagnosisService;
  }
}
