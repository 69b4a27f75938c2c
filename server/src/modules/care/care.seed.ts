import { SolarDay } from 'tyme4ts';
import type { Services } from '../../services.types.js';
import { type StaffActor, systemActor } from '../../shared/actor.js';
import type { Result } from '../../shared/result.js';
import { addDays, localDate } from '../../shared/zoned-time.js';
import { ContactChannel } from '../customer/customer-archive.enums.js';
import type { UpdateCustomerInput } from '../customer/customer-archive.dto.js';
import type { UpdateVehicleInput } from '../vehicle/dto.js';
import { Customer } from '../customer/customer.entity.js';
import { Vehicle } from '../vehicle/vehicle.entity.js';
import { storeTimezone } from '../../shared/sql.js';

/** How many days of care messages the demo plans, from today. */
const DAYS = 31;

/**
 * Demo care data (issue 10): birthdays (solar and lunar) and insurance and inspection dates in the
 * coming month, new cars sold here (welcome, call, questionnaire) and cars nearing their first
 * maintenance, set through the archive services as the advisor; then each day of the coming month
 * is planned through CareService as the system, so the outbox holds a month of scheduled messages.
 */
export async function seedCare(services: Services, opts: { now: Date; storeId: number; advisor: StaffActor }): Promise<number> {
  const em = services.orm.em.fork();
  const timezone = await storeTimezone(em, opts.storeId);
  const today = localDate(opts.now, timezone);
  const customers = await em.find(Customer, { store: opts.storeId }, { orderBy: { id: 'asc' } });
  const vehicles = await em.find(Vehicle, { store: opts.storeId, active: true }, { orderBy: { id: 'asc' } });
  const withVisits = new Set((await em.execute<{ vehicle_id: number }[]>('select distinct vehicle_id from work_order where store_id = ?', [opts.storeId])).map((r) => r.vehicle_id));
  const fresh = vehicles.filter((v) => !withVisits.has(v.id));
  if (fresh.length === 0) throw new Error('demo seed: the care seed needs vehicles without visits (new cars)');
  for (const [i, c] of customers.entries()) {
    const archive: Partial<UpdateCustomerInput> = {};
    if (i % 5 === 0) archive.birthday = `${1975 + (i % 20)}${addDays(today, 1 + (i % 28)).slice(4)}`;
    if (i % 5 === 1) {
      const [y, m, d] = addDays(today, 2 + (i % 27)).split('-').map(Number);
      const lunar = SolarDay.fromYmd(y, m, d).getLunarDay();
      archive.lunarBirthday = { month: lunar.getLunarMonth().getMonth(), day: lunar.getDay(), leap: lunar.getLunarMonth().isLeap() };
    }
    if (i % 3 === 0) archive.preferredChannel = ContactChannel.WECHAT;
    else if (i % 7 === 2) archive.preferredChannel = ContactChannel.PHONE;
    if (Object.keys(archive).length) {
      expectOk(`care archive ${i}`, await services.customerArchive.update(em.fork(), opts.advisor, { id: c.globalId, expectedVersion: c.version, ...archive } as UpdateCustomerInput));
    }
  }
  for (const [i, v] of vehicles.entries()) {
    const archive: Partial<UpdateVehicleInput> = {};
    if (i % 5 === 2) archive.insuranceExpiresOn = addDays(today, 10 + (i % 30));
    if (i % 5 === 3) archive.inspectionDueOn = addDays(today, 12 + (i % 25));
    // Cars without a visit are the new ones sold here: alternately just bought (welcome, call, questionnaire) and nearing the first maintenance.
    const j = fresh.indexOf(v);
    if (j >= 0 && j % 2 === 0) Object.assign(archive, { purchaseDate: addDays(today, -(j % 6) / 2), soldHere: true, warrantyYears: 3, warrantyKm: 100_000 });
    else if (j >= 0) Object.assign(archive, { purchaseDate: addDays(today, -80 + (j % 12)), soldHere: true, warrantyYears: 3, warrantyKm: 100_000 });
    if (Object.keys(archive).length) {
      expectOk(`care vehicle ${i}`, await services.vehicles.update(em.fork(), opts.advisor, { id: v.globalId, expectedVersion: v.version, ...archive } as UpdateVehicleInput));
    }
  }
  let planned = 0;
  const actor = systemActor(opts.storeId, 'demo-seed');
  for (let d = 0; d < DAYS; d++) planned += await services.care.planDay(em.fork(), opts.storeId, addDays(today, d), actor);
  return planned;
}

function expectOk<T>(what: string, result: Result<T>): T {
  if (!result.ok) throw new Error(`demo seed: ${what}: ${JSON.stringify(result.errors)}`);
  return result.value;
}
