import type { TaskHandler } from '../../events/job-queue.js';
import type { Services } from '../../services.types.js';
import { SEND_TASK } from './outbox.service.js';

export function outboxTasks(services: Services): Record<string, TaskHandler> {
  return {
    [SEND_TASK]: async (payload) => {
      await services.outbox.send(services.orm.em.fork(), Number(payload.storeId), Number(payload.messageId));
    },
  };
}
