import { actsAs } from '../../shared/actor.js';
import { defineModule } from '../module.js';
import { WorkOrderStatus } from '../work-order/work-order.enums.js';
import { Part, PartIssue, PartReservation, PartStock, PurchaseRequest, StockMovement } from './parts.entity.js';
import { PARTS_ROLES, PURCHASE_REQUEST_READER_ROLES } from './parts.process.js';
import { AppointmentPartsResolver, BookingPartsResolver, JobPartsResolver, PartIssueResolver, PartResolver, PurchaseRequestResolver, StockMovementResolver } from './parts.resolver.js';
import { PartsService } from './parts.service.js';
import './parts.enums.js';
import './parts.errors.js';

/** Issue 8, parts and stock (R-WO-5, R-APT-4/5). Decisions in README.md. */
export const partsModule = defineModule({
  name: 'parts',
  entities: [Part, PartStock, StockMovement, PartReservation, PartIssue, PurchaseRequest],
  resolvers: [PartResolver, StockMovementResolver, PurchaseRequestResolver, PartIssueResolver, JobPartsResolver, AppointmentPartsResolver, BookingPartsResolver],
  nodes: {
    Part: async (em, id, actor) => (actor.kind === 'staff' ? em.findOne(Part, { id, store: actor.storeId }) : 'FORBIDDEN'),
    PartIssue: async (em, id, actor) => (actor.kind === 'staff' ? em.findOne(PartIssue, { id, store: actor.storeId }) : 'FORBIDDEN'),
    StockMovement: async (em, id, actor) => (actsAs(actor, PARTS_ROLES) ? em.findOne(StockMovement, { id, store: actor.storeId }) : 'FORBIDDEN'),
    PurchaseRequest: async (em, id, actor) => (actsAs(actor, PURCHASE_REQUEST_READER_ROLES) ? em.findOne(PurchaseRequest, { id, store: actor.storeId }) : 'FORBIDDEN'),
  },
  services: ({ log, registry }) => ({ parts: new PartsService(log, registry) }),
  // R-APT-5: leftover holds of the order's appointment go back to stock in the move's own transaction.
  transitionEffects: (registry) => [
    {
      name: 'parts.release-leftover-holds',
      applies: (_from, to) => to === WorkOrderStatus.DELIVERED || to === WorkOrderStatus.CANCELLED,
      run: async ({ tx, actor, workOrder }) => registry().parts.releaseForWorkOrder(tx, actor, workOrder.id),
    },
  ],
});

declare module '../registry.js' {
  interface ServiceRegistry {
    parts: PartsService;
  }
}
