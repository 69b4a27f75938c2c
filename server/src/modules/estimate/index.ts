import { defineModule } from '../module.js';
import { Estimate, EstimateApproval, EstimateLine, EstimateSettings } from './estimate.entity.js';
import { EstimateApprovalResolver, EstimateLineResolver, EstimateResolver, ProgressEstimateResolver, WorkOrderEstimatesResolver } from './estimate.resolver.js';
import { approvalRequiredGuard, EstimateService } from './estimate.service.js';
import './estimate.errors.js';

/** Issue 7, front desk: diagnosis → estimate → approval (R-EST-1..6, R-REC-5). Decisions in README.md. */
export const estimateModule = defineModule({
  name: 'estimate',
  entities: [Estimate, EstimateLine, EstimateApproval, EstimateSettings],
  resolvers: [EstimateResolver, EstimateLineResolver, EstimateApprovalResolver, WorkOrderEstimatesResolver, ProgressEstimateResolver],
  nodes: {
    Estimate: async (em, id, actor) => (EstimateService.mayRead(actor) ? em.findOne(Estimate, { id, store: actor.storeId }) : 'FORBIDDEN'),
    EstimateLine: async (em, id, actor) => (EstimateService.mayRead(actor) ? em.findOne(EstimateLine, { id, estimate: { store: actor.storeId } }) : 'FORBIDDEN'),
    EstimateApproval: async (em, id, actor) => (EstimateService.mayRead(actor) ? em.findOne(EstimateApproval, { id, store: actor.storeId }) : 'FORBIDDEN'),
  },
  services: ({ log, queue, transitions }) => ({ estimates: new EstimateService(log, queue, transitions) }),
  transitionGuards: [approvalRequiredGuard],
});

declare module '../registry.js' {
  interface ServiceRegistry {
    estimates: EstimateService;
  }
}
