import { Role } from '../staff/roles.js';

/** Who reads the outbox and the care calendar: customer service (who works it) and the service manager (who checks it). */
export const OUTBOX_ROLES = [Role.CUSTOMER_SERVICE, Role.SERVICE_MANAGER] as const;
/** Who sees the full recipient number: customer service, who may have to call it (and ADMIN); others see 138****1234. */
export const OUTBOX_RECIPIENT_ROLES = [Role.CUSTOMER_SERVICE] as const;
