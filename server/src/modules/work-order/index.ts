import { defineModule } from '../module.js';
import { Job } from './job.entity.js';
import { WorkOrderEventResolver, WorkOrderResolver } from './work-order.resolver.js';
import { WorkOrder } from './work-order.entity.js';
import { WorkOrderService } from './work-order.service.js';

export const workOrderModule = defineModule({
  name: 'work-order',
  entities: [WorkOrder, Job],
  resolvers: [WorkOrderResolver, WorkOrderEventResolver],
  nodes: {
    WorkOrder: (em, id, actor) => em.findOne(WorkOrder, { id, store: actor.storeId }),
    Job: (em, id, actor) => em.findOne(Job, { id, workOrder: { store: actor.storeId } }),
  },
  services: ({ log, transitions }) => ({ workOrders: new WorkOrderService(log, transitions) }),
});

declare module '../registry.js' {
  interface ServiceRegistry {
    workOrders: WorkOrderService;
  }
}
