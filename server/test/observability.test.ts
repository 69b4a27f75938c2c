import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../src/observability/logger.js';
import { collect } from './helpers/subscriptions.js';
import { PASSWORD, type TestApp, startTestApp } from './helpers/test-app.js';

/** Every log line the app writes, parsed. */
function captureLogs() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
  return { logger: createLogger({ level: 'debug', destination: stream }), lines, text: () => lines.join('\n'), json: () => lines.map((l) => JSON.parse(l)) };
}

const MOBILE = '13912345678';
const CUSTOMER_NAME = '张三丰';

let t: TestApp;
const logs = captureLogs();
beforeAll(async () => {
  t = await startTestApp({ logger: logs.logger, config: { metricsToken: 'metrics-secret-123' } });
});
afterAll(() => t.stop());

describe('structured logs', () => {
  it('a login and a customer creation leave one JSON line each with request id, actor, operation and duration, and no password, token or personal data', async () => {
    const loginRes = await fetch(t.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'req-login-1' },
      body: JSON.stringify({ operationName: 'Login', query: `mutation Login($input: LoginInput!) { login(input: $input) { token } }`, variables: { input: { username: 'advisor', password: PASSWORD } } }),
    });
    expect(loginRes.headers.get('x-request-id')).toBe('req-login-1');
    const token = ((await loginRes.json()) as { data: { login: { token: string } } }).data.login.token;
    expect(token).toBeTruthy();
    const created = await t.gql(
      `mutation CreateCustomer($input: CreateCustomerInput!) { createCustomer(input: $input) { customer { id } userErrors { code } } }`,
      { input: { mobile: MOBILE, name: CUSTOMER_NAME } },
      { token },
    );
    expect(created.data.createCustomer.customer.id).toBeTruthy();
    // A refused one, with the mobile in a literal the validation error would echo.
    const bad = await t.gql(`mutation Bad { createCustomer(input: { mobile: ${MOBILE}, name: "${CUSTOMER_NAME}" }) { customer { id } } }`, {}, { token });
    expect(bad.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');

    const text = logs.text();
    for (const secret of [PASSWORD, token, token.slice(4, 24), MOBILE, CUSTOMER_NAME]) expect(text).not.toContain(secret);

    const ops = logs.json().filter((l) => l.msg === 'graphql operation');
    const login = ops.find((l) => l.operation === 'Login');
    expect(login).toMatchObject({ reqId: 'req-login-1', type: 'mutation', transport: 'http', actor: { kind: 'anonymous' }, level: 'info', service: 'workbay' });
    expect(login.durationMs).toBeGreaterThan(0);
    const create = ops.find((l) => l.operation === 'CreateCustomer');
    expect(create).toMatchObject({ type: 'mutation', transport: 'http', actor: { kind: 'staff', id: t.staffIds.advisor, storeId: t.storeId } });
    expect(create.reqId).toMatch(/^[0-9a-f-]{36}$/);
    expect(create.reqId).not.toBe(login.reqId);
    expect(ops.find((l) => l.operation === 'Bad')).toMatchObject({ errors: ['GRAPHQL_VALIDATION_FAILED'] });
  });

  it('a socket operation gets its own line with socket and operation ids, the actor and its duration; the token stays out', async () => {
    const token = await t.login('manager');
    const client = t.ws({ authorization: `Bearer ${token}` });
    const sub = collect(client, `subscription WallFeed { boardEvents { cursor } }`);
    await expect.poll(() => logs.json().some((l) => l.msg === 'socket connected')).toBe(true);
    sub.stop();
    await expect.poll(() => logs.json().find((l) => l.operation === 'WallFeed')).toBeTruthy();
    const line = logs.json().find((l) => l.operation === 'WallFeed');
    expect(line).toMatchObject({ type: 'subscription', transport: 'ws', actor: { kind: 'staff', id: t.staffIds.manager } });
    expect(line.socketId).toMatch(/^[0-9a-f-]{36}$/);
    expect(line.opId).toBeTruthy();
    expect(logs.text()).not.toContain(token);
  });

  it('paths are logged without query strings and without the customer-link token', async () => {
    await fetch(`${t.url.replace('/graphql', '')}/t/secret-link-token-abc?x=1`);
    await fetch(`${t.url.replace('/graphql', '')}/wall?token=wbd_secret-wall-token`);
    const text = logs.text();
    expect(text).not.toContain('secret-link-token-abc');
    expect(text).not.toContain('wbd_secret-wall-token');
    expect(logs.json().some((l) => l.msg === 'http request' && l.path === '/t/:token')).toBe(true);
  });
});

/** Reads one sample of the exposition text, 0 when absent. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    if (Object.entries(labels).every(([k, v]) => line.includes(`${k}="${v}"`))) return Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return 0;
}

describe('/metrics', () => {
  const metrics = async (headers: Record<string, string> = {}) => {
    const res = await fetch(t.url.replace('/graphql', '/metrics'), { headers });
    return { status: res.status, type: res.headers.get('content-type'), text: await res.text() };
  };

  it('counts operations, errors and durations by operation after real requests', async () => {
    const before = (await metrics()).text;
    const token = await t.login('advisor');
    await t.gql(`query Me { me { id } }`, {}, { token });
    await t.gql(`query Me { me { id } }`, {}, { token });
    await t.gql(`mutation Forbidden { createDisplayToken(input: { name: "x" }) { token } }`, {}, { token });
    const after = await metrics();
    expect(after.status).toBe(200);
    expect(after.type).toContain('text/plain');
    const me = { operation: 'Me', type: 'query', transport: 'http' };
    expect(sample(after.text, 'workbay_graphql_requests_total', me) - sample(before, 'workbay_graphql_requests_total', me)).toBe(2);
    expect(sample(after.text, 'workbay_graphql_request_duration_seconds_count', me) - sample(before, 'workbay_graphql_request_duration_seconds_count', me)).toBe(2);
    expect(sample(after.text, 'workbay_graphql_errors_total', { operation: 'Forbidden', code: 'FORBIDDEN' }) - sample(before, 'workbay_graphql_errors_total', { operation: 'Forbidden', code: 'FORBIDDEN' })).toBe(1);
    expect(sample(after.text, 'workbay_graphql_errors_total', { operation: 'Me' })).toBe(0);
  });

  it('gauges open sockets and active subscriptions, and the database pool', async () => {
    const base = await metrics();
    const token = await t.login('foreman');
    const client = t.ws({ authorization: `Bearer ${token}` });
    const sub = collect(client, `subscription Floor { boardEvents { cursor } }`);
    await expect.poll(async () => sample((await metrics()).text, 'workbay_graphql_active_subscriptions', { operation: 'Floor' })).toBe(1);
    expect(sample((await metrics()).text, 'workbay_websocket_connections') - sample(base.text, 'workbay_websocket_connections')).toBe(1);
    sub.stop();
    await client.dispose();
    await expect.poll(async () => sample((await metrics()).text, 'workbay_graphql_active_subscriptions', { operation: 'Floor' })).toBe(0);
    await expect.poll(async () => sample((await metrics()).text, 'workbay_websocket_connections')).toBe(sample(base.text, 'workbay_websocket_connections'));
    const text = (await metrics()).text;
    expect(sample(text, 'workbay_db_pool_connections', { state: 'max' })).toBe(10);
    expect(sample(text, 'workbay_db_pool_connections', { state: 'idle' }) + sample(text, 'workbay_db_pool_connections', { state: 'used' })).toBeGreaterThan(0);
    expect(text).toMatch(/workbay_db_pool_connections\{state="waiting"\} \d+/);
  });

  it('answers only the machine itself, or anyone with METRICS_TOKEN', async () => {
    expect((await metrics({ 'x-forwarded-for': '203.0.113.9' })).status).toBe(404);
    expect((await metrics({ 'x-forwarded-for': '203.0.113.9', authorization: 'Bearer wrong-token-here' })).status).toBe(404);
    expect((await metrics({ 'x-forwarded-for': '203.0.113.9', authorization: 'Bearer metrics-secret-123' })).status).toBe(200);
  });
});
