import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbId } from '../src/graphql/global-id.js';
import { AuditLog } from '../src/modules/audit/audit-log.entity.js';
import { WorkOrder } from '../src/modules/work-order/work-order.entity.js';
import { workOrderIn } from './helpers/flows.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app?.stop());

const UPDATE = `mutation($input: UpdateStoreSettingsInput!) { updateStoreSettings(input: $input) { store { staleAfterMinutes trackingLinkTtlHours settingsVersion } userErrors { code field } } }`;
const SETTINGS = `{ me { store { staleAfterMinutes trackingLinkTtlHours settingsVersion } } }`;

describe('per-store settings (every number in a rule is a store setting)', () => {
  it('a manager changes the staleness threshold and the link lifetime; both take effect and are audited', async () => {
    const manager = await app.login('manager');
    const before = (await app.gql(SETTINGS, {}, { token: manager })).data.me.store;
    expect(before).toEqual({ staleAfterMinutes: 30, trackingLinkTtlHours: 72, settingsVersion: 1 });
    const res = await app.gql(UPDATE, { input: { staleAfterMinutes: 20, trackingLinkTtlHours: 24, expectedSettingsVersion: 1 } }, { token: manager });
    expect(res.data.updateStoreSettings).toEqual({ store: { staleAfterMinutes: 20, trackingLinkTtlHours: 24, settingsVersion: 2 }, userErrors: [] });

    expect((await app.gql(`{ board { staleAfterMinutes } }`, {}, { token: manager })).data.board.staleAfterMinutes).toBe(20);
    const wo = await workOrderIn(app, 'DELIVERED');
    const row = await app.orm.em.fork().findOneOrFail(WorkOrder, dbId(wo.id, 'WorkOrder')!);
    expect(row.trackingExpiresAt!.getTime() - row.deliveredAt!.getTime()).toBe(24 * 3600_000);
    expect(await app.orm.em.fork().count(AuditLog, { action: 'store.settings', actor: app.staffIds.manager })).toBe(1);
  });

  it('refuses a stale settings version, out-of-range values, and other roles', async () => {
    const manager = await app.login('manager');
    const stale = await app.gql(UPDATE, { input: { staleAfterMinutes: 45, expectedSettingsVersion: 1 } }, { token: manager });
    expect(stale.data.updateStoreSettings.userErrors).toEqual([expect.objectContaining({ code: 'STALE_VERSION', field: ['input', 'expectedSettingsVersion'] })]);
    const range = await app.gql(UPDATE, { input: { staleAfterMinutes: 0, trackingLinkTtlHours: 10_000, expectedSettingsVersion: 2 } }, { token: manager });
    expect(range.data.updateStoreSettings.userErrors.map((e: { field: string[] }) => e.field.join('.')).sort()).toEqual(['input.staleAfterMinutes', 'input.trackingLinkTtlHours']);
    const byForeman = await app.gql(UPDATE, { input: { staleAfterMinutes: 45, expectedSettingsVersion: 2 } }, { token: await app.login('foreman') });
    expect(byForeman.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await app.gql(SETTINGS, {}, { token: manager })).data.me.store).toEqual({ staleAfterMinutes: 20, trackingLinkTtlHours: 24, settingsVersion: 2 });
  });

  it('two managers saving from the same version: one wins', async () => {
    const [a, b] = await Promise.all([app.login('manager'), app.login('admin')]);
    const results = await Promise.all([
      app.gql(UPDATE, { input: { staleAfterMinutes: 40, expectedSettingsVersion: 2 } }, { token: a }),
      app.gql(UPDATE, { input: { staleAfterMinutes: 50, expectedSettingsVersion: 2 } }, { token: b }),
    ]);
    expect(results.filter((r) => r.data.updateStoreSettings.store)).toHaveLength(1);
  });
});
