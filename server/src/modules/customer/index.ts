import { defineModule } from '../module.js';
import { Customer } from './customer.entity.js';
import { CustomerResolver } from './customer.resolver.js';
import { CustomerService } from './customer.service.js';

export const customerModule = defineModule({
  name: 'customer',
  entities: [Customer],
  resolvers: [CustomerResolver],
  nodes: { Customer: (em, id, actor) => em.findOne(Customer, { id, store: actor.storeId }) },
  services: () => ({ customers: new CustomerService() }),
});

declare module '../registry.js' {
  interface ServiceRegistry {
    customers: CustomerService;
  }
}
