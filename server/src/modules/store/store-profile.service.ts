import type { EntityManager } from '@mikro-orm/postgresql';
import type { StaffActor } from '../../shared/actor.js';
import { InputCheck } from '../../shared/input-check.js';
import { ok, refuse, refusal, type Result } from '../../shared/result.js';
import { audit } from '../audit/audit.js';
import type { UpdateStoreProfileInput } from './store-profile.dto.js';
import { StoreSetupError as E, isValidPhone, isValidTimeZone } from './store-setup.errors.js';
import { Store } from './store.entity.js';

/** The store's own details, edited by its manager under the same version as its settings (Platform §5). */
export class StoreProfileService {
  async update(em: EntityManager, actor: StaffActor, input: UpdateStoreProfileInput): Promise<Result<Store>> {
    const check = new InputCheck();
    const name = input.name == null ? undefined : check.text(['name'], input.name, { max: 100, required: true });
    const phone = input.phone == null ? undefined : check.text(['phone'], input.phone, { max: 30 });
    if (phone && !isValidPhone(phone)) check.fail(['phone'], E.INVALID_PHONE);
    const address = input.address == null ? undefined : check.text(['address'], input.address, { max: 200 });
    const timezone = input.timezone == null ? undefined : input.timezone.trim();
    if (timezone !== undefined && !isValidTimeZone(timezone)) check.fail(['timezone'], E.INVALID_TIMEZONE);
    if (check.failed) return refuse(...check.errors);
    return em.transactional(async (tx) => {
      // Checked and bumped in one statement, as updateStoreSettings does: two managers cannot both win.
      const rows = await tx.execute<{ id: number }[]>(
        `update store set name = coalesce(?, name), phone = case when ? then ? else phone end, address = case when ? then ? else address end,
           timezone = coalesce(?, timezone), settings_version = settings_version + 1
         where id = ? and settings_version = ? returning id`,
        [name ?? null, phone !== undefined, phone ?? null, address !== undefined, address ?? null, timezone ?? null, actor.storeId, input.expectedSettingsVersion],
      );
      const store = await tx.findOneOrFail(Store, actor.storeId, { refresh: true });
      if (!rows.length) return refuse(refusal('STALE_VERSION', ['input', 'expectedSettingsVersion'], { current: store.settingsVersion }));
      audit(tx, { storeId: actor.storeId, actorId: actor.staffId, action: 'store.profile', entity: 'Store', entityId: store.id, data: { name, phone, address, timezone } });
      return ok(store);
    });
  }
}
