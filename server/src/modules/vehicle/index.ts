import { defineModule } from '../module.js';
import { Vehicle } from './vehicle.entity.js';
import { VehicleResolver } from './vehicle.resolver.js';
import { VehicleService } from './vehicle.service.js';

export const vehicleModule = defineModule({
  name: 'vehicle',
  entities: [Vehicle],
  resolvers: [VehicleResolver],
  nodes: { Vehicle: (em, id, actor) => em.findOne(Vehicle, { id, store: actor.storeId }) },
  services: ({ log }) => ({ vehicles: new VehicleService(log) }),
});

declare module '../registry.js' {
  interface ServiceRegistry {
    vehicles: VehicleService;
  }
}
