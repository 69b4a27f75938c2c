import { Role } from '../staff/roles.js';

/** Campaigns are the service manager's (R-CARE-6; issue 10: managers see campaigns). */
export const CAMPAIGN_ROLES = [Role.SERVICE_MANAGER] as const;
