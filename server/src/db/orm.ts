import { DataloaderType, ReflectMetadataProvider } from '@mikro-orm/core';
import { Migrator } from '@mikro-orm/migrations';
import { MikroORM, type Options, PostgreSqlDriver } from '@mikro-orm/postgresql';
import { JobQueue } from '../events/job-queue.js';
import { entities } from './entities.js';
import { migrationsList } from './migrations/index.js';

export interface OrmOptions {
  clientUrl: string;
  /** Called with every SQL statement; tests count statements with it. */
  onQuery?: (sql: string) => void;
  poolMax?: number;
}

export function ormConfig(opts: OrmOptions): Options {
  return {
    driver: PostgreSqlDriver,
    clientUrl: opts.clientUrl,
    entities,
    // esbuild (tsx, Vitest) emits no decorator metadata: every decorator names its type explicitly.
    metadataProvider: ReflectMetadataProvider,
    discovery: { requireEntitiesArray: true },
    extensions: [Migrator],
    migrations: { migrationsList, transactional: true, allOrNothing: true, snapshot: false },
    // The job queue (graphile-worker) migrates its own schema.
    schemaGenerator: { ignoreSchema: ['graphile_worker'] },
    // Batch Ref.load()/Collection.load() calls made while resolving one GraphQL response.
    dataloader: DataloaderType.ALL,
    forceUtcTimezone: true,
    allowGlobalContext: false,
    pool: { min: 0, max: opts.poolMax ?? 10 },
    debug: opts.onQuery ? ['query'] : false,
    logger: opts.onQuery ? (message: string) => opts.onQuery!(message) : () => {},
    colors: false,
  };
}

export async function openOrm(opts: OrmOptions): Promise<MikroORM> {
  return MikroORM.init(ormConfig(opts));
}

/** The application's migrations, then the job queue's own schema. */
export async function migrate(orm: MikroORM): Promise<void> {
  await orm.getMigrator().up();
  await JobQueue.migrate(orm.config.get('clientUrl') as string);
}
