import type { TaskHandler } from '../../events/job-queue.js';
import type { Services } from '../../services.types.js';
import { systemActor } from '../../shared/actor.js';
import { APPOINTMENT_TASK, SCHEDULED_KINDS, type ScheduledTaskKind } from './appointment.service.js';

/** R-APT-6: at its time, a scheduled job opens the advisor's task (or does nothing when it is no longer needed). */
export function appointmentTasks(services: Services): Record<string, TaskHandler> {
  return {
    [APPOINTMENT_TASK]: async (payload) => {
      const kind = String(payload.kind) as ScheduledTaskKind;
      if (!SCHEDULED_KINDS.includes(kind)) return;
      await services.appointments.openTask(services.orm.em.fork(), systemActor(Number(payload.storeId), 'appointment'), Number(payload.appointmentId), kind);
    },
  };
}
