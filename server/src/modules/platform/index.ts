import { ConsumerCursor, ParkedEvent } from '../../events/consumer-cursor.entity.js';
import { DomainEvent } from '../../events/domain-event.entity.js';
import { defineModule } from '../module.js';
import { PlatformResolver } from './platform.resolver.js';

/** The event log's tables and the managers' view of its consumers (the service lives in services.ts: it needs every module's consumers). */
export const platformModule = defineModule({
  name: 'platform',
  entities: [DomainEvent, ConsumerCursor, ParkedEvent],
  resolvers: [PlatformResolver],
});
