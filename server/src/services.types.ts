import type { DurableDispatcher } from './events/durable-consumers.js';
import type { LiveEvents } from './events/live-events.js';
import type { ModuleManifest, PlatformDeps } from './modules/module.js';
import type { PlatformService } from './modules/platform/platform.service.js';
import type { ServiceRegistry } from './modules/registry.js';

/** One instance per server process; resolvers reach them through the GraphQL context, jobs and consumers directly. */
export type Services = PlatformDeps &
  ServiceRegistry & {
    live: LiveEvents;
    dispatcher: DurableDispatcher;
    platform: PlatformService;
    /** The product's modules and any extra ones (tests, add-ons) this process runs. */
    modules: readonly ModuleManifest[];
  };

