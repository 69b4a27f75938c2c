import { actsAs } from '../../shared/actor.js';
import { defineModule } from '../module.js';
import { Campaign } from './campaign.entity.js';
import { CampaignResolver } from './campaign.resolver.js';
import { CAMPAIGN_ROLES } from './campaign.roles.js';
import { CampaignService } from './campaign.service.js';
import './campaign.templates.js';

/** Issue 10, seasonal campaigns (R-CARE-6) through the outbox under the frequency cap. Decisions in README.md. */
export const campaignModule = defineModule({
  name: 'campaign',
  entities: [Campaign],
  resolvers: [CampaignResolver],
  nodes: { Campaign: async (em, id, actor) => (actsAs(actor, CAMPAIGN_ROLES) ? em.findOne(Campaign, { id, store: actor.storeId }) : 'FORBIDDEN') },
  services: ({ log, clock, registry }) => ({ campaigns: new CampaignService(log, clock, registry) }),
});

declare module '../registry.js' {
  interface ServiceRegistry {
    campaigns: CampaignService;
  }
}
