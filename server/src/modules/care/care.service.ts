import type { EntityManager } from '@mikro-orm/postgresql';
import type { Services } from '../../services.types.js';
import { type Actor, systemActor } from '../../shared/actor.js';
import type { Clock } from '../../shared/clock.js';
import { refuse, refusal, ok, type Result } from '../../shared/result.js';
import { addDays, atLocal, daysBetween, isIsoDate, localDate } from '../../shared/zoned-time.js';
import { Customer } from '../customer/customer.entity.js';
import { CustomerSource } from '../customer/customer-archive.enums.js';
import { MessagePurpose } from '../outbox/outbox.enums.js';
import type { OutboxMessage } from '../outbox/outbox.entity.js';
import { Vehicle } from '../vehicle/vehicle.entity.js';
import type { LunarMonthDay } from './care.lunar.js';
import { CareKind } from './care.enums.js';
import { type CareItem, type CustomerFacts, customerItems, type MileageReading, vehicleItems, type VehicleFacts } from './care.rules.js';
import './care.templates.js';
import './care.errors.js';
import { storeTimezone } from '../../shared/sql.js';

// graphile-worker's crontab takes no dots in task names.
export const PLAN_STORES_TASK = 'care:plan-stores';
/** How far around a day its messages' items can lie: a call the day after, a reminder 30 days ahead. */
const LOOK_BACK_DAYS = 7;
const LOOK_AHEAD_DAYS = 31;
const MAX_CALENDAR_DAYS = 93;

export interface CareCalendarEntry {
  date: string;
  kind: CareKind;
  customer: Customer;
  vehicle: Vehicle | null;
  reason: CareItem['reason'];
  messages: OutboxMessage[];
}

interface Facts {
  timezone: string;
  customers: CustomerFacts[];
  vehicles: VehicleFacts[];
}

/**
 * Care planning (R-CARE-1..5): what is due for each customer and vehicle is computed from the archive
 * and the recorded visits (care.rules.ts, pure), in the store's time zone. `planDay` puts the messages
 * due to go on a day into the outbox, keyed `care:<kind>:<v|c><id>:<date>:<step>`, so planning a day
 * twice, or in two processes, plans each message once. The calendar shows the same items with the
 * messages of their keys.
 */
export class CareService {
  constructor(
    private readonly clock: Clock,
    private readonly registry: () => Services,
  ) {}

  /** Plans the messages due to go on `date` (the store's local date); returns how many were new. */
  async planDay(em: EntityManager, storeId: number, date: string, actor: Actor = systemActor(storeId, 'care')): Promise<number> {
    const facts = await this.facts(em, storeId);
    const items = this.items(facts, addDays(date, -LOOK_BACK_DAYS), addDays(date, LOOK_AHEAD_DAYS));
    const outbox = this.registry().outbox;
    return em.transactional(async (tx) => {
      let created = 0;
      for (const item of items) {
        for (const s of item.steps) {
          if (s.sendOn !== date) continue;
          const result = await outbox.enqueue(tx, actor, {
            storeId,
            customerId: item.customerId,
            vehicleId: item.vehicleId,
            channel: s.channel,
            template: s.template,
            variables: item.variables,
            scheduledAt: atLocal(date, s.atMinutes, facts.timezone),
            purpose: MessagePurpose.CARE,
            idempotencyKey: `${item.key}:${s.step}`,
          });
          if (!result.ok) throw new Error(`care plan ${item.key}:${s.step}: ${result.errors[0].code}`);
          if (result.value.created) created++;
          // One transaction plans thousands of messages: a growing identity map would make every flush slower.
          tx.clear();
        }
      }
      return created;
    });
  }

  /** The hourly job: every store whose local day has not been planned yet is planned once (the run row is the lock). */
  async planDueStores(em: EntityManager): Promise<void> {
    const stores = await em.execute<{ id: number; timezone: string }[]>('select id, timezone from store order by id');
    for (const s of stores) {
      const day = localDate(this.clock.now(), s.timezone);
      await em.fork().transactional(async (tx) => {
        const won = await tx.execute<{ id: number }[]>('insert into care_plan_run (store_id, day, planned_at) values (?, ?, ?) on conflict (store_id, day) do nothing returning id', [s.id, day, this.clock.now()]);
        if (!won.length) return;
        const n = await this.planDay(tx, s.id, day);
        await tx.execute('update care_plan_run set messages = ? where id = ?', [n, won[0].id]);
      });
    }
  }

  /** What is due in [from, to] (computed, future included) with the messages planned or sent for it. */
  async calendar(em: EntityManager, storeId: number, from: string, to: string, kinds?: readonly CareKind[] | null): Promise<Result<CareCalendarEntry[]>> {
    if (!isIsoDate(from)) return refuse(refusal('CARE_INVALID_DATE', ['from']));
    if (!isIsoDate(to)) return refuse(refusal('CARE_INVALID_DATE', ['to']));
    if (to < from || daysBetween(from, to) > MAX_CALENDAR_DAYS) return refuse(refusal('CARE_RANGE_TOO_LONG', ['to'], { days: MAX_CALENDAR_DAYS }));
    const facts = await this.facts(em, storeId);
    const items = this.items(facts, from, to).filter((i) => !kinds?.length || kinds.includes(i.kind));
    const messages = await this.registry().outbox.byKeyPrefix(em, storeId, 'care:', atLocal(addDays(from, -LOOK_AHEAD_DAYS), 0, facts.timezone), atLocal(addDays(to, LOOK_BACK_DAYS + 1), 0, facts.timezone));
    const byItem = new Map<string, OutboxMessage[]>();
    for (const m of messages) {
      const itemKey = m.idempotencyKey.slice(0, m.idempotencyKey.lastIndexOf(':'));
      byItem.set(itemKey, [...(byItem.get(itemKey) ?? []), m]);
    }
    const customers = new Map((await em.find(Customer, { id: { $in: [...new Set(items.map((i) => i.customerId))] } })).map((c) => [c.id, c]));
    const vehicleIds = [...new Set(items.flatMap((i) => (i.vehicleId ? [i.vehicleId] : [])))];
    const vehicles = new Map((vehicleIds.length ? await em.find(Vehicle, { id: { $in: vehicleIds } }) : []).map((v) => [v.id, v]));
    items.sort((a, b) => a.date.localeCompare(b.date) || a.kind.localeCompare(b.kind) || a.customerId - b.customerId || (a.vehicleId ?? 0) - (b.vehicleId ?? 0));
    return ok(
      items.map((i) => ({
        date: i.date,
        kind: i.kind,
        customer: customers.get(i.customerId)!,
        vehicle: i.vehicleId ? (vehicles.get(i.vehicleId) ?? null) : null,
        reason: i.reason,
        messages: byItem.get(i.key) ?? [],
      })),
    );
  }

  /** What is due for the store's vehicles in [from, to] (local dates: maintenance, warranty, insurance, inspection), and the store's time zone. */
  async vehicleItemsBetween(em: EntityManager, storeId: number, from: string, to: string): Promise<{ items: CareItem[]; timezone: string }> {
    const facts = await this.facts(em, storeId);
    return { items: facts.vehicles.flatMap((v) => vehicleItems(v, from, to)), timezone: facts.timezone };
  }

  private items(facts: Facts, from: string, to: string): CareItem[] {
    return [...facts.vehicles.flatMap((v) => vehicleItems(v, from, to)), ...facts.customers.flatMap((c) => customerItems(c, from, to, true))];
  }

  /** Everything the rules read, for one store, in a few set queries; dates as the store's local dates. */
  private async facts(em: EntityManager, storeId: number): Promise<Facts> {
    const timezone = await storeTimezone(em, storeId);
    const day = (column: string) => `to_char(${column} at time zone '${timezone.replaceAll("'", "''")}', 'YYYY-MM-DD')`;
    const [customers, vehicles, readings, deliveries, visits] = await Promise.all([
      em.execute<{ id: number; birthday: string | null; lunar_birthday: LunarMonthDay | null }[]>(
        `select id, to_char(birthday, 'YYYY-MM-DD') as birthday, lunar_birthday from customer where store_id = ?`,
        [storeId],
      ),
      em.execute<{ id: number; owner_id: number; plate: string; purchase_date: string | null; sold_here: boolean | null; source: string | null; warranty_years: number | null; warranty_km: number | null; insurance_expires_on: string | null; inspection_due_on: string | null }[]>(
        `select v.id, v.owner_id, v.plate, to_char(v.purchase_date, 'YYYY-MM-DD') as purchase_date, v.sold_here, c.source, v.warranty_years, v.warranty_km,
                to_char(v.insurance_expires_on, 'YYYY-MM-DD') as insurance_expires_on, to_char(v.inspection_due_on, 'YYYY-MM-DD') as inspection_due_on
           from vehicle v join customer c on c.id = v.owner_id where v.store_id = ? and v.active`,
        [storeId],
      ),
      em.execute<{ vehicle_id: number; day_on: string; km: number }[]>(
        `select vehicle_id, ${day('created_at')} as day_on, mileage_in as km from work_order where store_id = ? and mileage_in is not null and status <> 'CANCELLED'
         union all
         select wo.vehicle_id, ${day('d.created_at')}, d.mileage_out from delivery d join work_order wo on wo.id = d.work_order_id where d.store_id = ?`,
        [storeId, storeId],
      ),
      em.execute<{ vehicle_id: number; day_on: string; next_due_on: string; next_due_km: number }[]>(
        `select distinct on (wo.vehicle_id) wo.vehicle_id, ${day('d.created_at')} as day_on, to_char(d.next_service_due_on, 'YYYY-MM-DD') as next_due_on, d.next_service_due_km as next_due_km
           from delivery d join work_order wo on wo.id = d.work_order_id where d.store_id = ? order by wo.vehicle_id, d.created_at desc`,
        [storeId],
      ),
      em.execute<{ vehicle_id: number; day_on: string }[]>(`select vehicle_id, ${day('max(created_at)')} as day_on from work_order where store_id = ? and status <> 'CANCELLED' group by vehicle_id`, [storeId]),
    ]);
    const readingsOf = new Map<number, MileageReading[]>();
    for (const r of readings) readingsOf.set(r.vehicle_id, [...(readingsOf.get(r.vehicle_id) ?? []), { on: r.day_on, km: Number(r.km) }]);
    const deliveryOf = new Map(deliveries.map((d) => [d.vehicle_id, { on: d.day_on, nextDueOn: d.next_due_on, nextDueKm: Number(d.next_due_km) }]));
    const visitOf = new Map(visits.map((v) => [v.vehicle_id, v.day_on]));
    return {
      timezone,
      customers: customers.map((c) => ({ id: c.id, birthday: c.birthday, lunarBirthday: c.lunar_birthday })),
      vehicles: vehicles.map((v) => ({
        id: v.id,
        customerId: v.owner_id,
        plate: v.plate,
        purchaseDate: v.purchase_date,
        newCarHere: v.sold_here === true || (v.sold_here === null && v.source === CustomerSource.SOLD_HERE),
        warrantyYears: v.warranty_years,
        warrantyKm: v.warranty_km,
        insuranceExpiresOn: v.insurance_expires_on,
        inspectionDueOn: v.inspection_due_on,
        readings: (readingsOf.get(v.id) ?? []).sort((a, b) => a.on.localeCompare(b.on)),
        lastDelivery: deliveryOf.get(v.id) ?? null,
        lastVisitOn: visitOf.get(v.id) ?? null,
      })),
    };
  }
}
