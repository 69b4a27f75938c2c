import fs from 'node:fs';
import path from 'node:path';
import { parse, print } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbId } from '../src/graphql/global-id.js';
import { MessagePurpose } from '../src/modules/outbox/outbox.enums.js';
import { sendKey } from '../src/modules/outbox/outbox.service.js';
import { ManualClock } from '../src/shared/clock.js';
import { createCustomerAndVehicle } from './helpers/flows.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

const NOW = new Date('2026-12-01T10:00:00+08:00');
const clock = new ManualClock(NOW);
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ clock, config: { worker: false } });
});
afterAll(() => app?.stop());

const sql = async <T = Record<string, unknown>>(query: string, params: unknown[] = []): Promise<T[]> => app.orm.em.fork().getConnection().execute(query, params);
const CREATE = `mutation($input: CreateCampaignInput!) { createCampaign(input: $input) {
  campaign { id name template channel audience { valueClass vehicleAgeClass lastVisitBefore } sendFrom audienceSize suppressedByFrequencyCap } userErrors { code field } } }`;
const SEND_FROM = '2026-12-05T09:00:00+08:00';

/**
 * A customer whose computed segment is given: the segment row is what the segmentation module's
 * consumer writes (its computation has its own tests); here it is set directly to choose audiences.
 */
async function customerIn(valueClass: string, vehicleAgeClass: string, lastVisitAt: string | null) {
  const { customerId } = await createCustomerAndVehicle(app);
  const id = dbId(customerId, 'Customer')!;
  await sql(
    `insert into customer_segment (customer_id, store_id, value_class, reasons, vehicle_age_class, usage, tags, churn_reasons, last_visit_at, computed_at)
     values (?, ?, ?, '[]', ?, 'PRIVATE', '{}', '[]', ?, now())
     on conflict (customer_id) do update set value_class = excluded.value_class, vehicle_age_class = excluded.vehicle_age_class, last_visit_at = excluded.last_visit_at`,
    [id, app.storeId, valueClass, vehicleAgeClass, lastVisitAt],
  );
  return { customerId, id };
}
async function create(input: Record<string, unknown>, as = 'manager') {
  const res = await app.gql(CREATE, { input }, { token: await app.login(as) });
  return res.data?.createCampaign ?? res;
}
const messagesOf = (campaignId: string) =>
  sql<{ customer_id: number; status: string; purpose: string; template: string; scheduled_at: Date; suppressed_because: string | null }>(
    'select customer_id, status, purpose, template, scheduled_at, suppressed_because from outbox_message where campaign_id = ? order by customer_id',
    [dbId(campaignId, 'Campaign')],
  );

describe('campaigns through the outbox under the frequency cap (R-CARE-6)', () => {
  it('R-CARE-6 the audience is every customer whose computed segment matches; each gets one MARKETING message at the send time', async () => {
    await sql('delete from customer_segment');
    const a = await customerIn('A', 'IN_WARRANTY', '2026-06-01T10:00:00+08:00');
    const b = await customerIn('B', 'TWO_TO_FIVE_YEARS', '2026-08-20T10:00:00+08:00');
    await customerIn('C', 'IN_WARRANTY', '2026-06-01T10:00:00+08:00'); // class not wanted
    await customerIn('A', 'OVER_FIVE_YEARS', '2026-06-01T10:00:00+08:00'); // vehicle age not wanted
    await customerIn('B', 'IN_WARRANTY', '2026-10-01T10:00:00+08:00'); // came after the date
    await customerIn('A', 'IN_WARRANTY', null); // never came
    const made = await create({ name: '冬季免费检测', template: 'WINTER_CHECK', audience: { valueClass: ['A', 'B'], vehicleAgeClass: ['IN_WARRANTY', 'TWO_TO_FIVE_YEARS'], lastVisitBefore: '2026-09-01' }, sendFrom: SEND_FROM, channel: 'WECHAT' });
    expect(made.userErrors).toEqual([]);
    expect(made.campaign).toMatchObject({ name: '冬季免费检测', template: 'WINTER_CHECK', channel: 'WECHAT', audience: { valueClass: ['A', 'B'], vehicleAgeClass: ['IN_WARRANTY', 'TWO_TO_FIVE_YEARS'], lastVisitBefore: '2026-09-01' }, audienceSize: 2, suppressedByFrequencyCap: 0 });
    const messages = await messagesOf(made.campaign.id);
    expect(messages.map((m) => m.customer_id)).toEqual([a.id, b.id]);
    for (const m of messages) expect({ ...m, scheduled_at: new Date(m.scheduled_at).toISOString() }).toMatchObject({ status: 'SCHEDULED', purpose: 'MARKETING', template: 'WINTER_CHECK', suppressed_because: null, scheduled_at: new Date(SEND_FROM).toISOString() });
    // The manager reads it back.
    const list = await app.gql(`{ campaigns(first: 10) { totalCount edges { node { id audienceSize } } } }`, {}, { token: await app.login('manager') });
    expect(list.data.campaigns.edges[0].node).toEqual({ id: made.campaign.id, audienceSize: 2 });
  });

  it('R-CARE-6 grouped with the other contacts: a customer already sent enough care messages around the send time is held back (SUPPRESSED, FREQUENCY_CAP); service messages do not count', async () => {
    await sql('delete from customer_segment');
    const busy = await customerIn('A', 'IN_WARRANTY', '2026-06-01T10:00:00+08:00');
    const calm = await customerIn('A', 'IN_WARRANTY', '2026-06-01T10:00:00+08:00');
    const outbox = app.server.services.outbox;
    const plan = (customerId: number, purpose: MessagePurpose, day: number) =>
      app.orm.em.fork().transactional((tx) =>
        outbox.enqueue(tx, { kind: 'system', storeId: app.storeId, process: 'test' }, { storeId: app.storeId, customerId, template: 'WINTER_CHECK', variables: {}, scheduledAt: new Date(`2026-12-0${day}T10:00:00+08:00`), purpose, idempotencyKey: `test:${customerId}:${purpose}:${day}` }),
      );
    // Three care contacts within the week of the campaign (the default cap: 3 in 7 days) …
    for (const day of [2, 3, 7]) await plan(busy.id, MessagePurpose.CARE, day);
    // … while the other customer only had service messages (a delay notice, a pick-up reminder).
    for (const day of [2, 3, 4]) await plan(calm.id, MessagePurpose.SERVICE, day);
    const made = await create({ name: '假期出行检查', template: 'HOLIDAY_TRIP', audience: { valueClass: ['A'] }, sendFrom: SEND_FROM });
    expect(made.campaign).toMatchObject({ audienceSize: 2, suppressedByFrequencyCap: 1, channel: null });
    const messages = await messagesOf(made.campaign.id);
    expect(messages.map((m) => [m.customer_id, m.status, m.suppressed_because])).toEqual([
      [busy.id, 'SUPPRESSED', 'FREQUENCY_CAP'],
      [calm.id, 'SCHEDULED', null],
    ]);
    // The held-back message has no send job; the other one has.
    const ids = await sql<{ id: number }>('select id from outbox_message where campaign_id = ? order by customer_id', [dbId(made.campaign.id, 'Campaign')]);
    const jobs = await sql<{ n: number }>(`select count(*)::int as n from graphile_worker.jobs where key = any(?::text[])`, [`{${ids.map((m) => sendKey(m.id)).join(',')}}`]);
    expect(jobs[0].n).toBe(1);
  });

  it('refusals write nothing: an unknown template, a send time past or too far, a phone call as the channel, a bad date; only managers create campaigns', async () => {
    const before = await sql<{ n: number }>('select count(*)::int as n from campaign');
    const base = { name: '夏季空调检测', template: 'SUMMER_AC', audience: {}, sendFrom: SEND_FROM };
    expect((await create({ ...base, template: 'NOPE' })).userErrors).toEqual([{ code: 'CAMPAIGN_UNKNOWN_TEMPLATE', field: ['input', 'template'] }]);
    expect((await create({ ...base, sendFrom: '2026-11-30T09:00:00+08:00' })).userErrors).toEqual([{ code: 'CAMPAIGN_SEND_NOT_AHEAD', field: ['input', 'sendFrom'] }]);
    expect((await create({ ...base, sendFrom: '2027-06-01T09:00:00+08:00' })).userErrors[0].code).toBe('CAMPAIGN_SEND_NOT_AHEAD');
    expect((await create({ ...base, channel: 'PHONE_TASK' })).userErrors).toEqual([{ code: 'CAMPAIGN_CHANNEL_NOT_ALLOWED', field: ['input', 'channel'] }]);
    expect((await create({ ...base, audience: { lastVisitBefore: '2026-13-01' } })).userErrors).toEqual([{ code: 'CAMPAIGN_INVALID_DATE', field: ['input', 'audience', 'lastVisitBefore'] }]);
    expect((await create({ ...base, name: '  ' })).userErrors[0].field).toEqual(['input', 'name']);
    for (const role of ['advisor', 'cs']) expect((await create(base, role)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await sql('select count(*)::int as n from campaign')).toEqual(before);
  });

  it('the contract’s CreateCampaign runs as written', async () => {
    const doc = parse(fs.readFileSync(path.join(import.meta.dirname, '..', '..', 'tests', 'contract', 'care.graphql'), 'utf8'));
    const op = doc.definitions.find((d) => 'name' in d && d.name?.value === 'CreateCampaign')!;
    const res = await app.gql(print(op), {}, { token: await app.login('manager') });
    expect(res.errors).toBeUndefined();
    expect(res.data.createCampaign.userErrors).toEqual([]);
    expect(res.data.createCampaign.campaign.name).toBe('冬季免费检测');
  });
});
