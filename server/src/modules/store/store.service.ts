import type { EntityManager } from '@mikro-orm/postgresql';
import type { StaffActor } from '../../shared/actor.js';
import { InputCheck } from '../../shared/input-check.js';
import { ok, refuse, type Result, refusal } from '../../shared/result.js';
import { audit } from '../audit/audit.js';
import type { UpdateStoreSettingsInput } from './dto.js';
import { Store } from './store.entity.js';

export const SETTING_RANGES = { staleAfterMinutes: [5, 240], trackingLinkTtlHours: [1, 720] } as const;

export class StoreService {
  async updateSettings(em: EntityManager, actor: StaffActor, input: UpdateStoreSettingsInput): Promise<Result<Store>> {
    const check = new InputCheck();
    for (const [key, [min, max]] of Object.entries(SETTING_RANGES)) {
      const value = input[key as keyof typeof SETTING_RANGES];
      if (value != null && !Number.isInteger(value)) check.fail([key], 'OUT_OF_RANGE', { min, max });
      else check.range([key], value, min, max);
    }
    if (check.failed) return refuse(...check.errors);
    return em.transactional(async (tx) => {
      // The settings version is checked and bumped in one statement, so two managers cannot both win.
      // A request that changes nothing (no field, or the values already set) writes nothing: no new version, no audit row.
      const stale = input.staleAfterMinutes ?? null;
      const ttl = input.trackingLinkTtlHours ?? null;
      const rows = await tx.execute<{ id: number }[]>(
        `update store set stale_after_minutes = coalesce(?, stale_after_minutes), tracking_link_ttl_hours = coalesce(?, tracking_link_ttl_hours),
           settings_version = settings_version + 1 where id = ? and settings_version = ?
           and (coalesce(?, stale_after_minutes) <> stale_after_minutes or coalesce(?, tracking_link_ttl_hours) <> tracking_link_ttl_hours) returning id`,
        [stale, ttl, actor.storeId, input.expectedSettingsVersion, stale, ttl],
      );
      const store = await tx.findOneOrFail(Store, actor.storeId, { refresh: true });
      if (!rows.length && store.settingsVersion === input.expectedSettingsVersion) return ok(store); // nothing to change
      if (!rows.length) return refuse(refusal('STALE_VERSION', ['input', 'expectedSettingsVersion'], { current: store.settingsVersion }));
      audit(tx, {
        storeId: actor.storeId,
        actorId: actor.staffId,
        action: 'store.settings',
        entity: 'Store',
        entityId: store.id,
        data: { staleAfterMinutes: input.staleAfterMinutes ?? null, trackingLinkTtlHours: input.trackingLinkTtlHours ?? null },
      });
      return ok(store);
    });
  }
}
