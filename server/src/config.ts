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
  /** The API explorer at /explorer. */
  explorer: boolean;
  /** Lets /metrics answer requests from other machines that send it as a bearer token. */
  metricsToken?: string;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const port = Number(env.PORT ?? 4000);
  const production = env.NODE_ENV === 'production';
  const introspection = env.WORKBAY_INTROSPECTION ? env.WORKBAY_INTROSPECTION === '1' : !production;
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(env.WORKBAY_DATA_DIR ?? path.join(repoRoot(), '.workbay')),
    demo: env.WORKBAY_DEMO !== '0',
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/$/, ''),
    introspection,
    sessionTtlHours: Number(env.WORKBAY_SESSION_TTL_HOURS ?? 12),
    production,
    explorer: env.WORKBAY_EXPLORER ? env.WORKBAY_EXPLORER === '1' && introspection : !production && introspection,
    metricsToken: env.METRICS_TOKEN || undefined,
  };
}

export function repoRoot(): string {
  return path.resolve(import.meta.dirname, '..', '..');
}
