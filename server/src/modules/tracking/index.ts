import { defineModule } from '../module.js';
import { TrackingFeed } from './tracking-feed.js';
import { TrackingResolver } from './tracking.resolver.js';
import { TrackingService } from './tracking.service.js';

export const trackingModule = defineModule({
  name: 'tracking',
  resolvers: [TrackingResolver],
  services: ({ orm }) => {
    const trackingFeed = new TrackingFeed(orm);
    return { trackingFeed, tracking: new TrackingService(orm, trackingFeed) };
  },
  liveConsumers: (services) => [services.trackingFeed],
});

declare module '../registry.js' {
  interface ServiceRegistry {
    tracking: TrackingService;
    trackingFeed: TrackingFeed;
  }
}
