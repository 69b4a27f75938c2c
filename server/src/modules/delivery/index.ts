import { defineModule } from '../module.js';
import { Delivery, DeliveryCorrection } from './delivery.entity.js';
import { DeliveryCorrectionResolver, DeliveryResolver, WorkOrderDeliveryResolver } from './delivery.resolver.js';
import { deliveryRecordRequired, DeliveryService } from './delivery.service.js';
import './delivery.errors.js';

/** Issue 8, the cash desk: the delivery record (R-DEL-1, 2, 4). Decisions in README.md. */
export const deliveryModule = defineModule({
  name: 'delivery',
  entities: [Delivery, DeliveryCorrection],
  resolvers: [DeliveryResolver, DeliveryCorrectionResolver, WorkOrderDeliveryResolver],
  transitionGuards: [deliveryRecordRequired],
  services: ({ log }) => ({ deliveries: new DeliveryService(log) }),
});

declare module '../registry.js' {
  interface ServiceRegistry {
    deliveries: DeliveryService;
  }
}
