import { defineModule } from '../module.js';
import { QualityCheck } from './quality-check.entity.js';
import { QualityCheckResolver, WorkOrderQualityResolver } from './quality-check.resolver.js';
import { finalCheckRequired, QualityCheckService, reworkStartsNewRound } from './quality-check.service.js';
import './quality-check.errors.js';

export const qualityCheckModule = defineModule({
  name: 'quality-check',
  entities: [QualityCheck],
  resolvers: [QualityCheckResolver, WorkOrderQualityResolver],
  transitionGuards: [finalCheckRequired],
  transitionEffects: [reworkStartsNewRound],
  services: ({ log, registry }) => ({ qualityChecks: new QualityCheckService(log, () => registry()) }),
});

declare module '../registry.js' {
  interface ServiceRegistry {
    qualityChecks: QualityCheckService;
  }
}
