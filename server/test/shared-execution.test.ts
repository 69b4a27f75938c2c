import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkOrder, move, recordWalkAround } from './helpers/flows.js';
import { BOARD_EVENTS, collect } from './helpers/subscriptions.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.stop();
});

/** Platform §9: subscribers with the same operation, variables and permissions share one execution per event. */
describe('multiplexed board subscriptions', () => {
  it('one execution per event for equal subscribers, one more per permission class, the same payload for all', async () => {
    const foreman = await app.login('foreman');
    const qc = await app.login('qc');
    const same = Array.from({ length: 5 }, () => collect(app.ws({ authorization: `Bearer ${foreman}` }), BOARD_EVENTS));
    const other = collect(app.ws({ authorization: `Bearer ${qc}` }), BOARD_EVENTS);
    const english = collect(app.ws({ authorization: `Bearer ${foreman}`, locale: 'en' }), BOARD_EVENTS);
    await new Promise((r) => setTimeout(r, 500));

    const wo = await createWorkOrder(app);
    await recordWalkAround(app, wo.id);
    const all = [...same, other, english];
    await Promise.all(all.map((c) => c.until((xs) => xs.filter((e: any) => e.workOrderId === wo.id).length >= 2)));
    const before = { ...app.server.subscriptionExecutions };
    await move(app, 'advisor', wo.id, 'AWAITING_APPROVAL');
    const got = await Promise.all(all.map((c) => c.until((xs) => xs.some((e: any) => e.card?.workOrder.status === 'AWAITING_APPROVAL'))));

    const executed = app.server.subscriptionExecutions.executed - before.executed;
    const shared = app.server.subscriptionExecutions.shared - before.shared;
    expect(executed).toBe(3); // foreman (zh), QC, foreman (en)
    expect(shared).toBe(4); // the other four foreman sockets
    // …and each of the three results was serialised once, for all the sockets that share it.
    expect(app.server.subscriptionExecutions.serialized - before.serialized).toBe(3);
    const payloads = got.map((items) => JSON.stringify(items.find((e: any) => e.card?.workOrder.status === 'AWAITING_APPROVAL')));
    expect(new Set(payloads).size).toBe(1);
    all.forEach((c) => c.stop());
  });

  it('a subscriber replaying from its own cursor is served on its own, with the same events', async () => {
    const foreman = await app.login('foreman');
    const live = collect(app.ws({ authorization: `Bearer ${foreman}` }), BOARD_EVENTS);
    await new Promise((r) => setTimeout(r, 300));
    const wo = await createWorkOrder(app);
    const [first] = await live.until((xs) => xs.some((e: any) => e.workOrderId === wo.id));
    await recordWalkAround(app, wo.id);
    await move(app, 'advisor', wo.id, 'AWAITING_APPROVAL');
    await live.until((xs) => xs.length >= 2);
    const replay = collect(app.ws({ authorization: `Bearer ${foreman}` }), BOARD_EVENTS, { after: first.cursor });
    const replayed = await replay.until((xs) => xs.length >= 1);
    expect(replayed[0].cursor).toBe(live.items[1].cursor);
    live.stop();
    replay.stop();
  });
});
