import { actsAs } from '../../shared/actor.js';
import { defineModule } from '../module.js';
import { DISPLAY_MANAGER_ROLES } from '../staff/roles.js';
import { DisplayToken } from './display-token.entity.js';
import { DisplayTokenResolver } from './display-token.resolver.js';
import { DisplayTokenService } from './display-token.service.js';

export const displayModule = defineModule({
  name: 'display',
  entities: [DisplayToken],
  resolvers: [DisplayTokenResolver],
  // As for `displayTokens`: only those who manage displays see them.
  nodes: { DisplayToken: async (em, id, actor) => (actsAs(actor, DISPLAY_MANAGER_ROLES) ? em.findOne(DisplayToken, { id, store: actor.storeId }) : 'FORBIDDEN') },
  services: () => ({ displayTokens: new DisplayTokenService() }),
});

declare module '../registry.js' {
  interface ServiceRegistry {
    displayTokens: DisplayTokenService;
  }
}
