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
  };
}

export function repoRoot(): string {
  return path.resolve(import.meta.dirname, '..', '..');
}
