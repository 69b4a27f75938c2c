import { Role } from '../staff/roles.js';

/** Who works the follow-up list: customer service, advisors (their own customers), managers. */
export const FOLLOW_UP_ROLES = [Role.CUSTOMER_SERVICE, Role.SERVICE_ADVISOR, Role.SERVICE_MANAGER] as const;
