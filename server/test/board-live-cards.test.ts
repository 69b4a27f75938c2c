import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbId } from '../src/graphql/global-id.js';
import { toCard } from '../src/modules/board/board.service.js';
import { loadLiveOrders } from '../src/modules/board/board-live-cards.js';
import { WorkOrder } from '../src/modules/work-order/work-order.entity.js';
import { assign, createWorkOrder, workOrderIn } from './helpers/flows.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

let app: TestApp;
beforeAll(async () => {
  // No worker: the durable consumers' background statements would be counted with the ones under test.
  app = await startTestApp({ config: { worker: false } });
});
afterAll(() => app?.stop());

/** The entity's own values (relations are compared one by one below). */
const scalars = (entity: object) => Object.fromEntries(Object.entries(entity).filter(([, v]) => v === null || typeof v !== 'object' || v instanceof Date || Array.isArray(v)));

/** Everything of a card that a client can select, as plain data. */
function view(wo: WorkOrder) {
  const card = toCard(wo, new Date('2026-11-24T08:00:00Z'), 30);
  const { workOrder: _, ...rest } = card;
  return {
    ...rest,
    order: scalars(wo),
    vehicle: scalars(wo.vehicle.getEntity()),
    customer: scalars(wo.customer.getEntity()),
    advisor: scalars(wo.advisor.getEntity()),
    bay: wo.bay ? scalars(wo.bay.getEntity()) : null,
    technicians: wo.technicians.getItems().map(scalars),
    jobs: wo.jobs.getItems().map(scalars),
  };
}

describe('live board cards (Platform §9)', () => {
  it('the cards of live events, read in one statement, equal the cards of a populated load', async () => {
    const draft = await createWorkOrder(app, { jobs: [{ title: '保养', skill: 'MAINTENANCE', standardHours: 1 }, { title: '四轮定位', skill: 'CHASSIS', standardHours: 0.5 }] });
    await assign(app, draft.id, ['tech1', 'leader'], 2);
    const working = await workOrderIn(app, 'IN_PROGRESS', 1);
    const ids = [dbId(draft.id, 'WorkOrder')!, dbId(working.id, 'WorkOrder')!];

    app.sql.reset();
    const live = await loadLiveOrders(app.orm.em.fork(), ids);
    expect(app.sql.statements.length).toBe(1);
    const populated = await app.orm.em.fork().find(WorkOrder, { id: { $in: ids } }, { populate: ['vehicle', 'customer', 'advisor', 'bay', 'technicians', 'jobs'], orderBy: { id: 'asc' } });

    expect(live.map((wo) => wo.id).sort()).toEqual(ids.sort());
    for (const expected of populated) {
      const actual = live.find((wo) => wo.id === expected.id)!;
      expect(view(actual)).toEqual(view(expected));
    }
    expect(live.find((wo) => wo.id === ids[0])!.technicians.getItems().length).toBe(2);
  });
});
