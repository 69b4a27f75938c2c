import { actsAs } from '../../shared/actor.js';
import { defineModule } from '../module.js';
import { PointsAccount, PointsEntry, Settlement, SettlementReversal, SettlementSettings } from './settlement.entity.js';
import { CustomerPointsHistoryResolver, CustomerPointsResolver, SettlementResolver, SettlementReversalResolver, WorkOrderSettlementResolver } from './settlement.resolver.js';
import { SETTLEMENT_READER_ROLES, settlementRequired, SettlementService } from './settlement.service.js';
import './settlement.errors.js';

/** Issue 8, the cash desk: settlement (R-DEL-3) and points (R-SEG-5). Decisions in README.md. */
export const settlementModule = defineModule({
  name: 'settlement',
  entities: [Settlement, SettlementReversal, SettlementSettings, PointsAccount, PointsEntry],
  resolvers: [SettlementResolver, SettlementReversalResolver, WorkOrderSettlementResolver, CustomerPointsResolver, CustomerPointsHistoryResolver],
  nodes: {
    Settlement: async (em, id, actor) => (actsAs(actor, SETTLEMENT_READER_ROLES) ? em.findOne(Settlement, { id, store: actor.storeId }) : 'FORBIDDEN'),
    PointsEntry: async (em, id, actor) => (actor.kind === 'staff' ? em.findOne(PointsEntry, { id, account: { store: actor.storeId } }) : 'FORBIDDEN'),
  },
  transitionGuards: [settlementRequired],
  services: ({ log, registry }) => ({ settlements: new SettlementService(log, registry) }),
});

declare module '../registry.js' {
  interface ServiceRegistry {
    settlements: SettlementService;
  }
}
