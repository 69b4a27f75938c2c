import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import type { MikroORM } from '@mikro-orm/postgresql';
import express from 'express';
import { type ExecutionArgs, type ExecutionResult, type FormattedExecutionResult, GraphQLError, getOperationAST, parse, specifiedRules, validate } from 'graphql';
import type { Context as WsContext } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer, type WebSocket } from 'ws';
import type { AppConfig } from './config.js';
import type { Context, Viewer } from './graphql/context.js';
import { formatError } from './graphql/errors.js';
import { mountExplorer } from './graphql/explorer.js';
import { limitRules, MAX_BODY, MAX_BODY_BYTES, MAX_TOKENS } from './graphql/limits.js';
import { hasNulByte, nulByteError } from './graphql/nul-bytes.js';
import { buildWorkbaySchema } from './graphql/schema.js';
import { SharedExecution } from './graphql/shared-execution.js';
import { boardResponseCache } from './graphql/board-response-cache.js';
import { pickLocale } from './i18n/locale.js';
import { bearer } from './modules/auth/tokens.js';
import { CREDENTIAL_REVOKED_CHANNEL, credentialKey, SocketRegistry } from './modules/auth/credential-revocation.js';
import { CLOSE_TOO_MANY_SOCKETS, isClientFrameError, SocketLimits } from './graphql/socket-limits.js';
import { stripSuggestions, withoutSuggestions } from './graphql/suggestions.js';
import { describeForLog } from './graphql/errors.js';
import { EVENTS_CHANNEL } from './events/event-log.js';
import type { ModuleManifest } from './modules/module.js';
import { PgListener } from './realtime/pg-listener.js';
import { createServices, type Services, taskList } from './services.js';
import type { Clock } from './shared/clock.js';
import { mountPages } from './pages.js';
import { type Logger, actorOf, rootLogger, withLog } from './observability/logger.js';
import { errorCode, httpRequestLogging, operationPlugin, SocketOps } from './observability/graphql-ops.js';
import { metricsHandler, openSockets, registerConsumerLag, registerJobQueueDepth, trackPool } from './observability/metrics.js';

export interface RunningApp {
  url: string;
  port: number;
  /** The process's services (benchmarks and jobs call them directly, as the resolvers do). */
  services: Services;
  /** Subscription executions run and results shared between equal subscribers (multiplexing). */
  subscriptionExecutions: { executed: number; shared: number; serialized: number };
  /** WebSocket slots held now (tests, bench): zero once every socket has closed. */
  openSockets(): number;
  stop(): Promise<void>;
}

interface ConnectionState {
  viewer: Viewer | null;
  /** Anonymous sockets of the customer page carry the tracking token they may watch. */
  trackingToken: string | null;
  locale: ReturnType<typeof pickLocale>;
  clientAddress: string;
  ops: SocketOps;
}

/** HTTP GraphQL (Apollo) and WebSocket subscriptions (graphql-ws) on one port and path. */
export async function startApp(
  orm: MikroORM,
  config: AppConfig,
  opts: { port?: number; host?: string; quiet?: boolean; logger?: Logger; modules?: readonly ModuleManifest[]; clock?: Clock } = {},
): Promise<RunningApp> {
  const log = opts.logger ?? rootLogger;
  const untrackPool = trackPool(orm);
  const schema = await buildWorkbaySchema();
  const services = createServices(orm, config, opts.modules ?? [], opts.clock);
  registerJobQueueDepth(() => services.queue.depth(orm.em.fork()));
  registerConsumerLag(() => services.dispatcher.lag());
  const rules = limitRules(config.introspection);
  const hideSuggestions = !config.introspection;
  const formatErr: typeof formatError = (formatted, error) => (hideSuggestions ? withoutSuggestions(formatError(formatted, error)) : formatError(formatted, error));
  const limits = new SocketLimits(config.socketLimits);
  const app = express();
  if (config.trustProxy) app.set('trust proxy', /^\d+$/.test(config.trustProxy) ? Number(config.trustProxy) : config.trustProxy === 'true' || config.trustProxy);
  const httpServer = http.createServer(app);

  const shared = new SharedExecution();
  // --- WebSocket: authenticate in connectionParams; sockets close when their credential is revoked or expires.
  const wss = new WebSocketServer({ server: httpServer, path: '/graphql', maxPayload: MAX_BODY_BYTES });
  const sockets = new SocketRegistry();
  wss.on('connection', (socket) => {
    const send = socket.send.bind(socket) as (data: unknown, ...rest: unknown[]) => void;
    socket.send = ((data: unknown, ...rest: unknown[]) => send(typeof data === 'string' ? shared.expand(data) : data, ...rest)) as typeof socket.send;
    openSockets.inc();
    socket.once('close', () => openSockets.dec());
  });
  const wsServer = useServer<Record<string, unknown>, { state?: ConnectionState; socket: WebSocket; ops?: SocketOps }>(
    {
      schema,
      onConnect: async (ctx) => {
        const params = ctx.connectionParams ?? {};
        const em = orm.em.fork();
        const locale = pickLocale(typeof params.locale === 'string' ? params.locale : ctx.extra.request.headers['accept-language']);
        const socket = ctx.extra.socket;
        const clientAddress = ctx.extra.request.socket.remoteAddress ?? 'unknown';
        const tooMany = (reason: string) => {
          socket.close(CLOSE_TOO_MANY_SOCKETS, reason);
          return false;
        };
        const token = bearer(params.authorization);
        const socketLog = log.child({ socketId: randomUUID() });
        if (token) {
          const viewer = await services.auth.viewerFor(em, token);
          if (!viewer) {
            socketLog.info({ actor: { kind: 'invalid-credential' } }, 'socket refused');
            return false;
          }
          if (!limits.forCredential(socket, credentialKey(viewer))) return tooMany('Too many sockets for this credential');
          const ops = new SocketOps(socketLog, actorOf(viewer));
          ctx.extra.state = { viewer, trackingToken: null, locale, clientAddress, ops };
          sockets.register(viewer, socket);
          socketLog.info({ actor: ops.actor }, 'socket connected');
          return true;
        }
        const trackingToken = typeof params.trackingToken === 'string' ? params.trackingToken : null;
        if (trackingToken) {
          if (!(await services.trackingRateLimit.allows(clientAddress))) return tooMany('Too many requests');
          if (!limits.forLink(socket, trackingToken)) return tooMany('Too many sockets for this link');
          const order = await services.tracking.findByToken(em, trackingToken);
          if (order) {
            const ops = new SocketOps(socketLog, actorOf(null, order.id));
            ctx.extra.state = { viewer: null, trackingToken, locale, clientAddress, ops };
            socketLog.info({ actor: ops.actor }, 'socket connected');
            return true;
          }
        }
        socketLog.info({ actor: { kind: trackingToken ? 'unknown-customer-link' : 'anonymous' } }, 'socket refused');
        return false; // closes with 4403 Forbidden
      },
      onSubscribe: (ctx, id, payload) => {
        const refused = limits.checkOperations(Object.keys(ctx.subscriptions).length);
        if (refused) return refused;
        const op = ctx.extra.state!.ops.start(id, payload.operationName);
        const prepared = withLog(op.log, () =>
          prepareSocketOperation(ctx, payload, schema, rules, (state) => ({ em: orm.em.fork(), viewer: state.viewer, locale: state.locale, services, clientAddress: state.clientAddress })),
        );
        if (Array.isArray(prepared)) {
          op.errorCodes.push(...prepared.map(errorCode));
          ctx.extra.state!.ops.finish(id);
          return hideSuggestions ? stripSuggestions(prepared) : prepared;
        }
        const ast = getOperationAST((prepared as ExecutionArgs).document, payload.operationName);
        op.type = ast?.operation;
        op.name ??= ast?.name?.value;
        return prepared;
      },
      subscribe: shared.subscribe,
      onOperation: (ctx, id, _payload, _args, result) => {
        if (Symbol.asyncIterator in result) ctx.extra.state?.ops.subscribed(id);
      },
      onNext: (ctx, id, _payload, _args, result) => {
        const op = ctx.extra.state?.ops.get(id);
        if (op && result.errors?.length) op.errorCodes.push(...result.errors.map((e) => errorCode(e as GraphQLError)));
        const masked = op ? withLog(op.log, () => maskResult(result, formatErr)) : maskResult(result, formatErr);
        // An unchanged shared result goes out as one message serialised once for all its sockets.
        return (masked === result ? shared.envelope(result as ExecutionResult) : masked) as FormattedExecutionResult;
      },
      onError: (ctx, id, _payload, errors) => {
        ctx.extra.state?.ops.get(id)?.errorCodes.push(...errors.map(errorCode));
      },
      onComplete: (ctx, id) => ctx.extra.state?.ops.finish(id),
      onClose: (ctx) => ctx.extra.state?.ops.finishAll(),
    },
    wss,
  );
  // graphql-ws logs every socket error with its stack as an internal error. A frame over the limit
  // (ws closes with 1009) or a broken frame is the client's error: not logged, so anonymous callers
  // cannot fill the log. Anything else still goes to graphql-ws's handler.
  wss.on('connection', (socket) => {
    const theirs = socket.listeners('error') as ((err: Error) => void)[];
    socket.removeAllListeners('error');
    socket.on('error', (err) => {
      if (isClientFrameError(err)) return;
      log.error({ err: describeForLog(err) }, 'WebSocket error');
      for (const listener of theirs) listener.call(socket, err);
    });
  });

  // --- HTTP
  const apollo = new ApolloServer<Context>({
    schema,
    introspection: config.introspection,
    validationRules: rules,
    parseOptions: { maxTokens: MAX_TOKENS },
    formatError: formatErr,
    hideSchemaDetailsFromClientErrors: hideSuggestions,
    includeStacktraceInErrorResponses: false,
    stopOnTerminationSignals: false, // main.ts owns shutdown: drain, close the ORM, then stop the database
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(), // Apollo's page loads its Sandbox from a CDN; /explorer is ours
      operationPlugin(),
      boardResponseCache(),
      { async serverWillStart() { return { drainServer: async () => { await wsServer.dispose(); } }; } },
    ],
  });
  await apollo.start();
  app.disable('x-powered-by');
  app.use(httpRequestLogging(log));
  app.use((_req, res, next) => {
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    next();
  });
  if (config.explorer) mountExplorer(app);
  app.use(
    '/graphql',
    express.json({ limit: MAX_BODY }),
    (req, res, next) => {
      if (hasNulByte(req.body?.variables)) return void res.status(400).json({ errors: [nulByteError().toJSON()] });
      next();
    },
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        const em = orm.em.fork();
        const viewer = await services.auth.viewerFor(em, bearer(req.headers.authorization));
        return { em, viewer, locale: pickLocale(req.headers['accept-language']), services, clientAddress: req.ip ?? req.socket.remoteAddress ?? 'unknown' };
      },
    }),
  );
  // Bodies that are not JSON or too large: a GraphQL-shaped error, not Express's HTML page.
  app.use('/graphql', (err: { status?: number; type?: string }, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    const status = err.status && err.status >= 400 && err.status < 500 ? err.status : 400;
    const message = err.type === 'entity.too.large' ? `Request body larger than ${MAX_BODY}` : 'Request body is not valid JSON';
    res.status(status).json({ errors: [{ message, extensions: { code: 'BAD_REQUEST' } }] });
  });
  app.get('/healthz', (_req, res) => void res.json({ ok: true }));
  app.get('/metrics', metricsHandler(config.metricsToken));
  for (const m of services.modules) m.http?.(app, services);
  mountPages(app);

  const listener = new PgListener(
    config.databaseUrl ?? (orm.config.get('clientUrl') as string),
    {
      [EVENTS_CHANNEL]: (payload) => services.live.notify(payload),
      [CREDENTIAL_REVOKED_CHANNEL]: (payload) => sockets.revoked(payload),
    },
    () => void services.live.reconnected(),
  );
  await listener.start();
  // Every process runs a worker: durable consumers and scheduled jobs, each job taken by one process.
  if (config.worker) {
    await services.queue.start(taskList(services), { pollInterval: 1000, crontab: services.modules.flatMap((m) => m.cron ?? []).join('\n') });
    await services.dispatcher.catchUp();
  }

  await new Promise<void>((resolve) => httpServer.listen(opts.port ?? config.port, opts.host ?? config.host, resolve));
  const port = (httpServer.address() as AddressInfo).port;
  return {
    port,
    url: `http://localhost:${port}/graphql`,
    services,
    subscriptionExecutions: shared.stats,
    openSockets: () => limits.openSockets,
    async stop() {
      await apollo.stop(); // drains HTTP and disposes the WebSocket server (completing subscriptions)
      wss.close();
      await listener.stop();
      await services.queue.stop();
      untrackPool();
    },
  };
}

/** Parses with the token limit, validates with the abuse rules, and only lets anonymous sockets watch their own link. */
function prepareSocketOperation(
  ctx: WsContext<Record<string, unknown>, { state?: ConnectionState }>,
  payload: { query: string; variables?: Record<string, unknown> | null; operationName?: string | null },
  schema: Awaited<ReturnType<typeof buildWorkbaySchema>>,
  rules: ReturnType<typeof limitRules>,
  makeContext: (state: ConnectionState) => Context,
): ExecutionArgs | readonly GraphQLError[] {
  const state = ctx.extra.state!;
  if (hasNulByte(payload.variables)) return [nulByteError()];
  let document;
  try {
    document = parse(payload.query, { maxTokens: MAX_TOKENS });
  } catch (e) {
    return [e instanceof GraphQLError ? e : new GraphQLError('Cannot parse the operation')];
  }
  const errors = validate(schema, document, [...specifiedRules, ...rules]);
  if (errors.length) return errors;
  if (!state.viewer) {
    const op = getOperationAST(document, payload.operationName);
    const fields = op?.selectionSet.selections ?? [];
    const onlyOwnProgress =
      op?.operation === 'subscription' &&
      fields.length === 1 &&
      fields[0].kind === 'Field' &&
      fields[0].name.value === 'workOrderProgress' &&
      resolveTokenArg(fields[0], payload.variables) === state.trackingToken;
    if (!onlyOwnProgress) return [new GraphQLError('Authentication required', { extensions: { code: 'UNAUTHENTICATED' } })];
  }
  return { schema, document, variableValues: payload.variables, operationName: payload.operationName, contextValue: makeContext(state) };
}

function resolveTokenArg(field: import('graphql').FieldNode, variables: Record<string, unknown> | null | undefined): unknown {
  const arg = field.arguments?.find((a) => a.name.value === 'token');
  if (!arg) return undefined;
  if (arg.value.kind === 'StringValue') return arg.value.value;
  if (arg.value.kind === 'Variable') return variables?.[arg.value.name.value];
  return undefined;
}

function maskResult(result: import('graphql').FormattedExecutionResult, format: typeof formatError) {
  if (!result.errors?.length) return result;
  return { ...result, errors: result.errors.map((e) => format(e instanceof GraphQLError ? e.toJSON() : e, e)) };
}
