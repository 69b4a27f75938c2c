import { defineModule } from '../module.js';
import { StaffResolver } from './staff.resolver.js';
import { Staff } from './staff.entity.js';

export const staffModule = defineModule({
  name: 'staff',
  entities: [Staff],
  resolvers: [StaffResolver],
  nodes: { Staff: (em, id, actor) => em.findOne(Staff, { id, store: actor.storeId }) },
});
