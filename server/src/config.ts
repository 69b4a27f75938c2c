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
  /** Express `trust proxy` (WORKBAY_TRUST_PROXY), so per-address limits see the client behind a reverse proxy. */
  trustProxy: string | null;
  /** Caps on WebSocket use (issue 9 §3): operations per socket, sockets per customer link, sockets per credential. */
  socketLimits: { operationsPerSocket: number; socketsPerLink: number; socketsPerCredential: number };
  /** Anonymous `trackWorkOrder` calls (and customer-page sockets) per client address per minute. */
  trackingRequestsPerMinute: number;
  /** The API explorer at /explorer. */
  explorer: boolean;
  /** Lets /metrics answer requests from other machines that send it as a bearer token. */
  metricsToken?: string;
  /** Signs upload and file URLs (WORKBAY_SIGNING_SECRET); without it, a secret generated once in the data directory. */
  signingSecret?: string;
  /** Photos and signatures: where they are stored, how large they may be, how long their URLs live. */
  uploads: UploadConfig;
  /** The outbox's real providers (R-CARE-7): without a webhook URL, messages are recorded, not sent. */
  outbox?: OutboxConfig;
}

export interface OutboxConfig {
  /** WORKBAY_OUTBOX_WEBHOOK_URL: the HTTP gateway for SMS, WeChat and app push. */
  webhookUrl: string | null;
  /** WORKBAY_OUTBOX_WEBHOOK_TOKEN: sent as a bearer token. */
  webhookToken: string | null;
  /** WORKBAY_OUTBOX_WEBHOOK_CHANNELS: which channels go through it (default SMS,WECHAT,APP_PUSH). */
  webhookChannels: string[];
}

export interface UploadConfig {
  /** Local storage directory (WORKBAY_UPLOADS_DIR, default <data dir>/uploads); unused when S3 is configured. */
  dir: string;
  /** Largest file accepted, in bytes (WORKBAY_UPLOAD_MAX_BYTES, default 10 MiB). */
  maxBytes: number;
  /** Lifetime of the URL the client PUTs the bytes to (seconds). */
  uploadUrlTtlSeconds: number;
  /** Lifetime of a URL that reads a file (seconds). */
  readUrlTtlSeconds: number;
  /** S3-compatible storage, when WORKBAY_S3_BUCKET is set (for several server instances). */
  s3: { bucket: string; endpoint?: string; region: string; forcePathStyle: boolean; accessKeyId?: string; secretAccessKey?: string } | null;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const port = Number(env.PORT ?? 4000);
  const production = env.NODE_ENV === 'production';
  const dataDir = path.resolve(env.WORKBAY_DATA_DIR ?? path.join(repoRoot(), '.workbay'));
  const introspection = env.WORKBAY_INTROSPECTION ? env.WORKBAY_INTROSPECTION === '1' : !production;
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir,
    // Production seeds nothing unless asked explicitly (WORKBAY_DEMO=1); elsewhere WORKBAY_DEMO=0 turns it off.
    demo: production ? env.WORKBAY_DEMO === '1' : env.WORKBAY_DEMO !== '0',
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/$/, ''),
    introspection,
    sessionTtlHours: Number(env.WORKBAY_SESSION_TTL_HOURS ?? 12),
    production,
    consumerMaxAttempts: Number(env.WORKBAY_CONSUMER_MAX_ATTEMPTS ?? 5),
    consumerRetryBaseMs: Number(env.WORKBAY_CONSUMER_RETRY_MS ?? 5000),
    worker: env.WORKBAY_WORKER !== '0',
    extraModules: (env.WORKBAY_EXTRA_MODULES ?? '').split(',').map((s) => s.trim()).filter(Boolean),
    trustProxy: env.WORKBAY_TRUST_PROXY || null,
    socketLimits: {
      operationsPerSocket: positive(env.WORKBAY_WS_MAX_OPERATIONS, 20),
      socketsPerLink: positive(env.WORKBAY_WS_MAX_PER_LINK, 4),
      socketsPerCredential: positive(env.WORKBAY_WS_MAX_PER_CREDENTIAL, 10),
    },
    trackingRequestsPerMinute: positive(env.WORKBAY_TRACKING_PER_MINUTE, 60),
    explorer: env.WORKBAY_EXPLORER ? env.WORKBAY_EXPLORER === '1' && introspection : !production && introspection,
    metricsToken: env.METRICS_TOKEN || undefined,
    signingSecret: env.WORKBAY_SIGNING_SECRET || undefined,
    uploads: readUploadConfig(env, dataDir),
    outbox: {
      webhookUrl: env.WORKBAY_OUTBOX_WEBHOOK_URL || null,
      webhookToken: env.WORKBAY_OUTBOX_WEBHOOK_TOKEN || null,
      webhookChannels: (env.WORKBAY_OUTBOX_WEBHOOK_CHANNELS ?? 'SMS,WECHAT,APP_PUSH').split(',').map((s) => s.trim()).filter(Boolean),
    },
  };
}

function readUploadConfig(env: NodeJS.ProcessEnv, dataDir: string): UploadConfig {
  return {
    dir: path.resolve(env.WORKBAY_UPLOADS_DIR ?? path.join(dataDir, 'uploads')),
    maxBytes: positive(env.WORKBAY_UPLOAD_MAX_BYTES, 10 * 1024 * 1024),
    uploadUrlTtlSeconds: positive(env.WORKBAY_UPLOAD_URL_TTL_SECONDS, 15 * 60),
    readUrlTtlSeconds: positive(env.WORKBAY_FILE_URL_TTL_SECONDS, 10 * 60),
    s3: env.WORKBAY_S3_BUCKET
      ? {
          bucket: env.WORKBAY_S3_BUCKET,
          endpoint: env.WORKBAY_S3_ENDPOINT || undefined,
          region: env.WORKBAY_S3_REGION ?? env.AWS_REGION ?? 'us-east-1',
          forcePathStyle: env.WORKBAY_S3_FORCE_PATH_STYLE === '1',
          accessKeyId: env.WORKBAY_S3_ACCESS_KEY_ID || undefined,
          secretAccessKey: env.WORKBAY_S3_SECRET_ACCESS_KEY || undefined,
        }
      : null,
  };
}

function positive(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return value && Number.isInteger(n) && n > 0 ? n : fallback;
}

export function repoRoot(): string {
  return path.resolve(import.meta.dirname, '..', '..');
}
