import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbId } from '../src/graphql/global-id.js';
import { MessagePurpose } from '../src/modules/outbox/outbox.enums.js';
import { ManualClock } from '../src/shared/clock.js';
import { createCustomerAndVehicle } from './helpers/flows.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

/** A stand-in SMS/WeChat gateway on a local port: records every request and answers with the status the test sets. */
const received: { headers: http.IncomingHttpHeaders; body: any }[] = [];
let answer = { status: 200, body: '{"ok":true}' };
const gateway = http.createServer((req, res) => {
  let raw = '';
  req.on('data', (c) => (raw += c));
  req.on('end', () => {
    received.push({ headers: req.headers, body: JSON.parse(raw) });
    res.writeHead(answer.status, { 'content-type': 'application/json' }).end(answer.body);
  });
});

const clock = new ManualClock(new Date('2027-03-01T10:00:00+08:00'));
let app: TestApp;
beforeAll(async () => {
  await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
  const webhookUrl = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}/send`;
  app = await startTestApp({ clock, config: { worker: false, outbox: { webhookUrl, webhookToken: 'gateway-secret', webhookChannels: ['SMS', 'WECHAT', 'APP_PUSH'] } } });
});
afterAll(async () => {
  await app?.stop();
  await new Promise((resolve) => gateway.close(resolve));
});

const LIST = `query($filter: OutboxFilter) { outboxMessages(first: 10, filter: $filter) { edges { node { id status attempts failure scheduledAt sentAt } } } }`;
async function message(customerId: string) {
  const res = await app.gql(LIST, { filter: { customerId } }, { token: await app.login('cs') });
  return res.data.outboxMessages.edges[0].node;
}
async function enqueue(key: string) {
  const { customerId } = await createCustomerAndVehicle(app);
  const result = await app.server.services.outbox.enqueue(app.orm.em.fork(), { kind: 'system', storeId: app.storeId, process: 'test' }, {
    storeId: app.storeId,
    customerId: dbId(customerId, 'Customer')!,
    template: 'HOLIDAY_QINGMING',
    variables: {},
    scheduledAt: clock.now(),
    purpose: MessagePurpose.CARE,
    idempotencyKey: `test:webhook:${key}`,
  });
  if (!result.ok) throw new Error(JSON.stringify(result));
  return customerId;
}
async function sendDueAt(at: Date) {
  clock.set(at);
  await app.server.services.outbox.sendDue(app.orm.em.fork(), app.storeId);
}

describe('the HTTP webhook sender (R-CARE-7)', () => {
  it('R-CARE-7 posts the rendered message as JSON with the bearer token and the idempotency key; nothing is recorded in memory', async () => {
    answer = { status: 200, body: '{"ok":true}' };
    received.length = 0;
    const customerId = await enqueue('ok');
    await sendDueAt(clock.now());
    expect(received).toHaveLength(1);
    expect(received[0].headers).toMatchObject({ authorization: 'Bearer gateway-secret', 'idempotency-key': 'test:webhook:ok', 'content-type': 'application/json' });
    expect(received[0].body).toMatchObject({ channel: 'SMS', to: expect.stringMatching(/^1\d{10}$/), template: 'HOLIDAY_QINGMING', locale: 'zh', text: expect.stringContaining('清明出行') });
    expect(await message(customerId)).toMatchObject({ status: 'SENT', attempts: 1, failure: null });
    expect(app.server.services.outbox.recording.sent).toEqual([]);
  });

  it('R-CARE-7 a failing provider is retried with backoff (1, 2, 4 minutes) and the message ends FAILED with the error after the 4th attempt', async () => {
    answer = { status: 503, body: 'gateway down' };
    received.length = 0;
    const customerId = await enqueue('down');
    const t0 = clock.now().getTime();
    const waits = [60, 120, 240];
    let t = t0;
    for (const [i, wait] of waits.entries()) {
      await sendDueAt(new Date(t));
      expect(await message(customerId)).toMatchObject({ status: 'SCHEDULED', attempts: i + 1, failure: 'HTTP 503: gateway down', scheduledAt: new Date(t + wait * 1000).toISOString() });
      // Not due yet: nothing is sent early.
      await sendDueAt(new Date(t + wait * 1000 - 1000));
      expect(received).toHaveLength(i + 1);
      t += wait * 1000;
    }
    await sendDueAt(new Date(t));
    expect(await message(customerId)).toMatchObject({ status: 'FAILED', attempts: 4, failure: 'HTTP 503: gateway down', sentAt: null });
    expect(received).toHaveLength(4);
    await sendDueAt(new Date(t + 3_600_000));
    expect(received).toHaveLength(4);
  });

  it('R-CARE-7 a provider that recovers: the retry is sent, the earlier error kept', async () => {
    answer = { status: 500, body: 'busy' };
    received.length = 0;
    const customerId = await enqueue('recovers');
    await sendDueAt(clock.now());
    answer = { status: 202, body: '' };
    await sendDueAt(new Date(clock.now().getTime() + 60_000));
    expect(await message(customerId)).toMatchObject({ status: 'SENT', attempts: 2, failure: 'HTTP 500: busy' });
    expect(received.map((r) => r.headers['idempotency-key'])).toEqual(['test:webhook:recovers', 'test:webhook:recovers']);
  });
});
