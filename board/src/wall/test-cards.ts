import type { BoardEvent, BoardSnapshot, Card, Status } from './board-model';

const IN_WORKSHOP: readonly Status[] = ['QUEUED', 'IN_PROGRESS', 'ON_HOLD', 'QUALITY_CHECK', 'WASHING'];
const NOT_YET_READY: readonly Status[] = ['DRAFT', 'AWAITING_APPROVAL', ...IN_WORKSHOP];

/**
 * Test data builders for the wall's tests and benchmark. `staleAt`/`overdueAt` default to what the
 * server would send (board-flags.ts: updatedAt + 30 minutes in the workshop; the promise until ready).
 */
export function card(
  id: string,
  over: Partial<Card['workOrder']> & { flags?: Card['flags']; updatedAt?: string; statusSince?: string; staleAt?: string | null; overdueAt?: string | null; clockedHours?: number; qualityLevel?: Card['qualityLevel'] } = {},
): Card {
  const { flags, updatedAt, statusSince, staleAt, overdueAt, clockedHours, qualityLevel, ...wo } = over;
  const status = wo.status ?? 'IN_PROGRESS';
  const updated = updatedAt ?? new Date().toISOString();
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
    clockedHours: clockedHours ?? 0,
    qualityLevel: qualityLevel ?? null,
    statusSince: statusSince ?? new Date().toISOString(),
    updatedAt: updated,
    staleAt: staleAt !== undefined ? staleAt : IN_WORKSHOP.includes(status) ? new Date(Date.parse(updated) + 30 * 60_000).toISOString() : null,
    overdueAt: overdueAt !== undefined ? overdueAt : wo.promisedAt && NOT_YET_READY.includes(status) ? wo.promisedAt : null,
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
