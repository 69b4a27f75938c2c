import { defineModule } from '../module.js';
import { JobClocking, ProgressNote } from './job-clock.entity.js';
import { JobClockFieldsResolver, JobClockingResolver, ProgressNoteResolver, WorkOrderProgressNotesResolver } from './job-clock.resolver.js';
import { JobClockService } from './job-clock.service.js';
import './job-clock.errors.js';

export const jobClockModule = defineModule({
  name: 'job-clock',
  entities: [JobClocking, ProgressNote],
  resolvers: [JobClockingResolver, JobClockFieldsResolver, WorkOrderProgressNotesResolver, ProgressNoteResolver],
  services: ({ log, registry }) => ({ jobClock: new JobClockService(log, () => registry()) }),
});

declare module '../registry.js' {
  interface ServiceRegistry {
    jobClock: JobClockService;
  }
}
