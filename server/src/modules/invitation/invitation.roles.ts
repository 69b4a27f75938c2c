import { Role } from '../staff/roles.js';

/** Who invites customers: advisors, customer service, the service manager. */
export const INVITATION_ROLES = [Role.SERVICE_ADVISOR, Role.CUSTOMER_SERVICE, Role.SERVICE_MANAGER] as const;
