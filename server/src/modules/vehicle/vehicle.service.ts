import type { EntityManager } from '@mikro-orm/postgresql';
import type { StaffActor } from '../../shared/actor.js';
import { dbId } from '../../shared/global-id.js';
import { InputCheck } from '../../shared/input-check.js';
import { ok, refuse, type Result } from '../../shared/result.js';
import { registerMessages } from '../../i18n/messages.js';
import { isValidPlate, normalizePlate } from '../../shared/plate.js';
import { isValidVin, normalizeVin } from '../../shared/vin.js';
import { createAudited } from '../audit/audit.js';
import { Customer } from '../customer/customer.entity.js';
import type { CreateVehicleInput } from './dto.js';
import { Vehicle } from './vehicle.entity.js';

registerMessages({
  INVALID_VIN: { zh: 'VIN 无效（17 位，不含 I/O/Q，校验位需正确）', en: 'is not a valid VIN (17 characters, no I/O/Q, correct check digit)' },
  INVALID_PLATE: { zh: '车牌号格式不正确', en: 'is not a valid licence plate' },
  DUPLICATE_VIN: { zh: '该 VIN 已登记', en: 'is already registered' },
  DUPLICATE_PLATE: { zh: '该车牌已登记在本店另一辆在册车辆上（车牌转移需单独办理）', en: 'is already on another active vehicle of this store (moving a plate is a separate operation)' },
});

export const MAX_MILEAGE_KM = 2_000_000;

export class VehicleService {
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
}
