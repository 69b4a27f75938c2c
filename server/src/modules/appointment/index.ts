import { defineModule } from '../module.js';
import { AdvisorTask, Appointment, AppointmentSettings, CarriedOverItem } from './appointment.entity.js';
import { AdvisorTaskResolver, AppointmentResolver, VehicleCarriedOverResolver } from './appointment.resolver.js';
import { AppointmentService } from './appointment.service.js';
import { appointmentTasks } from './appointment.tasks.js';
import './appointment.errors.js';

export const appointmentModule = defineModule({
  name: 'appointment',
  entities: [Appointment, CarriedOverItem, AppointmentSettings, AdvisorTask],
  resolvers: [AppointmentResolver, AdvisorTaskResolver, VehicleCarriedOverResolver],
  nodes: {
    Appointment: async (em, id, actor) => (AppointmentService.mayRead(actor) ? em.findOne(Appointment, { id, store: actor.storeId }) : 'FORBIDDEN'),
    AdvisorTask: (em, id, actor) => em.findOne(AdvisorTask, { id, store: actor.storeId }),
    CarriedOverItem: (em, id, actor) => em.findOne(CarriedOverItem, { id, store: actor.storeId }),
  },
  // R-APT-4/5: booking holds parts through the parts module's service (the AppointmentParts port), found at run time.
  services: ({ log, queue, registry }) => ({ appointments: new AppointmentService(log, queue, () => registry().parts, () => registry().segmentation) }),
  tasks: appointmentTasks,
});

declare module '../registry.js' {
  interface ServiceRegistry {
    appointments: AppointmentService;
  }
}
