import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbId } from '../src/graphql/global-id.js';
import { taskList } from '../src/services.js';
import { ManualClock } from '../src/shared/clock.js';
import { createCustomerAndVehicle } from './helpers/flows.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

const clock = new ManualClock(new Date('2026-11-24T10:00:00+08:00'));
let app: TestApp;
beforeAll(async () => {
  // No worker: its background statements (durable consumers) would be counted with the ones under test.
  app = await startTestApp({ clock, config: { worker: false } });
});
afterAll(() => app?.stop());

const UPDATE = `mutation($input: UpdateCustomerInput!) { updateCustomer(input: $input) {
  customer { id version name idNumber address occupation interests birthday lunarBirthday { month day leap } preferredChannel preferredContactTime source notes
    archive { complete missing createdAt dueBy overdue } }
  userErrors { code field message } } }`;
const READ = `query($id: ID!) { node(id: $id) { ... on Customer { id version idNumber address archive { complete missing overdue } } } }`;
const COMPLETENESS = `{ archiveCompleteness { percent complete total overdue(first: 50) { totalCount edges { node { id archive { missing } } } } } }`;
const VALID_ID = '110101198506150019';

const full = (id: string, version: number) => ({
  id,
  expectedVersion: version,
  idNumber: VALID_ID,
  occupation: '教师',
  address: '北京市朝阳区望京西路 8 号',
  interests: ['自驾游', '摄影'],
  birthday: '1985-06-15',
  lunarBirthday: { month: 4, day: 27, leap: false },
  preferredChannel: 'WECHAT',
  preferredContactTime: '工作日晚上 7–9 点',
  source: 'SOLD_HERE',
  notes: '付款爽快，偏好原厂件',
});

async function update(input: Record<string, unknown>, as = 'advisor') {
  const res = await app.gql(UPDATE, { input }, { token: await app.login(as) });
  return res.data?.updateCustomer ?? res;
}

describe('the customer archive (R-ARC-1/4/5)', () => {
  it('R-ARC-1 the advisor fills in the archive with optimistic locking; the audit trail records who and which fields, never the ID number or address', async () => {
    const { customerId } = await createCustomerAndVehicle(app);
    const res = await update(full(customerId, 1));
    expect(res.userErrors).toEqual([]);
    expect(res.customer).toMatchObject({
      version: 2,
      idNumber: VALID_ID,
      address: '北京市朝阳区望京西路 8 号',
      interests: ['自驾游', '摄影'],
      birthday: '1985-06-15',
      lunarBirthday: { month: 4, day: 27, leap: false },
      preferredChannel: 'WECHAT',
      source: 'SOLD_HERE',
      archive: { complete: true, missing: [], overdue: false },
    });
    const [row] = await app.orm.em.fork().getConnection().execute(`select data, actor_id from audit_log where action = 'customer.update' and entity_id = ?`, [dbId(customerId, 'Customer')]);
    expect(row.actor_id).toBe(app.staffIds.advisor);
    expect(JSON.stringify(row.data)).not.toContain(VALID_ID);
    expect(JSON.stringify(row.data)).not.toContain('望京');
    expect(row.data.after).toMatchObject({ idNumber: 'set', address: 'set', occupation: '教师' });

    // The same change again writes nothing; an old version is refused.
    expect((await update(full(customerId, 2))).customer.version).toBe(2);
    const stale = await update({ id: customerId, expectedVersion: 1, occupation: '医生' });
    expect(stale.userErrors).toEqual([expect.objectContaining({ code: 'STALE_VERSION', field: ['input', 'expectedVersion'] })]);
  });

  it('R-ARC-1 refusals write nothing: a wrong check character, a birthday not the ID’s, a lunar date that cannot be, clearing the name', async () => {
    const { customerId } = await createCustomerAndVehicle(app);
    const codes = async (input: Record<string, unknown>) => (await update({ id: customerId, expectedVersion: 1, ...input })).userErrors.map((e: { code: string; field: string[] }) => `${e.code}@${e.field.join('.')}`);
    expect(await codes({ idNumber: '110101198506150012' })).toEqual(['INVALID_ID_NUMBER@input.idNumber']); // the contract's sample: its check character should be 9
    expect(await codes({ idNumber: VALID_ID, birthday: '1985-06-16' })).toEqual(['BIRTHDAY_NOT_ID_BIRTHDAY@input.birthday']);
    expect(await codes({ lunarBirthday: { month: 13, day: 1 } })).toEqual(['INVALID_LUNAR_DATE@input.lunarBirthday']);
    expect(await codes({ birthday: '2030-01-01' })).toEqual(['INVALID_BIRTHDAY@input.birthday']);
    expect(await codes({ name: null })).toEqual(['CANNOT_CLEAR@input.name']);
    expect(await codes({ occupation: 'x'.repeat(51) })).toEqual(['TOO_LONG@input.occupation']);
    const read = await app.gql(READ, { id: customerId }, { token: await app.login('advisor') });
    expect(read.data.node).toMatchObject({ version: 1, idNumber: null });
    // A lower-case x and spaces are accepted as the same number.
    expect((await update({ id: customerId, expectedVersion: 1, idNumber: ' 11010519491231002x ' })).customer.idNumber).toBe('11010519491231002X');
  });

  it('two advisors saving the same version at once: exactly one wins', async () => {
    const { customerId } = await createCustomerAndVehicle(app);
    const results = await Promise.all([update({ id: customerId, expectedVersion: 1, occupation: '教师' }), update({ id: customerId, expectedVersion: 1, occupation: '医生' })]);
    expect(results.filter((r) => r.customer).length).toBe(1);
    expect(results.filter((r) => r.userErrors[0]?.code === 'STALE_VERSION').length).toBe(1);
  });

  it('R-ARC-5 ID number and address are masked for roles that do not need them, and an ID number finds a customer only for those who may see it', async () => {
    const { customerId } = await createCustomerAndVehicle(app);
    await update(full(customerId, 1));
    for (const as of ['cashier', 'foreman', 'parts']) {
      const read = await app.gql(READ, { id: customerId }, { token: await app.login(as) });
      expect(read.data.node, as).toMatchObject({ idNumber: '1101**********0019', address: '北京市朝阳区****' });
    }
    const SEARCH = `query($s: String!) { customers(first: 5, filter: { search: $s }) { edges { node { id } } } }`;
    const found = await app.gql(SEARCH, { s: VALID_ID }, { token: await app.login('cs') });
    expect(found.data.customers.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(customerId);
    const hidden = await app.gql(SEARCH, { s: VALID_ID }, { token: await app.login('cashier') });
    expect(hidden.data.customers.edges).toEqual([]);
    expect((await update({ id: customerId, expectedVersion: 2, occupation: '医生' }, 'cashier')).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('R-ARC-4 completeness per store against its requirement; archives past the 2-day deadline are listed', async () => {
    const before = (await app.gql(COMPLETENESS, {}, { token: await app.login('manager') })).data.archiveCompleteness;
    const { customerId: done } = await createCustomerAndVehicle(app);
    await update(full(done, 1));
    const { customerId: partial } = await createCustomerAndVehicle(app);
    const half = await update({ id: partial, expectedVersion: 1, birthday: '1990-01-01', source: 'SOLD_ELSEWHERE' });
    expect(half.customer.archive).toMatchObject({ complete: false, missing: ['ADDRESS', 'PREFERRED_CHANNEL'], overdue: false });
    expect(Date.parse(half.customer.archive.dueBy) - Date.parse(half.customer.archive.createdAt)).toBe(2 * 86_400_000);

    const now = (await app.gql(COMPLETENESS, {}, { token: await app.login('manager') })).data.archiveCompleteness;
    expect(now.total).toBe(before.total + 2);
    expect(now.complete).toBe(before.complete + 1);
    expect(now.percent).toBe(Math.round((now.complete / now.total) * 1000) / 10);

    // Three days later the incomplete archive is overdue.
    clock.set(new Date(Date.now() + 3 * 86_400_000));
    try {
      const later = (await app.gql(COMPLETENESS, {}, { token: await app.login('advisor') })).data.archiveCompleteness;
      const overdue = later.overdue.edges.map((e: { node: { id: string } }) => e.node.id);
      expect(overdue).toContain(partial);
      expect(overdue).not.toContain(done);
      expect((await app.gql(READ, { id: partial }, { token: await app.login('advisor') })).data.node.archive.overdue).toBe(true);
    } finally {
      clock.set(new Date('2026-11-24T10:00:00+08:00'));
    }
  });

  it('R-ARC-4 an archive still incomplete at its deadline puts a COMPLETE_ARCHIVE task on the list of the advisor who created the customer, once; completing the archive closes it', async () => {
    const { customerId } = await createCustomerAndVehicle(app);
    const id = dbId(customerId, 'Customer');
    const [job] = await app.orm.em.fork().getConnection().execute(`select run_at from graphile_worker.jobs where key = ?`, [`archive-deadline:${id}`]);
    expect(new Date(job.run_at).toISOString()).toBe(new Date(clock.now().getTime() + 2 * 86_400_000).toISOString());
    const run = () => taskList(app.server.services)['customer.archive-deadline']({ storeId: app.storeId, customerId: id }, { attempt: 1, maxAttempts: 25 });
    const tasks = async (status = 'OPEN') =>
      (await app.gql(`query($s: [AdvisorTaskStatus!]) { myTasks(first: 100, status: $s) { edges { node { id kind status customer { id } } } } }`, { s: [status] }, { token: await app.login('advisor') })).data.myTasks.edges
        .map((e: { node: { kind: string; customer: { id: string } | null } }) => e.node)
        .filter((t: { kind: string; customer: { id: string } | null }) => t.kind === 'COMPLETE_ARCHIVE' && t.customer?.id === customerId);

    await run(); // before the deadline: nothing yet
    expect(await tasks()).toEqual([]);
    const start = clock.now();
    clock.set(new Date(start.getTime() + 2 * 86_400_000 + 60_000));
    try {
      await run();
      await run(); // at least once: a second run adds nothing
      expect(await tasks()).toHaveLength(1);
      const read = (await app.gql(READ, { id: customerId }, { token: await app.login('advisor') })).data.node;
      const done = await update(full(customerId, read.version));
      expect(done.customer.archive.complete).toBe(true);
      expect(await tasks()).toEqual([]);
      expect(await tasks('DONE')).toHaveLength(1);
    } finally {
      clock.set(start);
    }
  });

  it('R-ARC-4 a manager sets the requirement; the counts follow; others may not', async () => {
    const SETTINGS = `mutation($input: UpdateArchiveSettingsInput!) { updateArchiveSettings(input: $input) { settings { requiredFields deadlineDays version } userErrors { code field } } }`;
    const refused = await app.gql(SETTINGS, { input: { requiredFields: ['OCCUPATION'], deadlineDays: 3, expectedVersion: 1 } }, { token: await app.login('advisor') });
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const set = await app.gql(SETTINGS, { input: { requiredFields: ['OCCUPATION', 'ID_NUMBER'], deadlineDays: 3, expectedVersion: 1 } }, { token: await app.login('manager') });
    expect(set.errors).toBeUndefined();
    expect(set.data.updateArchiveSettings.settings).toEqual({ requiredFields: ['ID_NUMBER', 'OCCUPATION'], deadlineDays: 3, version: 2 });
    const { customerId } = await createCustomerAndVehicle(app);
    expect((await app.gql(READ, { id: customerId }, { token: await app.login('advisor') })).data.node.archive.missing).toEqual(['ID_NUMBER', 'OCCUPATION']);
    const stale = await app.gql(SETTINGS, { input: { requiredFields: [], deadlineDays: 2, expectedVersion: 1 } }, { token: await app.login('manager') });
    expect(stale.data.updateArchiveSettings.userErrors[0].code).toBe('STALE_VERSION');
  });

  it('the archive of a whole customer list is computed with a constant number of statements', async () => {
    const LIST = `{ customers(first: 50) { edges { node { id archive { complete missing } } } } }`;
    const token = await app.login('advisor');
    await app.gql(LIST, {}, { token });
    app.sql.reset();
    await app.gql(LIST, {}, { token });
    const few = app.sql.statements.length;
    for (let i = 0; i < 5; i++) await createCustomerAndVehicle(app);
    app.sql.reset();
    await app.gql(LIST, {}, { token });
    expect(app.sql.statements.length).toBe(few);
  });
});
