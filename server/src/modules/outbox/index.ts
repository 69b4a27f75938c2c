import { defineModule } from '../module.js';
import { actsAs } from '../../shared/actor.js';
import { WORK_ORDER } from '../work-order/work-order-event.js';
import { onWorkOrderDelayed } from './outbox.consumers.js';
import { OutboxMessage, OutboxSettings } from './outbox.entity.js';
import { OutboxResolver, OutboxSettingsResolver } from './outbox.resolver.js';
import { OUTBOX_ROLES } from './outbox.roles.js';
import { sendersFor } from './outbox.senders.js';
import { OutboxService } from './outbox.service.js';
import { outboxTasks } from './outbox.tasks.js';

/** Issue 10, the outbox (R-CARE-6/7) and the delay message (R-WO-7). Decisions in README.md. */
export const outboxModule = defineModule({
  name: 'outbox',
  entities: [OutboxMessage, OutboxSettings],
  resolvers: [OutboxResolver, OutboxSettingsResolver],
  nodes: {
    OutboxMessage: async (em, id, actor) => (actsAs(actor, OUTBOX_ROLES) ? em.findOne(OutboxMessage, { id, store: actor.storeId }) : 'FORBIDDEN'),
  },
  services: ({ log, clock, queue, config, registry }) => {
    const { senders, recording } = sendersFor(config);
    return { outbox: new OutboxService(log, clock, queue, senders, recording, registry) };
  },
  durableConsumers: (services) => [{ name: 'outbox.work-order-delays', aggregateTypes: [WORK_ORDER], handle: (event, { tx, actor }) => onWorkOrderDelayed(services.outbox, tx, actor, event, services.clock.now()) }],
  tasks: outboxTasks,
});

declare module '../registry.js' {
  interface ServiceRegistry {
    outbox: OutboxService;
  }
}
