import type { TaskHandler } from '../../events/job-queue.js';
import type { Services } from '../../services.types.js';
import { systemActor } from '../../shared/actor.js';
import { COMPLAINT_DEADLINE_TASK, type ComplaintDeadline } from './complaint.service.js';

const DEADLINES: readonly ComplaintDeadline[] = ['RESPONSE', 'REPORT', 'RECALL'];

/** R-FU-3: at each deadline the service decides whether anything is due (it writes nothing otherwise). */
export function complaintTasks(services: Services): Record<string, TaskHandler> {
  return {
    [COMPLAINT_DEADLINE_TASK]: async (payload) => {
      const which = String(payload.which) as ComplaintDeadline;
      if (!DEADLINES.includes(which)) return;
      await services.complaints.deadline(services.orm.em.fork(), systemActor(Number(payload.storeId), 'complaint'), Number(payload.complaintId), which);
    },
  };
}
