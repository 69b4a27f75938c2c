import type { EntityManager } from '@mikro-orm/postgresql';
import type { Services } from '../../services.types.js';
import type { Actor } from '../../shared/actor.js';
import type { Clock } from '../../shared/clock.js';
import { type PageRequest, pageOfList } from '../../shared/page.js';
import { addDays, atLocal, localDate } from '../../shared/zoned-time.js';
import { AppointmentStatus } from '../appointment/appointment.enums.js';
import { CareKind } from '../care/care.enums.js';
import { Customer } from '../customer/customer.entity.js';
import { Skill } from '../staff/roles.js';
import { Vehicle } from '../vehicle/vehicle.entity.js';
import { WorkOrderStatus } from '../work-order/work-order.enums.js';
import { InvitationKind } from './invitation.enums.js';
import { DEFERRED_INVITE_AFTER_DAYS, suggestSlots, window } from './invitation.rules.js';
import type { SlotView } from '../appointment/appointment.service.js';
import { storeTimezone } from '../../shared/sql.js';

/** One customer to invite, with the vehicle, why and when it is due, and the slots to offer. */
export interface Invitation {
  /** Position in today's list (the page cursor). */
  id: number;
  /** The vehicle and the kind (`node(id:)`): stable while the candidate stays on the list. */
  key: number;
  customer: Customer;
  vehicle: Vehicle;
  kind: InvitationKind;
  dueOn: string;
  reason: { template: string; variables: Record<string, string | number | null> };
  suggestedSlots: SlotView[];
}

interface Due {
  customerId: number;
  vehicleId: number;
  kind: InvitationKind;
  dueOn: string;
  reason: Invitation['reason'];
}

/** Slots are searched in the next two weeks (the booking window permitting). */
const SLOT_SEARCH_DAYS = 14;
const KIND_INDEX: Record<InvitationKind, number> = { FIRST_MAINTENANCE: 0, MAINTENANCE_DUE: 1, DEFERRED_ITEM: 2 };
export const candidateKey = (vehicleId: number, kind: InvitationKind): number => vehicleId * 4 + KIND_INDEX[kind];

const VALUE_RANK: Record<string, number> = { A: 0, B: 1, C: 2, D: 3 };
const CLOSED_ORDER = [WorkOrderStatus.DELIVERED, WorkOrderStatus.CANCELLED];

/**
 * R-APT-7: the store's invitations, planned from the archive — vehicles whose first or routine
 * maintenance falls due in the coming week (or is up to a month overdue; the care module computes the
 * due dates from the archive and the recorded visits) and vehicles with deferred work still open —
 * less those already booked or in the workshop. Each gets at least three free slots (a maintenance
 * hour, from the booking capacity) from three days before the due date, on different days where
 * possible. Computed when asked: the list is always today's.
 */
export class InvitationService {
  constructor(
    private readonly clock: Clock,
    private readonly registry: () => Services,
  ) {}

  async candidates(em: EntityManager, actor: Actor, page: PageRequest, kinds?: readonly InvitationKind[] | null): Promise<{ rows: Invitation[]; total: number }> {
    const list = await this.today(em, actor, kinds);
    const rows = pageOfList(list.wanted.map((d, i) => ({ ...d, id: i + 1 })), page);
    return { total: list.wanted.length, rows: await this.withSlots(em, actor, list, rows) };
  }

  /** One candidate of today's list by its key (`node(id:)`); null when it is no longer on the list. */
  async one(em: EntityManager, actor: Actor, key: number): Promise<Invitation | null> {
    const list = await this.today(em, actor, null);
    const at = list.wanted.findIndex((d) => candidateKey(d.vehicleId, d.kind) === key);
    if (at < 0) return null;
    return (await this.withSlots(em, actor, list, [{ ...list.wanted[at], id: at + 1 }]))[0];
  }

  private async today(em: EntityManager, actor: Actor, kinds?: readonly InvitationKind[] | null) {
    const services = this.registry();
    const now = this.clock.now();
    const today = localDate(now, await storeTimezone(em, actor.storeId));
    const { from, to } = window(today);
    const { items, timezone } = await services.care.vehicleItemsBetween(em, actor.storeId, from, to);
    const due: Due[] = [];
    for (const item of items) {
      if (item.kind !== CareKind.MAINTENANCE_DUE || !item.vehicleId) continue;
      const first = item.reason.template === 'CARE_REASON_FIRST_MAINTENANCE';
      due.push({ customerId: item.customerId, vehicleId: item.vehicleId, kind: first ? InvitationKind.FIRST_MAINTENANCE : InvitationKind.MAINTENANCE_DUE, dueOn: item.date, reason: item.reason });
    }
    const deferred = await em.execute<{ vehicle_id: number; owner_id: number; since: string; items: string }[]>(
      `select c.vehicle_id, v.owner_id, to_char(min(c.created_at) at time zone ?, 'YYYY-MM-DD') as since, string_agg(c.description, '；' order by c.id) as items
         from carried_over_item c join vehicle v on v.id = c.vehicle_id
        where c.store_id = ? and c.resolved_at is null and c.appointment_id is null
        group by c.vehicle_id, v.owner_id`,
      [timezone, actor.storeId],
    );
    for (const d of deferred) {
      const dueOn = addDays(d.since, DEFERRED_INVITE_AFTER_DAYS);
      if (dueOn > to) continue;
      due.push({ customerId: d.owner_id, vehicleId: d.vehicle_id, kind: InvitationKind.DEFERRED_ITEM, dueOn, reason: { template: 'INVITATION_REASON_DEFERRED', variables: { since: d.since, items: d.items.slice(0, 200) } } });
    }
    const busy = new Set(
      (
        await em.execute<{ vehicle_id: number }[]>(
          `select vehicle_id from appointment where store_id = ? and status in (?, ?) and slot_start >= ?
           union select vehicle_id from work_order where store_id = ? and status not in (?, ?)`,
          [actor.storeId, AppointmentStatus.BOOKED, AppointmentStatus.CONFIRMED, now, actor.storeId, ...CLOSED_ORDER],
        )
      ).map((r) => r.vehicle_id),
    );
    const wanted = due.filter((d) => !busy.has(d.vehicleId) && (!kinds?.length || kinds.includes(d.kind)));
    const customers = new Map((wanted.length ? await em.find(Customer, { id: { $in: [...new Set(wanted.map((d) => d.customerId))] } }) : []).map((c) => [c.id, c]));
    const rank = (d: Due) => VALUE_RANK[customers.get(d.customerId)?.valueClass ?? 'D'] ?? 3;
    // Soonest due first; on the same day the higher value class first (R-SEG-3).
    wanted.sort((a, b) => a.dueOn.localeCompare(b.dueOn) || rank(a) - rank(b) || a.vehicleId - b.vehicleId || a.kind.localeCompare(b.kind));

    return { wanted, customers, today, timezone };
  }

  private async withSlots(em: EntityManager, actor: Actor, list: { customers: Map<number, Customer>; today: string; timezone: string }, rows: (Due & { id: number })[]): Promise<Invitation[]> {
    const { customers, today, timezone } = list;
    const vehicles = new Map((rows.length ? await em.find(Vehicle, { id: { $in: [...new Set(rows.map((d) => d.vehicleId))] } }) : []).map((v) => [v.id, v]));
    const tomorrow = atLocal(addDays(today, 1), 0, timezone);
    let slots: SlotView[] = [];
    if (rows.length) {
      const found = await this.registry().appointments.availableSlots(em, actor, { from: tomorrow, days: SLOT_SEARCH_DAYS, jobs: [{ title: '保养', skill: Skill.MAINTENANCE, standardHours: 1 }] });
      slots = found.ok ? found.value : [];
    }
    return rows.map((d) => ({
        id: d.id,
        key: candidateKey(d.vehicleId, d.kind),
        customer: customers.get(d.customerId)!,
        vehicle: vehicles.get(d.vehicleId)!,
        kind: d.kind,
        dueOn: d.dueOn,
        reason: d.reason,
        suggestedSlots: suggestSlots(slots, d.dueOn, tomorrow, (at) => localDate(at, timezone)),
      }));
  }

}

