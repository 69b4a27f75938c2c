import { defineModule } from '../module.js';
import { Bay } from './bay.entity.js';
import { StoreResolver } from './store.resolver.js';
import { Store } from './store.entity.js';
import { StoreService } from './store.service.js';

export const storeModule = defineModule({
  name: 'store',
  entities: [Store, Bay],
  resolvers: [StoreResolver],
  nodes: {
    Store: async (em, id, actor) => (id === actor.storeId ? em.findOne(Store, id) : null),
    Bay: (em, id, actor) => em.findOne(Bay, { id, store: actor.storeId }),
  },
  services: () => ({ stores: new StoreService() }),
});

declare module '../registry.js' {
  interface ServiceRegistry {
    stores: StoreService;
  }
}
