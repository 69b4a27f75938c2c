import type { MikroORM } from '@mikro-orm/postgresql';
import { toGlobalId } from '../graphql/global-id.js';
import { ComplaintCategory, ComplaintChannel, ComplaintSeverity, ComplaintStatus } from '../modules/complaint/complaint.enums.js';
import type { FileComplaintInput, TransitionComplaintInput } from '../modules/complaint/dto/complaint.dto.js';
import type { Staff } from '../modules/staff/staff.entity.js';
import { WorkOrder } from '../modules/work-order/work-order.entity.js';
import { WorkOrderStatus } from '../modules/work-order/work-order.enums.js';
import type { Services } from '../services.types.js';
import type { StaffActor } from '../shared/actor.js';
import type { ManualClock } from '../shared/clock.js';
import type { Result } from '../shared/result.js';

const MINUTE = 60_000;

/**
 * R-FU-3 on the demo: complaints about delivered orders, through the complaint service with the clock
 * at each step — one OPEN twenty minutes before its first-response deadline (the queue escalates it
 * if nobody answers), one MAJOR escalated at once, one RESOLVED waiting for its re-callback (a
 * COMPLAINT_RECALL on customer service's list), one CONFIRMED.
 */
export async function seedComplaints(orm: MikroORM, services: Services, clock: ManualClock, o: { storeId: number; now: Date; staff: Staff[] }) {
  const actor = (username: string): StaffActor => {
    const s = o.staff.find((x) => x.username === username)!;
    return { kind: 'staff', staffId: s.id, storeId: o.storeId, roles: s.roles };
  };
  const cs = actor('cs');
  const advisor = actor('advisor');
  // Most recently delivered first: each complaint comes after its visit.
  const delivered = await orm.em.fork().find(WorkOrder, { store: o.storeId, status: WorkOrderStatus.DELIVERED, trackingExpiresAt: { $ne: null } }, { orderBy: { trackingExpiresAt: 'desc' } });
  const at = (minutesAgo: number) => clock.set(new Date(o.now.getTime() - minutesAgo * MINUTE));
  const file = async (wo: WorkOrder, minutesAgo: number, words: string, category: ComplaintCategory, severity: ComplaintSeverity) => {
    at(minutesAgo);
    const input = { customerId: toGlobalId('Customer', wo.customer.id), workOrderId: wo.globalId, words, category, severity, channel: ComplaintChannel.PHONE } as FileComplaintInput;
    return expectOk('complaint', await services.complaints.file(orm.em.fork(), cs, input));
  };
  const move = async (c: { globalId: string; version: number }, to: ComplaintStatus, note: string, minutesAgo: number, by = cs) => {
    at(minutesAgo);
    return expectOk(`complaint → ${to}`, await services.complaints.transition(orm.em.fork(), by, { id: c.globalId, to, expectedVersion: c.version, note } as TransitionComplaintInput));
  };
  try {
    if (delivered.length < 4) return;
    await file(delivered[0], 100, '取车时发现座椅上有油手印，洗车也没洗干净', ComplaintCategory.SERVICE, ComplaintSeverity.NORMAL);
    await file(delivered[1], 30, '刚修完第二天刹车又响，而且更严重了，开着不放心', ComplaintCategory.QUALITY, ComplaintSeverity.MAJOR);
    let resolved = await file(delivered[2], 24 * 60, '结算单上多了一项没同意过的项目', ComplaintCategory.PRICE, ComplaintSeverity.NORMAL);
    resolved = await move(resolved, ComplaintStatus.RESPONDED, '已致电致歉，核对结算单', 23 * 60);
    await move(resolved, ComplaintStatus.RESOLVED, '多收的 ¥120 已原路退回，向客户说明原因', 20 * 60, advisor);
    let confirmed = await file(delivered[3], 44 * 60, '等车时间比说好的长了一个小时，也没人通知', ComplaintCategory.TIMELINESS, ComplaintSeverity.MINOR);
    confirmed = await move(confirmed, ComplaintStatus.RESPONDED, '已回电说明原因并致歉', 43 * 60);
    confirmed = await move(confirmed, ComplaintStatus.RESOLVED, '赠送一次免费洗车，改进延误通知', 40 * 60, advisor);
    await move(confirmed, ComplaintStatus.CONFIRMED, '客户表示理解，满意', 10 * 60);
  } finally {
    clock.set(o.now);
  }
}

function expectOk<T>(what: string, r: Result<T>): T {
  if (!r.ok) throw new Error(`demo seed: ${what} refused: ${JSON.stringify(r.errors)}`);
  return r.value;
}
