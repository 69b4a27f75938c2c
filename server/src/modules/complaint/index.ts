import { defineModule } from '../module.js';
import { actsAs } from '../../shared/actor.js';
import { Complaint, ComplaintSettings } from './complaint.entity.js';
import { COMPLAINT_ROLES } from './complaint.process.js';
import { ComplaintResolver, ComplaintSettingsResolver } from './complaint.resolver.js';
import { ComplaintService } from './complaint.service.js';
import { complaintTasks } from './complaint.tasks.js';

/** Issue 10, complaints (R-FU-3). Decisions in README.md. */
export const complaintModule = defineModule({
  name: 'complaint',
  entities: [Complaint, ComplaintSettings],
  resolvers: [ComplaintResolver, ComplaintSettingsResolver],
  nodes: {
    Complaint: async (em, id, actor) => (actsAs(actor, COMPLAINT_ROLES) ? em.findOne(Complaint, { id, store: actor.storeId }) : 'FORBIDDEN'),
  },
  services: ({ log, queue }) => ({ complaints: new ComplaintService(log, queue) }),
  tasks: complaintTasks,
});

declare module '../registry.js' {
  interface ServiceRegistry {
    complaints: ComplaintService;
  }
}
