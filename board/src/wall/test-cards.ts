import type { BoardEvent, BoardSnapshot, Card, Status } from './board-model';

/** Test data builders for the wall's tests and benchmark. */
export function card(id: string, over: Partial<Card['workOrder']> & { flags?: Card['flags']; updatedAt?: string; statusSince?: string } = {}): Card {
  const { flags, updatedAt, statusSince, ...wo } = over;
  return {
    workOrder: {
      id,
      number: `WO20261122-${id.padStart(4, '0')}`,
      status: 'IN_PROGRESS' as Status,
      holdReason: null,
      promisedAt: null,
      version: 1,
      vehicle: { plate: `京A${id.padStart(5, '0')}`, model: '朗逸', color: '白' },
      bay: { id: 'b1', name: '1号工位' },
      technicians: [{ id: 't1', name: '赵磊' }],
      advisor: { name: '王芳' },
      ...wo,
    },
    flags: flags ?? [],
    standardHours: 1.5,
    statusSince: statusSince ?? new Date().toISOString(),
    updatedAt: updatedAt ?? new Date().toISOString(),
  };
}

export function snapshot(cards: Card[], cursor = 'c0'): BoardSnapshot {
  return {
    cursor,
    generatedAt: new Date().toISOString(),
    staleAfterMinutes: 30,
    store: { id: 's1', name: '北京博远大众4S店', timezone: 'Asia/Shanghai' },
    bays: [
      { id: 'b1', name: '1号工位' },
      { id: 'b2', name: '2号工位' },
    ],
    deliveries: { dueToday: 5, doneToday: 2 },
    cards,
  };
}

export function upsert(c: Card, cursor: string): BoardEvent {
  return { cursor, kind: 'UPSERT', workOrderId: c.workOrder.id, status: c.workOrder.status, deliveries: { dueToday: 5, doneToday: 2 }, card: c };
}
