import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../src/shared/global-id.js';
import { createWorkOrder, move, recordWalkAround } from './helpers/flows.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

const BOARD = `{ board { cursor bays { id name } cards { workOrder { id status } } } }`;
let app: TestApp;
beforeAll(async () => {
  // No worker: its background statements (durable consumers) would be counted with the ones under test.
  app = await startTestApp({ config: { worker: false } });
});
afterAll(async () => {
  await app?.stop();
});

/** Platform §9: the floor read for `board` is reused while nothing changed, and never after a change. */
describe('board query: the floor is read again only when something changed', () => {
  it('a second query with no change reads no cards again; a change is seen at once', async () => {
    const token = await app.login('foreman');
    const wo = await createWorkOrder(app);
    await recordWalkAround(app, wo.id);
    const first = await app.gql(BOARD, {}, { token });
    app.sql.reset();
    const second = await app.gql(BOARD, {}, { token });
    const cardReads = app.sql.statements.filter((s) => /from "work_order"/.test(s));
    expect(cardReads).toEqual([]);
    expect(second.data.board).toEqual(first.data.board);

    await move(app, 'advisor', wo.id, 'AWAITING_APPROVAL');
    const third = await app.gql(BOARD, {}, { token });
    expect(third.data.board.cursor).not.toBe(first.data.board.cursor);
    expect(third.data.board.cards.find((c: { workOrder: { id: string } }) => c.workOrder.id === wo.id).workOrder.status).toBe('AWAITING_APPROVAL');
  });

  it('a repeated board query is answered from the response cache (one statement), per role: masking still holds', async () => {
    const Q = `{ board { cursor cards { workOrder { id customer { mobile } } } } }`;
    const advisor = await app.login('advisor');
    const tech = await app.login('tech1');
    await createWorkOrder(app);
    const full = await app.gql(Q, {}, { token: advisor });
    app.sql.reset();
    const again = await app.gql(Q, {}, { token: advisor });
    expect(again.data).toEqual(full.data);
    expect(app.sql.statements.filter((s) => !/from "session"|"session" as/.test(s))).toHaveLength(1); // the floor key
    const masked = await app.gql(Q, {}, { token: tech });
    const mobiles = (r: typeof full) => r.data.board.cards.map((c: { workOrder: { customer: { mobile: string } } }) => c.workOrder.customer.mobile);
    expect(mobiles(full).some((m: string) => /^1\d{10}$/.test(m))).toBe(true);
    expect(mobiles(masked).every((m: string) => m.includes('****'))).toBe(true);
  });

  it('a bay renamed (no event) is seen at once', async () => {
    const token = await app.login('foreman');
    await app.gql(BOARD, {}, { token });
    const bay = app.bays[0];
    const renamed = await app.gql(
      `mutation($input: UpdateBayInput!) { updateBay(input: $input) { bay { name } userErrors { code } } }`,
      { input: { id: toGlobalId('Bay', bay.id), name: '新名字工位', expectedVersion: 1 } },
      { token: await app.login('manager') },
    );
    expect(renamed.data.updateBay.userErrors).toEqual([]);
    const after = await app.gql(BOARD, {}, { token });
    expect(after.data.board.bays.map((b: { name: string }) => b.name)).toContain('新名字工位');
  });
});
