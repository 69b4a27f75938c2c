import { defineModule } from '../module.js';
import { CarePlanRun } from './care.entity.js';
import { CareResolver } from './care.resolver.js';
import { CareService, PLAN_STORES_TASK } from './care.service.js';
import { careTasks } from './care.tasks.js';

/** Issue 10, care reminders (R-CARE-1..5) planned into the outbox. Decisions in README.md. */
export const careModule = defineModule({
  name: 'care',
  entities: [CarePlanRun],
  resolvers: [CareResolver],
  services: ({ clock, registry }) => ({ care: new CareService(clock, registry) }),
  tasks: careTasks,
  // Hourly: each store's local day is planned once, after its local midnight (a missed hour catches up at the next).
  cron: [`5 * * * * ${PLAN_STORES_TASK}`],
});

declare module '../registry.js' {
  interface ServiceRegistry {
    care: CareService;
  }
}
