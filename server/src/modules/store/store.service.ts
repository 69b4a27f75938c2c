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
      const rows = await tx.execute<{ id: number }[]>(
        `update store set stale_after_minutes = coalesce(?, stale_after_minutes), tracking_link_ttl_hours = coalesce(?, tracking_link_ttl_hours),
           settings_version = settings_version + 1 where id = ? and settings_version = ? returning id`,
        [input.staleAfterMinutes ?? null, input.trackingLinkTtlHours ?? null, actor.storeId, input.expectedSettingsVersion],
      );
      const store = await tx.findOneOrFail(Store, actor.storeId, { refresh: true });
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
