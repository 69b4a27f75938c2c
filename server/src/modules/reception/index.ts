import { defineModule } from '../module.js';
import { Reception, ReceptionSettings } from './reception.entity.js';
import { walkAroundRequired } from './reception.guard.js';
import { ReceptionResolver, WalkAroundDamageResolver, WalkAroundResolver, WorkOrderReceptionResolver } from './reception.resolver.js';
import { ReceptionService } from './reception.service.js';
import { WalkAround, WalkAroundDamage } from './walk-around.entity.js';
import './reception.errors.js';

export const receptionModule = defineModule({
  name: 'reception',
  entities: [Reception, ReceptionSettings, WalkAround, WalkAroundDamage],
  resolvers: [ReceptionResolver, WorkOrderReceptionResolver, WalkAroundResolver, WalkAroundDamageResolver],
  nodes: {
    // Staff only: the sheet carries the customer's signature and notes (wall displays never read it).
    WalkAround: async (em, id, actor) => (actor.kind === 'staff' ? em.findOne(WalkAround, { id, store: actor.storeId }) : 'FORBIDDEN'),
  },
  transitionGuards: [walkAroundRequired],
  services: ({ log, registry }) => ({ reception: new ReceptionService(log, registry) }),
});

declare module '../registry.js' {
  interface ServiceRegistry {
    reception: ReceptionService;
  }
}
