import { defineModule } from '../module.js';
import { StaffAdminResolver } from './staff-admin.resolver.js';
import { StaffAdminService } from './staff-admin.service.js';
import { StaffResolver } from './staff.resolver.js';
import { Staff } from './staff.entity.js';

export const staffModule = defineModule({
  name: 'staff',
  entities: [Staff],
  resolvers: [StaffResolver, StaffAdminResolver],
  nodes: { Staff: (em, id, actor) => em.findOne(Staff, { id, store: actor.storeId }) },
  services: () => ({ staffAdmin: new StaffAdminService() }),
});

declare module '../registry.js' {
  interface ServiceRegistry {
    staffAdmin: StaffAdminService;
  }
}
