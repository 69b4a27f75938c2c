import { defineModule } from '../module.js';
import { Customer } from './customer.entity.js';
import { CustomerResolver } from './customer.resolver.js';
import { CustomerService } from './customer.service.js';
import { CustomerArchiveSettings } from './customer-archive.entity.js';
import { ArchiveCompletenessResolver, ArchiveSettingsResolver, CustomerArchiveResolver } from './customer-archive.resolver.js';
import { ARCHIVE_DEADLINE_TASK, CustomerArchiveService } from './customer-archive.service.js';

export const customerModule = defineModule({
  name: 'customer',
  entities: [Customer, CustomerArchiveSettings],
  resolvers: [CustomerResolver, CustomerArchiveResolver, ArchiveCompletenessResolver, ArchiveSettingsResolver],
  nodes: { Customer: (em, id, actor) => em.findOne(Customer, { id, store: actor.storeId }) },
  services: ({ clock, queue }) => {
    const customerArchive = new CustomerArchiveService(clock, queue);
    return { customers: new CustomerService(customerArchive, () => clock.now()), customerArchive };
  },
  tasks: (services) => ({
    [ARCHIVE_DEADLINE_TASK]: async (payload) => {
      await services.customerArchive.deadline(services.orm.em.fork(), Number(payload.storeId), Number(payload.customerId));
    },
  }),
});

declare module '../registry.js' {
  interface ServiceRegistry {
    customers: CustomerService;
    customerArchive: CustomerArchiveService;
  }
}
