import { defineModule } from '../module.js';
import { Store } from '../store/store.entity.js';
import { DealerGroup } from './dealer-group.entity.js';
import { DealerGroupResolver, ServiceHistoryResolver, VehicleHistoryResolver } from './dealer-group.resolver.js';
import { ServiceHistoryService } from './service-history.service.js';

const history = new ServiceHistoryService();

/** Stores of one dealer group share a vehicle's service history (R-ARC-3), never its owner's data. */
export const dealerGroupModule = defineModule({
  name: 'dealer-group',
  entities: [DealerGroup],
  resolvers: [DealerGroupResolver, ServiceHistoryResolver, VehicleHistoryResolver],
  // Your own group only.
  nodes: {
    DealerGroup: async (em, id, actor) => ((await em.findOneOrFail(Store, actor.storeId)).dealerGroup.id === id ? em.findOne(DealerGroup, id) : null),
    ServiceHistoryEntry: (em, id, actor) => history.entry(em, actor.storeId, id),
  },
  services: () => ({ serviceHistory: history }),
});

declare module '../registry.js' {
  interface ServiceRegistry {
    serviceHistory: ServiceHistoryService;
  }
}
