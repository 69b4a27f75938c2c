import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ModuleManifest } from '../../src/modules/module.js';
import type { MikroORM } from '@mikro-orm/postgresql';
import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { type RunningApp, startApp } from '../../src/app.js';
import { type AppConfig, readConfig } from '../../src/config.js';
import { openOrm } from '../../src/db/orm.js';
import { hashPassword } from '../../src/modules/auth/password.js';
import { Role, Skill } from '../../src/modules/staff/roles.js';
import { Staff } from '../../src/modules/staff/staff.entity.js';
import { Bay } from '../../src/modules/store/bay.entity.js';
import { DealerGroup } from '../../src/modules/dealer-group/dealer-group.entity.js';
import { Store } from '../../src/modules/store/store.entity.js';
import { createTestDatabase } from './database.js';
import type { Logger } from '../../src/observability/logger.js';
import type { Clock } from '../../src/shared/clock.js';

export const PASSWORD = 'test-pass-1';

export interface GqlResult<T = any> {
  data?: T;
  errors?: { message: string; path?: string[]; extensions?: { code?: string } }[];
}

export interface TestApp {
  url: string;
  wsUrl: string;
  databaseUrl: string;
  orm: MikroORM;
  storeId: number;
  otherStoreId: number;
  bays: Bay[];
  staffIds: Record<string, number>;
  /** SQL statements seen by the server's ORM since the last reset. */
  sql: { statements: string[]; reset(): void };
  gql<T = any>(query: string, variables?: Record<string, unknown>, opts?: { token?: string | null; locale?: string }): Promise<GqlResult<T>>;
  login(username: string): Promise<string>;
  ws(connectionParams: Record<string, unknown>): Client;
  /** The running server (for its counters). */
  server: RunningApp;
  /** WebSocket slots the server holds now (zero once every socket has closed). */
  openSockets(): number;
  stop(): Promise<void>;
}

/** Staff of the fixture store: username → roles and skills. */
export const FIXTURE_STAFF: Record<string, { roles: Role[]; skills?: Skill[] }> = {
  admin: { roles: [Role.ADMIN] },
  manager: { roles: [Role.SERVICE_MANAGER] },
  advisor: { roles: [Role.SERVICE_ADVISOR] },
  foreman: { roles: [Role.FOREMAN] },
  tech1: { roles: [Role.TECHNICIAN], skills: [Skill.ENGINE, Skill.MAINTENANCE, Skill.CHASSIS] },
  tech2: { roles: [Role.TECHNICIAN], skills: [Skill.ELECTRICAL, Skill.ENGINE] },
  tech3: { roles: [Role.TECHNICIAN], skills: [Skill.BODY, Skill.PAINT] },
  leader: { roles: [Role.TEAM_LEADER, Role.TECHNICIAN], skills: Object.values(Skill) },
  qc: { roles: [Role.QC_INSPECTOR] },
  parts: { roles: [Role.PARTS_CLERK] },
  warranty: { roles: [Role.WARRANTY_CLERK] },
  cashier: { roles: [Role.CASHIER] },
  cs: { roles: [Role.CUSTOMER_SERVICE] },
};

export async function startTestApp(opts: { config?: Partial<AppConfig>; databaseUrl?: string; fixture?: boolean; modules?: ModuleManifest[]; logger?: Logger; clock?: Clock } = {}): Promise<TestApp> {
  const databaseUrl = opts.databaseUrl ?? (await createTestDatabase());
  const statements: string[] = [];
  const orm = await openOrm({ clientUrl: databaseUrl, onQuery: (sql) => statements.push(sql) });
  const fixture = opts.fixture === false ? null : await seedFixture(orm);
  const defaults = readConfig({});
  // Each test app stores its uploads in its own temporary directory.
  const uploads = { ...defaults.uploads, dir: fs.mkdtempSync(path.join(os.tmpdir(), 'workbay-uploads-')) };
  const config = { ...defaults, databaseUrl, publicUrl: 'http://workbay.test', uploads, ...opts.config };
  const app = await startApp(orm, config, { port: 0, host: '127.0.0.1', modules: opts.modules, logger: opts.logger, clock: opts.clock });
  const url = `http://127.0.0.1:${app.port}/graphql`;
  const tokens = new Map<string, string>();
  const clients: Client[] = [];

  const gql: TestApp['gql'] = async (query, variables, o = {}) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (o.token) headers.authorization = `Bearer ${o.token}`;
    if (o.locale) headers['accept-language'] = o.locale;
    const res = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
    return (await res.json()) as GqlResult;
  };

  return {
    url,
    wsUrl: url.replace('http', 'ws'),
    databaseUrl,
    orm,
    storeId: fixture?.storeId ?? 0,
    otherStoreId: fixture?.otherStoreId ?? 0,
    bays: fixture?.bays ?? [],
    staffIds: fixture?.staffIds ?? {},
    sql: { statements, reset: () => void statements.splice(0) },
    gql,
    server: app,
    async login(username) {
      const cached = tokens.get(username);
      if (cached) return cached;
      const res = await gql(`mutation($input: LoginInput!) { login(input: $input) { token userErrors { code } } }`, { input: { username, password: PASSWORD } });
      const token = res.data?.login?.token;
      if (!token) throw new Error(`login ${username} failed: ${JSON.stringify(res)}`);
      tokens.set(username, token);
      return token;
    },
    ws(connectionParams) {
      const client = createClient({ url: url.replace('http', 'ws'), webSocketImpl: WebSocket, connectionParams, retryAttempts: 0, lazy: true });
      clients.push(client);
      return client;
    },
    openSockets: () => app.openSockets(),
    async stop() {
      await Promise.all(clients.map((c) => c.dispose()));
      await app.stop();
      await orm.close(true);
    },
  };
}

async function seedFixture(orm: MikroORM) {
  const passwordHash = await hashPassword(PASSWORD);
  const em = orm.em.fork();
  // Two unrelated stores: each in a dealer group of its own.
  const store = em.create(Store, { name: '测试大众4S店', code: 'TEST-1', phone: '010-1234 5678', dealerGroup: em.create(DealerGroup, { name: '测试集团' }) });
  const other = em.create(Store, { name: '另一家门店', code: 'TEST-2', dealerGroup: em.create(DealerGroup, { name: '另一集团' }) });
  const bays = [
    em.create(Bay, { store, name: '1号工位', skills: [Skill.MAINTENANCE, Skill.ENGINE], position: 0 }),
    em.create(Bay, { store, name: '2号工位', skills: [Skill.ELECTRICAL], position: 1 }),
    em.create(Bay, { store, name: '3号工位', skills: [Skill.BODY, Skill.PAINT], position: 2 }),
  ];
  em.create(Bay, { store: other, name: '别店工位', skills: [] });
  const staff = Object.entries(FIXTURE_STAFF).map(([username, s]) =>
    em.create(Staff, { store, username, name: `${username}-姓名`, roles: s.roles, skills: s.skills ?? [], businessPhone: '010-1234 5600', passwordHash }),
  );
  staff.push(em.create(Staff, { store: other, username: 'other_manager', name: '别店经理', roles: [Role.SERVICE_MANAGER], passwordHash }));
  staff.push(em.create(Staff, { store: other, username: 'other_tech', name: '别店技师', roles: [Role.TECHNICIAN], skills: Object.values(Skill), passwordHash }));
  await em.flush();
  return { storeId: store.id, otherStoreId: other.id, bays, staffIds: Object.fromEntries(staff.map((s) => [s.username, s.id])) };
}
