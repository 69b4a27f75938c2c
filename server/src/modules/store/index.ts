import { defineModule } from '../module.js';
import { bayInServiceGuard } from './bay-guard.js';
import { Bay } from './bay.entity.js';
import { BayResolver } from './bay.resolver.js';
import { BayService } from './bay.service.js';
import { StoreProfileResolver } from './store-profile.resolver.js';
import { StoreProfileService } from './store-profile.service.js';
import { StoreResolver } from './store.resolver.js';
import { Store } from './store.entity.js';
import { StoreService } from './store.service.js';

export const storeModule = defineModule({
  name: 'store',
  entities: [Store, Bay],
  resolvers: [StoreResolver, BayResolver, StoreProfileResolver],
  nodes: {
    Store: async (em, id, actor) => (id === actor.storeId ? em.findOne(Store, id) : null),
    Bay: (em, id, actor) => em.findOne(Bay, { id, store: actor.storeId }),
  },
  services: () => ({ stores: new StoreService(), bays: new BayService(), storeProfile: new StoreProfileService() }),
  // A deactivated bay takes no car into work.
  transitionGuards: [bayInServiceGuard],
});

declare module '../registry.js' {
  interface ServiceRegistry {
    stores: StoreService;
    bays: BayService;
    storeProfile: StoreProfileService;
  }
}
