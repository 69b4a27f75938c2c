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
    WalkAround: (em, id, actor) => em.findOne(WalkAround, { id, store: actor.storeId }),
  },
  transitionGuards: [walkAroundRequired],
  services: ({ log, registry }) => ({ reception: new ReceptionService(log, registry) }),
});

declare module '../registry.js' {
  interface ServiceRegistry {
    reception: ReceptionService;
  }
}
