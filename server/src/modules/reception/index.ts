import { defineModule } from '../module.js';
import { AppointmentService } from '../appointment/appointment.service.js';
import { WorkOrderService } from '../work-order/work-order.service.js';
import { Reception, ReceptionSettings } from './reception.entity.js';
import { walkAroundRequired } from './reception.guard.js';
import { ReceptionResolver, WalkAroundResolver, WorkOrderReceptionResolver } from './reception.resolver.js';
import { ReceptionService } from './reception.service.js';
import { WalkAround, WalkAroundDamage } from './walk-around.entity.js';
import './reception.errors.js';

export const receptionModule = defineModule({
  name: 'reception',
  entities: [Reception, ReceptionSettings, WalkAround, WalkAroundDamage],
  resolvers: [ReceptionResolver, WorkOrderReceptionResolver, WalkAroundResolver],
  nodes: {
    WalkAround: (em, id, actor) => em.findOne(WalkAround, { id, store: actor.storeId }),
  },
  transitionGuards: [walkAroundRequired],
  // Stateless collaborators over the same log, transitions and queue as the registry's own instances.
  services: ({ log, queue, transitions }) => ({ reception: new ReceptionService(log, new WorkOrderService(log, transitions), new AppointmentService(log, queue)) }),
});

declare module '../registry.js' {
  interface ServiceRegistry {
    reception: ReceptionService;
  }
}
