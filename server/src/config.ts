import path from 'node:path';

/** Process-level settings read once from the environment. Per-store business settings live on the Store. */
export interface AppConfig {
  port: number;
  host: string;
  databaseUrl?: string;
  dataDir: string;
  demo: boolean;
  publicUrl: string;
  introspection: boolean;
  sessionTtlHours: number;
  production: boolean;
  /** Durable consumers: failures before an event is parked, and the first retry delay (doubling). */
  consumerMaxAttempts: number;
  consumerRetryBaseMs: number;
  /** Whether this process runs a job-queue worker (durable consumers, scheduled jobs); `WORKBAY_WORKER=0` makes an API-only process. */
  worker: boolean;
  /** Extra module manifests to load (file paths, comma-separated): for tests and add-ons. */
  extraModules: string[];
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const port = Number(env.PORT ?? 4000);
  const production = env.NODE_ENV === 'production';
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(env.WORKBAY_DATA_DIR ?? path.join(repoRoot(), '.workbay')),
    demo: env.WORKBAY_DEMO !== '0',
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/$/, ''),
    introspection: env.WORKBAY_INTROSPECTION ? env.WORKBAY_INTROSPECTION === '1' : !production,
    sessionTtlHours: Number(env.WORKBAY_SESSION_TTL_HOURS ?? 12),
    production,
    consumerMaxAttempts: Number(env.WORKBAY_CONSUMER_MAX_ATTEMPTS ?? 5),
    consumerRetryBaseMs: Number(env.WORKBAY_CONSUMER_RETRY_MS ?? 5000),
    worker: env.WORKBAY_WORKER !== '0',
    extraModules: (env.WORKBAY_EXTRA_MODULES ?? '').split(',').map((s) => s.trim()).filter(Boolean),
  };
}

export function repoRoot(): string {
  return path.resolve(import.meta.dirname, '..', '..');
}
