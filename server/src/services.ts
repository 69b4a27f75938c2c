import type { MikroORM } from '@mikro-orm/postgresql';
import type { AppConfig } from './config.js';
import { DurableDispatcher } from './events/durable-consumers.js';
import { EventLog } from './events/event-log.js';
import { JobQueue, type TaskHandler } from './events/job-queue.js';
import { LiveEvents } from './events/live-events.js';
import { MODULES } from './modules/index.js';
import type { Services } from './services.types.js';
import type { ModuleManifest, PlatformDeps } from './modules/module.js';
import type { ServiceRegistry } from './modules/registry.js';
import { PlatformService } from './modules/platform/platform.service.js';
import { type Clock, systemClock } from './shared/clock.js';


export type { Services } from './services.types.js';

export function createServices(orm: MikroORM, config: AppConfig, extra: readonly ModuleManifest[] = [], clock: Clock = systemClock): Services {
  const modules: readonly ModuleManifest[] = [...MODULES, ...extra];
  let services: Services | null = null;
  const registry = () => {
    if (!services) throw new Error('the service registry is used before it is built');
    return services;
  };
  const deps: PlatformDeps = {
    orm,
    config,
    clock,
    log: new EventLog(clock),
    queue: new JobQueue(config.databaseUrl ?? (orm.config.get('clientUrl') as string)),
    transitions: { guards: modules.flatMap((m) => m.transitionGuards ?? []), effects: modules.flatMap((m) => (typeof m.transitionEffects === 'function' ? m.transitionEffects(registry) : (m.transitionEffects ?? []))) },
    registry,
  };
  const moduleServices = Object.assign({}, ...modules.map((m) => m.services?.(deps) ?? {})) as ServiceRegistry;
  services = { ...deps, ...moduleServices, live: new LiveEvents(), modules } as Services;
  services.dispatcher = new DurableDispatcher(
    orm,
    modules.flatMap((m) => m.durableConsumers?.(services) ?? []),
    deps.queue,
    clock,
    { maxAttempts: config.consumerMaxAttempts, retryBaseMs: config.consumerRetryBaseMs, batch: 100 },
  );
  services.platform = new PlatformService(services.dispatcher);
  for (const m of modules) for (const consumer of m.liveConsumers?.(services) ?? []) services.live.register(consumer);
  return services;
}

/** The job-queue tasks of the platform and the modules. */
export function taskList(services: Services): Record<string, TaskHandler> {
  return {
    'events.dispatch': (payload) => services.dispatcher.dispatch(Number(payload.storeId)),
    ...Object.assign({}, ...services.modules.map((m) => m.tasks?.(services) ?? {})),
  };
}
