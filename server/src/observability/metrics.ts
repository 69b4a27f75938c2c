import { timingSafeEqual } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Request, RequestHandler } from 'express';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * Prometheus metrics (prom-client) of this process, served at `/metrics`. One registry per process:
 * the metrics are module singletons, so other modules (the event consumers, the job queue) can
 * import and update them without wiring.
 */
export const registry = new Registry();
collectDefaultMetrics({ register: registry, prefix: 'workbay_' });

const opLabels = ['operation', 'type', 'transport'] as const;

export const graphqlRequests = new Counter({
  name: 'workbay_graphql_requests_total',
  help: 'GraphQL operations handled, by operation name, type (query, mutation, subscription) and transport (http, ws).',
  labelNames: opLabels,
  registers: [registry],
});

export const graphqlErrors = new Counter({
  name: 'workbay_graphql_errors_total',
  help: 'GraphQL operations that answered with errors (not userErrors), by operation and error code.',
  labelNames: [...opLabels, 'code'],
  registers: [registry],
});

export const graphqlDuration = new Histogram({
  name: 'workbay_graphql_request_duration_seconds',
  help: 'Time to answer a GraphQL query or mutation; for a subscription, how long it stayed open.',
  labelNames: opLabels,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 60, 600, 3600],
  registers: [registry],
});

export const openSockets = new Gauge({
  name: 'workbay_websocket_connections',
  help: 'Open WebSocket connections (graphql-ws).',
  registers: [registry],
});

export const activeSubscriptions = new Gauge({
  name: 'workbay_graphql_active_subscriptions',
  help: 'GraphQL subscriptions currently streaming, by operation.',
  labelNames: ['operation'],
  registers: [registry],
});

/** For the event-log consumers: how many events a consumer is behind the head of the log. */
let lagSource: (() => Promise<Record<string, number>>) | null = null;
export const eventConsumerLag = new Gauge({
  name: 'workbay_event_consumer_lag_events',
  help: 'Events in the domain event log not yet handled by a consumer, by consumer.',
  labelNames: ['consumer'],
  registers: [registry],
  async collect() {
    if (!lagSource) return;
    for (const [consumer, lag] of Object.entries(await lagSource())) this.set({ consumer }, lag);
  },
});

/** For the durable consumers: `collect` returns each consumer's lag, read at each scrape. */
export function registerConsumerLag(collect: () => Promise<Record<string, number>>): void {
  lagSource = collect;
}

let jobQueueDepthRegistered = false;
/** For the job queue: registers a gauge read at each scrape (`collect` returns the number of jobs waiting). */
export function registerJobQueueDepth(collect: () => Promise<number>): Gauge {
  if (jobQueueDepthRegistered) registry.removeSingleMetric('workbay_job_queue_depth');
  jobQueueDepthRegistered = true;
  return new Gauge({
    name: 'workbay_job_queue_depth',
    help: 'Jobs waiting in the job queue (due and scheduled).',
    registers: [registry],
    async collect() {
      this.set(await collect());
    },
  });
}

interface TarnPool {
  numUsed(): number;
  numFree(): number;
  numPendingAcquires(): number;
  max: number;
}
const pools = new Set<() => TarnPool | undefined>();

/** Reports the connection pool of MikroORM's knex (tarn) at each scrape; returns the undo. */
export function trackPool(orm: MikroORM): () => void {
  const read = () => (orm.em.getConnection().getKnex() as unknown as { client: { pool?: TarnPool } }).client.pool;
  pools.add(read);
  return () => void pools.delete(read);
}

new Gauge({
  name: 'workbay_db_pool_connections',
  help: 'Database pool connections: used (checked out), idle (open, free), waiting (requests queued for one), max.',
  labelNames: ['state'],
  registers: [registry],
  collect() {
    const sum = { used: 0, idle: 0, waiting: 0, max: 0 };
    for (const read of pools) {
      const pool = read();
      if (!pool) continue;
      sum.used += pool.numUsed();
      sum.idle += pool.numFree();
      sum.waiting += pool.numPendingAcquires();
      sum.max += pool.max;
    }
    for (const [state, value] of Object.entries(sum)) this.set({ state }, value);
  },
});

const MAX_OPERATION_NAMES = 200;
const seenNames = new Set<string>();
/**
 * Operation names are chosen by clients: a label value only for a plain GraphQL name, and only for
 * the first 200 distinct ones, so a client cannot blow up the number of time series.
 */
export function operationLabel(name: string | null | undefined): string {
  if (!name) return 'anonymous';
  if (!/^[_A-Za-z][_0-9A-Za-z]{0,63}$/.test(name)) return 'other';
  if (seenNames.has(name)) return name;
  if (seenNames.size >= MAX_OPERATION_NAMES) return 'other';
  seenNames.add(name);
  return name;
}

/**
 * `/metrics`: answered for requests from the machine itself (a local Prometheus agent or sidecar)
 * that did not come through a proxy, or with `Authorization: Bearer $METRICS_TOKEN` from anywhere.
 * Everything else gets 404, so the endpoint is not advertised.
 */
export function metricsHandler(metricsToken: string | undefined): RequestHandler {
  return async (req, res) => {
    if (!mayScrape(req, metricsToken)) return void res.status(404).type('text').send('Not found');
    res.setHeader('Cache-Control', 'no-store');
    res.type(registry.contentType).send(await registry.metrics());
  };
}

function mayScrape(req: Request, metricsToken: string | undefined): boolean {
  const auth = req.headers.authorization;
  if (metricsToken && auth?.startsWith('Bearer ')) {
    const given = Buffer.from(auth.slice(7));
    const want = Buffer.from(metricsToken);
    return given.length === want.length && timingSafeEqual(given, want);
  }
  const address = req.socket.remoteAddress ?? '';
  const loopback = address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
  return loopback && !req.headers['x-forwarded-for'] && !req.headers.forwarded;
}
