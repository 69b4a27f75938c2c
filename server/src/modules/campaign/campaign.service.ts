import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventLog } from '../../events/event-log.js';
import type { Services } from '../../services.types.js';
import type { StaffActor } from '../../shared/actor.js';
import type { Clock } from '../../shared/clock.js';
import { InputCheck } from '../../shared/input-check.js';
import { keyset, type PageRequest, toConnection } from '../../shared/page.js';
import type { Result } from '../../shared/result.js';
import { atLocal, isIsoDate } from '../../shared/zoned-time.js';
import { MessagePurpose, OutboxChannel } from '../outbox/outbox.enums.js';
import { Campaign } from './campaign.entity.js';
import { CAMPAIGN_TEMPLATES } from './campaign.templates.js';
import type { CreateCampaignInput } from './dto/campaign.dto.js';
import './campaign.errors.js';
import { pgArray, storeTimezone } from '../../shared/sql.js';

export const CAMPAIGN = 'Campaign';
const MAX_DAYS_AHEAD = 90;
const DAY = 86_400_000;

/**
 * R-CARE-6: a seasonal campaign to an audience chosen by segment (value class, vehicle age, last
 * visit), planned into the outbox as MARKETING messages in one transaction. It is grouped with the
 * other contacts under the store's frequency cap: a customer who already has as many care or
 * marketing messages as the cap allows within the cap window around the send time gets the message
 * SUPPRESSED (FREQUENCY_CAP), visible in the outbox, never sent. Service-critical messages do not
 * count and are never held back (the outbox's rule).
 */
export class CampaignService {
  constructor(
    private readonly log: EventLog,
    private readonly clock: Clock,
    private readonly registry: () => Services,
  ) {}

  async create(em: EntityManager, actor: StaffActor, input: CreateCampaignInput): Promise<Result<Campaign>> {
    const check = new InputCheck();
    const name = check.text(['name'], input.name, { max: 60, required: true });
    if (!(CAMPAIGN_TEMPLATES as readonly string[]).includes(input.template)) check.fail(['template'], 'CAMPAIGN_UNKNOWN_TEMPLATE', { templates: CAMPAIGN_TEMPLATES.join(', ') });
    const now = this.clock.now().getTime();
    if (!(input.sendFrom instanceof Date) || Number.isNaN(input.sendFrom.getTime()) || input.sendFrom.getTime() <= now || input.sendFrom.getTime() > now + MAX_DAYS_AHEAD * DAY) {
      check.fail(['sendFrom'], 'CAMPAIGN_SEND_NOT_AHEAD', { days: MAX_DAYS_AHEAD });
    }
    if (input.channel === OutboxChannel.PHONE_TASK) check.fail(['channel'], 'CAMPAIGN_CHANNEL_NOT_ALLOWED');
    const lastVisitBefore = input.audience.lastVisitBefore ?? null;
    if (lastVisitBefore !== null && !isIsoDate(lastVisitBefore)) check.fail(['audience', 'lastVisitBefore'], 'CAMPAIGN_INVALID_DATE');
    if (check.failed) return { ok: false, errors: check.errors };
    const audience = { valueClass: [...new Set(input.audience.valueClass ?? [])], vehicleAgeClass: [...new Set(input.audience.vehicleAgeClass ?? [])], lastVisitBefore };
    const outbox = this.registry().outbox;

    return this.log.create(em, actor, {
      type: CAMPAIGN,
      storeId: actor.storeId,
      build: async (tx, at) => {
        const timezone = await storeTimezone(tx, actor.storeId);
        // Empty lists match any class; a null date any last visit.
        const members = (
          await tx.execute<{ id: number }[]>(
            `select c.id from customer c join customer_segment s on s.customer_id = c.id
              where c.store_id = ? and (cardinality(?::text[]) = 0 or s.value_class = any(?::text[]))
                and (cardinality(?::text[]) = 0 or s.vehicle_age_class = any(?::text[]))
                and (?::timestamptz is null or s.last_visit_at < ?::timestamptz)
              order by c.id`,
            [actor.storeId, pgArray(audience.valueClass), pgArray(audience.valueClass), pgArray(audience.vehicleAgeClass), pgArray(audience.vehicleAgeClass), ...Array(2).fill(lastVisitBefore ? atLocal(lastVisitBefore, 0, timezone) : null)],
          )
        ).map((r) => r.id);

        const settings = await outbox.settings(tx, actor.storeId);
        const window = settings.capWindowDays * DAY;
        const contacted = await outbox.contacts(tx, actor.storeId, members, new Date(input.sendFrom.getTime() - window), new Date(input.sendFrom.getTime() + window), { planned: true });
        const capped = members.filter((id) => (contacted.get(id) ?? 0) >= settings.capCount);
        const campaign = tx.create(Campaign, {
          store: actor.storeId,
          name: name!,
          template: input.template,
          channel: input.channel ?? null,
          audience,
          sendFrom: input.sendFrom,
          audienceSize: members.length,
          suppressedByFrequencyCap: capped.length,
          createdBy: actor.staffId,
          createdAt: at,
        });
        await tx.flush();
        const held = new Set(capped);
        for (const customerId of members) {
          const planned = await outbox.enqueue(tx, actor, {
            storeId: actor.storeId,
            customerId,
            channel: input.channel ?? null,
            template: input.template,
            variables: {},
            scheduledAt: input.sendFrom,
            purpose: MessagePurpose.MARKETING,
            idempotencyKey: `campaign:${campaign.id}:${customerId}`,
            campaignId: campaign.id,
            suppressedBecause: held.has(customerId) ? 'FREQUENCY_CAP' : null,
          });
          if (!planned.ok) return planned.errors;
        }
        return { aggregate: campaign, facts: [{ kind: 'CREATED', data: { name: campaign.name, template: campaign.template, audience, sendFrom: input.sendFrom.toISOString(), audienceSize: members.length, suppressedByFrequencyCap: capped.length } }] };
      },
    });
  }

  async list(em: EntityManager, storeId: number, page: PageRequest) {
    const k = keyset(page, 'desc');
    const [rows, total] = await Promise.all([em.find(Campaign, { store: storeId, ...k.where }, k.options), em.count(Campaign, { store: storeId })]);
    return toConnection(rows, total, page);
  }
}

