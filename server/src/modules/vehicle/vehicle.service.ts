import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventLog } from '../../events/event-log.js';
import type { StaffActor } from '../../shared/actor.js';
import { dbId } from '../../shared/global-id.js';
import { InputCheck } from '../../shared/input-check.js';
import { notFound, ok, refuse, refusal, type Result } from '../../shared/result.js';
import { LockMode } from '@mikro-orm/core';
import { UniqueConstraintViolationException } from '@mikro-orm/postgresql';
import { audit } from '../audit/audit.js';
import { registerMessages } from '../../i18n/messages.js';
import { isValidPlate, normalizePlate } from '../../shared/plate.js';
import { isValidVin, normalizeVin } from '../../shared/vin.js';
import { createAudited } from '../audit/audit.js';
import { Customer } from '../customer/customer.entity.js';
import type { CreateVehicleInput, TransferPlateInput, UpdateVehicleInput } from './dto.js';
import { Vehicle } from './vehicle.entity.js';

registerMessages({
  INVALID_VIN: { zh: 'VIN 无效（17 位，不含 I/O/Q，校验位需正确）', en: 'is not a valid VIN (17 characters, no I/O/Q, correct check digit)' },
  INVALID_PLATE: { zh: '车牌号格式不正确', en: 'is not a valid licence plate' },
  DUPLICATE_VIN: { zh: '该 VIN 已登记', en: 'is already registered' },
  DUPLICATE_PLATE: { zh: '该车牌已登记在本店另一辆在册车辆上（车牌转移需单独办理）', en: 'is already on another active vehicle of this store (moving a plate is a separate operation)' },
  PLATE_ALREADY_ON_VEHICLE: { zh: '该车辆已使用此车牌', en: 'This vehicle already carries that plate' },
  VEHICLE_INACTIVE: { zh: '该车辆已不在册', en: 'This vehicle is no longer active' },
  INVALID_DATE: { zh: '日期格式应为 YYYY-MM-DD', en: 'must be a date as YYYY-MM-DD' },
  DATE_IN_FUTURE: { zh: '日期不能晚于今天', en: 'cannot be in the future' },
  INVALID_PART_NUMBER: { zh: '只能包含字母、数字和 -', en: 'may contain letters, digits and - only' },
  PLATE_TRANSFER_CONFLICT: { zh: '车牌刚被他人办理了转移，请刷新后重试', en: 'The plate was just moved by someone else; reload and retry' },
});

export const MAX_MILEAGE_KM = 2_000_000;
const SERIAL = /^[A-Z0-9][A-Z0-9-]{0,29}$/;

/** A calendar date YYYY-MM-DD that exists. */
export function isCalendarDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

type ArchiveField = 'engineNumber' | 'transmissionNumber' | 'purchaseDate' | 'soldHere' | 'warrantyYears' | 'warrantyKm' | 'insuranceExpiresOn' | 'inspectionDueOn' | 'usage';
const ARCHIVE_FIELDS: readonly ArchiveField[] = ['engineNumber', 'transmissionNumber', 'purchaseDate', 'soldHere', 'warrantyYears', 'warrantyKm', 'insuranceExpiresOn', 'inspectionDueOn', 'usage'];

/** Rolls a change back that changes nothing (the log records only changes). */
const UNCHANGED = refusal('UNCHANGED', null);

export class VehicleService {
  /** With the event log (the app), an archive change is also an event (`Vehicle` UPDATED), which the segmentation reads (R-SEG-1/2). */
  constructor(private readonly log: EventLog) {}

  async create(em: EntityManager, actor: StaffActor, input: CreateVehicleInput): Promise<Result<Vehicle>> {
    const check = new InputCheck();
    const vin = normalizeVin(input.vin ?? '');
    if (!isValidVin(vin)) check.fail(['vin'], 'INVALID_VIN');
    const plate = normalizePlate(input.plate ?? '');
    if (!isValidPlate(plate)) check.fail(['plate'], 'INVALID_PLATE');
    const model = check.text(['model'], input.model, { max: 80, required: true });
    const brand = check.text(['brand'], input.brand, { max: 40 });
    const color = check.text(['color'], input.color, { max: 20 });
    check.range(['mileageKm'], input.mileageKm, 0, MAX_MILEAGE_KM);
    const ownerId = dbId(input.ownerId, 'Customer');
    const owner = ownerId ? await em.findOne(Customer, { id: ownerId, store: actor.storeId }) : null;
    if (!owner) check.fail(['ownerId'], 'NOT_FOUND', { what: 'Owner' });
    if (check.failed) return refuse(...check.errors);

    const duplicates = async () => {
      if (await em.count(Vehicle, { store: actor.storeId, vin })) check.fail(['vin'], 'DUPLICATE_VIN');
      if (await em.count(Vehicle, { store: actor.storeId, plate, active: true })) check.fail(['plate'], 'DUPLICATE_PLATE');
      return check.failed;
    };
    if (await duplicates()) return refuse(...check.errors);
    const vehicle = await createAudited(em, actor, { action: 'vehicle.create', entity: 'Vehicle' }, (tx) =>
      tx.create(Vehicle, {
        store: actor.storeId,
        vin,
        plate,
        model: model!,
        brand,
        color,
        mileageKm: input.mileageKm ?? null,
        owner: owner!,
        createdBy: actor.staffId,
        createdAt: new Date(),
      }),
    );
    if (vehicle) return ok(vehicle);
    // A concurrent insert won the unique index: say which one.
    if (!(await duplicates())) check.fail(['vin'], 'DUPLICATE_VIN');
    return refuse(...check.errors);
  }

  /**
   * R-ARC-2: the archive fields (engine and transmission numbers, purchase, warranty terms, insurance,
   * inspection, usage) with optimistic locking: omitted fields stay, null clears. The row is locked,
   * the version checked, the change audited with before and after; a change that changes nothing
   * writes nothing.
   */
  async update(em: EntityManager, actor: StaffActor, input: UpdateVehicleInput): Promise<Result<Vehicle>> {
    const check = new InputCheck();
    const values: Partial<Record<ArchiveField, unknown>> = {};
    for (const name of ['engineNumber', 'transmissionNumber'] as const) {
      if (input[name] === undefined) continue;
      const v = input[name] == null ? null : check.text([name], input[name], { max: 30 })?.toUpperCase() ?? null;
      if (v != null && !SERIAL.test(v)) check.fail([name], 'INVALID_PART_NUMBER');
      values[name] = v;
    }
    const today = new Date().toISOString().slice(0, 10);
    for (const name of ['purchaseDate', 'insuranceExpiresOn', 'inspectionDueOn'] as const) {
      if (input[name] === undefined) continue;
      const v = input[name];
      if (v != null && !isCalendarDate(v)) check.fail([name], 'INVALID_DATE');
      else if (name === 'purchaseDate' && v != null && v > today) check.fail([name], 'DATE_IN_FUTURE');
      values[name] = v;
    }
    check.range(['warrantyYears'], input.warrantyYears, 0, 20);
    check.range(['warrantyKm'], input.warrantyKm, 0, MAX_MILEAGE_KM);
    for (const name of ['soldHere', 'warrantyYears', 'warrantyKm', 'usage'] as const) if (input[name] !== undefined) values[name] = input[name];
    const id = dbId(input.id, 'Vehicle');
    if (!id) return refuse(notFound('Vehicle'));
    if (check.failed) return refuse(...check.errors);
    const changeOf = (vehicle: Vehicle) => {
      const before: Record<string, unknown> = {};
      const after: Record<string, unknown> = {};
      for (const name of ARCHIVE_FIELDS) {
        if (!(name in values) || vehicle[name] === values[name]) continue;
        before[name] = vehicle[name] ?? null;
        after[name] = values[name];
        (vehicle as unknown as Record<string, unknown>)[name] = values[name];
      }
      return { before, after };
    };
    const result = await this.log.change(em, actor, {
      type: 'Vehicle',
      storeId: actor.storeId,
      load: (tx) => tx.findOne(Vehicle, { id, store: actor.storeId }, { refresh: true }),
      notFound: notFound('Vehicle'),
      expectedVersion: input.expectedVersion,
      versionField: check.path('expectedVersion'),
      apply: async (tx, vehicle) => {
        const { before, after } = changeOf(vehicle);
        if (!Object.keys(after).length) return [UNCHANGED];
        audit(tx, { storeId: actor.storeId, actorId: actor.staffId, action: 'vehicle.update', entity: 'Vehicle', entityId: vehicle.id, data: { before, after } });
        return { kind: 'UPDATED', data: { fields: Object.keys(after) } };
      },
    });
    if (!result.ok && result.errors[0] === UNCHANGED) return ok(await em.fork().findOneOrFail(Vehicle, { id, store: actor.storeId }));
    return result;
  }

  /**
   * Issue 9 §6: a plate is on one active vehicle of the store, and moving it is explicit. The vehicle
   * that carried it leaves the store's active vehicles (its record and history stay), the target
   * takes the plate, and the audit log keeps who, why and from which vehicle — in one transaction.
   */
  async transferPlate(em: EntityManager, actor: StaffActor, input: TransferPlateInput): Promise<Result<{ vehicle: Vehicle; previousHolder: Vehicle | null }>> {
    const check = new InputCheck();
    const plate = normalizePlate(input.plate ?? '');
    if (!isValidPlate(plate)) check.fail(['plate'], 'INVALID_PLATE');
    const reason = check.text(['reason'], input.reason, { max: 200, required: true });
    const toId = dbId(input.toVehicleId, 'Vehicle');
    if (!toId) check.fail(['toVehicleId'], 'NOT_FOUND', { what: 'Vehicle' });
    if (check.failed) return refuse(...check.errors);
    try {
      return await em.transactional(async (tx) => {
        const target = await tx.findOne(Vehicle, { id: toId!, store: actor.storeId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
        if (!target) return refuse(notFound('Vehicle', ['input', 'toVehicleId']));
        if (!target.active) return refuse(refusal('VEHICLE_INACTIVE', ['input', 'toVehicleId']));
        if (target.plate === plate) return refuse(refusal('PLATE_ALREADY_ON_VEHICLE', ['input', 'plate']));
        const holder = await tx.findOne(Vehicle, { store: actor.storeId, plate, active: true }, { lockMode: LockMode.PESSIMISTIC_WRITE });
        if (holder) {
          holder.active = false;
          await tx.flush(); // free the plate before the target takes it (the unique index is checked per statement)
        }
        const previousPlate = target.plate;
        target.plate = plate;
        await tx.flush();
        audit(tx, {
          storeId: actor.storeId,
          actorId: actor.staffId,
          action: 'vehicle.plate-transfer',
          entity: 'Vehicle',
          entityId: target.id,
          data: { plate, previousPlate, fromVehicleId: holder?.id ?? null, reason },
        });
        return ok({ vehicle: target, previousHolder: holder ?? null });
      });
    } catch (e) {
      if (e instanceof UniqueConstraintViolationException) return refuse(refusal('PLATE_TRANSFER_CONFLICT', ['input', 'plate']));
      throw e;
    }
  }
}
