import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Express } from 'express';
import type { ClassType } from 'type-graphql';
import type { AppConfig } from '../config.js';
import type { DurableConsumer } from '../events/durable-consumers.js';
import type { EventLog } from '../events/event-log.js';
import type { JobQueue, TaskHandler } from '../events/job-queue.js';
import type { LiveConsumer } from '../events/live-events.js';
import type { Services } from '../services.types.js';
import type { ServiceRegistry } from './registry.js';
import type { Actor } from '../shared/actor.js';
import type { Clock } from '../shared/clock.js';
import type { TransitionEffect, TransitionExtensions, TransitionGuard } from './work-order/work-order.process.js';

/** What the platform gives every module's services. */
export interface PlatformDeps {
  orm: MikroORM;
  config: AppConfig;
  clock: Clock;
  log: EventLog;
  queue: JobQueue;
  /** The guards and effects every module added to the work-order transitions table. */
  transitions: TransitionExtensions;
  /**
   * The whole service registry, for a service that calls another module's service at run time (never
   * while the registry is being built: it is complete only once every module's services exist).
   */
  registry: () => Services;
}

/** Loads an object of the actor's store by database id for `node(id:)`; FORBIDDEN when the actor's role may not see that type. */
export type NodeLoader = (em: EntityManager, id: number, actor: Actor, services: Services) => Promise<object | null | 'FORBIDDEN'>;

/**
 * What a module plugs into the platform; the app, the schema, the ORM, `node(id:)` and the service
 * registry all read one list of these (modules/index.ts). Adding a module is one line there.
 */
export interface ModuleManifest {
  name: string;
  /** MikroORM entities of the module. */
  entities?: readonly ClassType[];
  /** type-graphql resolvers of the module. */
  resolvers?: readonly ClassType[];
  /** Global-id type name → loader, for `node(id:)`. */
  nodes?: Record<string, NodeLoader>;
  /** The module's services, one instance per process, merged into the service registry (declare their types in ServiceRegistry). */
  services?: (deps: PlatformDeps) => Partial<ServiceRegistry>;
  liveConsumers?: (services: Services) => LiveConsumer[];
  durableConsumers?: (services: Services) => DurableConsumer[];
  /** Job-queue tasks by name. */
  tasks?: (services: Services) => Record<string, TaskHandler>;
  /** graphile-worker crontab lines (`min hour dom month dow task`) for the module's periodic tasks; one run per tick across all processes. */
  cron?: readonly string[];
  /** Plain HTTP routes of the module (file uploads and downloads), mounted before the pages. */
  http?: (app: Express, services: Services) => void;
  transitionGuards?: readonly TransitionGuard[];
  /** Effects of moves; a function when the effect calls a service (given the registry, complete by the time a move runs). */
  transitionEffects?: readonly TransitionEffect[] | ((registry: () => Services) => readonly TransitionEffect[]);
}

export function defineModule(manifest: ModuleManifest): ModuleManifest {
  return manifest;
}
