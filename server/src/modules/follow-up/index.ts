import { defineModule } from '../module.js';
import { actsAs } from '../../shared/actor.js';
import { COMPLAINT } from '../complaint/complaint.service.js';
import { WORK_ORDER } from '../work-order/work-order-event.js';
import { FollowUpAttempt, FollowUpTask, Survey } from './follow-up.entity.js';
import { FollowUpAttemptResolver, FollowUpResolver, FollowUpSettingsResolver, ProgressSurveyResolver, SurveyResolver } from './follow-up.resolver.js';
import { FollowUpSettings } from './follow-up-settings.entity.js';
import { FOLLOW_UP_ROLES } from './follow-up.roles.js';
import { FollowUpService } from './follow-up.service.js';

/** Issue 10, follow-up calls and surveys (R-FU-1/2/4), driven by the event log. */
export const followUpModule = defineModule({
  name: 'follow-up',
  entities: [FollowUpTask, FollowUpAttempt, Survey, FollowUpSettings],
  resolvers: [FollowUpResolver, FollowUpAttemptResolver, SurveyResolver, ProgressSurveyResolver, FollowUpSettingsResolver],
  nodes: {
    Task: async (em, id, actor) => (actsAs(actor, FOLLOW_UP_ROLES) ? em.findOne(FollowUpTask, { id, store: actor.storeId }) : 'FORBIDDEN'),
    Survey: async (em, id, actor) => (actsAs(actor, FOLLOW_UP_ROLES) ? em.findOne(Survey, { id, store: actor.storeId }) : 'FORBIDDEN'),
  },
  services: ({ log, clock, registry, config }) => ({ followUps: new FollowUpService(log, clock, registry, config.publicUrl) }),
  durableConsumers: (services) => [
    { name: 'follow-up.deliveries', aggregateTypes: [WORK_ORDER], handle: (event, { tx }) => services.followUps.onWorkOrderEvent(tx, event) },
    { name: 'follow-up.complaint-recalls', aggregateTypes: [COMPLAINT], handle: (event, { tx }) => services.followUps.onComplaintEvent(tx, event) },
  ],
});

declare module '../registry.js' {
  interface ServiceRegistry {
    followUps: FollowUpService;
  }
}
