import { defineModule } from '../module.js';
import { TrackingFeed } from './tracking-feed.js';
import { TrackingRateLimit } from './tracking-rate-limit.js';
import { TrackingResolver } from './tracking.resolver.js';
import { TrackingService } from './tracking.service.js';

export const trackingModule = defineModule({
  name: 'tracking',
  resolvers: [TrackingResolver],
  services: ({ orm, config }) => {
    const trackingFeed = new TrackingFeed(orm);
    return { trackingFeed, tracking: new TrackingService(orm, trackingFeed), trackingRateLimit: new TrackingRateLimit(config.trackingRequestsPerMinute) };
  },
  liveConsumers: (services) => [services.trackingFeed],
});

declare module '../registry.js' {
  interface ServiceRegistry {
    tracking: TrackingService;
    trackingFeed: TrackingFeed;
    trackingRateLimit: TrackingRateLimit;
  }
}
