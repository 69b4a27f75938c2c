import { defineModule } from '../module.js';
import { Customer } from './customer.entity.js';
import { CustomerResolver } from './customer.resolver.js';
import { CustomerService } from './customer.service.js';
import { CustomerArchiveSettings } from './customer-archive.entity.js';
import { ArchiveCompletenessResolver, ArchiveSettingsResolver, CustomerArchiveResolver } from './customer-archive.resolver.js';
import { CustomerArchiveService } from './customer-archive.service.js';

export const customerModule = defineModule({
  name: 'customer',
  entities: [Customer, CustomerArchiveSettings],
  resolvers: [CustomerResolver, CustomerArchiveResolver, ArchiveCompletenessResolver, ArchiveSettingsResolver],
  nodes: { Customer: (em, id, actor) => em.findOne(Customer, { id, store: actor.storeId }) },
  services: ({ clock }) => ({ customers: new CustomerService(), customerArchive: new CustomerArchiveService(clock) }),
});

declare module '../registry.js' {
  interface ServiceRegistry {
    customers: CustomerService;
    customerArchive: CustomerArchiveService;
  }
}
