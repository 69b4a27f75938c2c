import type { DurableConsumer } from '../events/durable-consumers.js';
import type { TaskHandler } from '../events/job-queue.js';
import type { LiveConsumer } from '../events/live-events.js';
import type { TransitionEffect, TransitionGuard } from './work-order/work-order.process.js';
import type { Services } from '../services.js';

/**
 * What a module plugs into the platform. The app reads one list of these (modules/index.ts): its
 * durable consumers run on the job queue, its tasks are registered with the queue, its live consumers
 * are woken by NOTIFY, and its guards and effects join the work-order transitions table.
 */
export interface ModuleManifest {
  name: string;
  liveConsumers?: (services: Services) => LiveConsumer[];
  durableConsumers?: (services: Services) => DurableConsumer[];
  tasks?: (services: Services) => Record<string, TaskHandler>;
  transitionGuards?: TransitionGuard[];
  transitionEffects?: TransitionEffect[];
}
