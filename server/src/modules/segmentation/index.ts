import { defineModule } from '../module.js';
import { CustomerSegment, SegmentationSettings } from './segmentation.entity.js';
import { ChurnRiskEntryResolver, ChurnRiskResolver, CustomerSegmentResolver, PointsEntryActorResolver, SegmentationSettingsResolver } from './segmentation.resolver.js';
import { HISTORY_AGGREGATES, SegmentationService } from './segmentation.service.js';
import { segmentationTasks } from './segmentation.tasks.js';
import './segmentation.messages.js';
import { actsAs } from '../../shared/actor.js';
import { churnEntry } from './segmentation.churn.js';
import { CHURN_READERS } from './segmentation.roles.js';

/** Issue 10, segmentation and points (R-SEG-1..5). Decisions in README.md. */
export const segmentationModule = defineModule({
  name: 'segmentation',
  entities: [CustomerSegment, SegmentationSettings],
  resolvers: [CustomerSegmentResolver, ChurnRiskResolver, ChurnRiskEntryResolver, SegmentationSettingsResolver, PointsEntryActorResolver],
  nodes: {
    ChurnRisk: async (em, id, actor) => (actsAs(actor, CHURN_READERS) ? churnEntry(em, actor.storeId, id) : 'FORBIDDEN'),
  },
  services: ({ orm, log, queue, clock, registry }) => ({ segmentation: new SegmentationService(orm, log, queue, clock, registry) }),
  durableConsumers: (services) => [{ name: 'segmentation.history', aggregateTypes: HISTORY_AGGREGATES, handle: (event, { tx }) => services.segmentation.onHistoryEvent(tx, event) }],
  tasks: segmentationTasks,
});

declare module '../registry.js' {
  interface ServiceRegistry {
    segmentation: SegmentationService;
  }
}
