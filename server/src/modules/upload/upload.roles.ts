import { Role } from '../staff/roles.js';

/** Who takes photos and signatures: reception, the floor, quality check, warranty and managers. */
export const UPLOAD_ROLES = [Role.SERVICE_MANAGER, Role.SERVICE_ADVISOR, Role.FOREMAN, Role.TEAM_LEADER, Role.TECHNICIAN, Role.QC_INSPECTOR, Role.WARRANTY_CLERK] as const;
