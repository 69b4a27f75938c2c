import type { TaskHandler } from '../../events/job-queue.js';
import type { Services } from '../../services.types.js';
import { PLAN_STORES_TASK } from './care.service.js';

export function careTasks(services: Services): Record<string, TaskHandler> {
  return {
    [PLAN_STORES_TASK]: () => services.care.planDueStores(services.orm.em.fork()),
  };
}
