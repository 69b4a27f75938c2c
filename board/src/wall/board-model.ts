/** Pure board logic shared by the store and the components: no Vue, no I/O. */

import type { BoardFlag, WallBoardQuery, WallCardFragment, WallEventsSubscription, WorkOrderStatus } from './graphql.generated';

// The shapes come from the operations in wall.graphql (graphql-codegen), not from hand-written types.
export type Status = WorkOrderStatus;
export type Flag = BoardFlag;
/** A card; `staleAt`/`overdueAt` are the server's moments for STALE (now ≥ staleAt) and OVERDUE (now > overdueAt). */
export type Card = WallCardFragment;
export type BoardSnapshot = WallBoardQuery['board'];
export type Deliveries = BoardSnapshot['deliveries'];
export type BoardEvent = WallEventsSubscription['boardEvents'];

export type StageKey = 'RECEPTION' | 'QUEUED' | 'IN_PROGRESS' | 'ON_HOLD' | 'QUALITY_CHECK' | 'WASHING' | 'READY';

/** Columns of the wall, left to right; DRAFT and AWAITING_APPROVAL share the reception column. */
export const STAGES: readonly { key: StageKey; statuses: readonly Status[] }[] = [
  { key: 'RECEPTION', statuses: ['DRAFT', 'AWAITING_APPROVAL'] },
  { key: 'QUEUED', statuses: ['QUEUED'] },
  { key: 'IN_PROGRESS', statuses: ['IN_PROGRESS'] },
  { key: 'ON_HOLD', statuses: ['ON_HOLD'] },
  { key: 'QUALITY_CHECK', statuses: ['QUALITY_CHECK'] },
  { key: 'WASHING', statuses: ['WASHING'] },
  { key: 'READY', statuses: ['READY'] },
];

export function stageOf(status: Status): StageKey | null {
  return STAGES.find((s) => s.statuses.includes(status))?.key ?? null;
}

/** Most severe first: what blocks or is late leads, so it is the last thing to be cut off. */
export const FLAG_ORDER: readonly Flag[] = ['OVERDUE', 'STALE', 'REWORK', 'WAITING_PARTS', 'WAITING_APPROVAL', 'CUSTOMER_WAITING', 'VIP', 'WARRANTY', 'APPOINTMENT'];

/**
 * Flags as of `now`: the server's, with the time-based ones re-read against the clock from the
 * moments the server computed (`staleAt`, `overdueAt`): the rules live on the server only. While the
 * wall itself is offline it cannot know about updates, so it does not accuse anyone of being STALE.
 */
export function flagsAt(card: Card, now: number, opts: { live?: boolean } = {}): Flag[] {
  const flags: Flag[] = card.flags.filter((f) => f !== 'STALE' && f !== 'OVERDUE');
  if (opts.live !== false && card.staleAt && now >= Date.parse(card.staleAt)) flags.push('STALE');
  if (card.overdueAt && now > Date.parse(card.overdueAt)) flags.push('OVERDUE');
  return flags.sort((a, b) => FLAG_ORDER.indexOf(a) - FLAG_ORDER.indexOf(b));
}

/** HH:mm in the store's time zone (the wall may run on a machine set to anything). */
export function formatTime(iso: string | number | Date, timeZone: string): string {
  return new Intl.DateTimeFormat('zh-CN', { hour: '2-digit', minute: '2-digit', hour12: false, timeZone }).format(new Date(iso));
}

/** A promise today reads HH:mm; another day M/D HH:mm. */
export function formatPromise(iso: string, now: number, timeZone: string): string {
  const day = (t: string | number) => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(t));
  if (day(iso) === day(now)) return formatTime(iso, timeZone);
  const md = new Intl.DateTimeFormat('zh-CN', { timeZone, month: 'numeric', day: 'numeric' }).formatToParts(new Date(iso));
  const part = (type: string) => md.find((p) => p.type === type)?.value;
  return `${part('month')}/${part('day')} ${formatTime(iso, timeZone)}`;
}

export const minutesSince = (iso: string, now: number) => Math.max(0, Math.floor((now - Date.parse(iso)) / 60_000));

/** Most urgent first: overdue, then the earliest promise, then cars without a promise, oldest number first. */
export function byUrgency(now: number) {
  return (a: Card, b: Card): number => {
    const pa = a.workOrder.promisedAt ? Date.parse(a.workOrder.promisedAt) : Infinity;
    const pb = b.workOrder.promisedAt ? Date.parse(b.workOrder.promisedAt) : Infinity;
    const oa = pa < now ? 0 : 1;
    const ob = pb < now ? 0 : 1;
    return oa - ob || pa - pb || a.workOrder.number.localeCompare(b.workOrder.number);
  };
}

/** What applying an event does, decided without side effects (the store applies it). */
export type EventEffect = { kind: 'upsert'; card: Card } | { kind: 'remove'; id: string } | { kind: 'ignore' } | { kind: 'reset' };

export function effectOf(event: BoardEvent, known: Card | undefined): EventEffect {
  if (event.kind === 'RESET') return { kind: 'reset' };
  if (event.kind === 'REMOVE') return event.workOrderId ? { kind: 'remove', id: event.workOrderId } : { kind: 'ignore' };
  if (!event.card) return { kind: 'ignore' };
  // Replays and slow paths may deliver a card we already have a newer version of.
  if (known && known.workOrder.version >= event.card.workOrder.version) return { kind: 'ignore' };
  return { kind: 'upsert', card: event.card };
}
