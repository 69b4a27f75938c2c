import { defineModule } from '../module.js';
import { AuditLog } from './audit-log.entity.js';

export const auditModule = defineModule({ name: 'audit', entities: [AuditLog] });
