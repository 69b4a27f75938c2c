import { Role } from '../staff/roles.js';

/** Who reads a customer's segment and its reasons: the people who deal with the customer (managers and ADMIN pass every check). */
export const SEGMENT_READERS = [Role.SERVICE_MANAGER, Role.SERVICE_ADVISOR, Role.CUSTOMER_SERVICE, Role.CASHIER] as const;
/** Who sees churn risk (the list, and the segment's churnRisk): managers and customer service, who win customers back. */
export const CHURN_READERS = [Role.SERVICE_MANAGER, Role.CUSTOMER_SERVICE] as const;
/** Who awards behaviour points: the advisor at the check-in, customer service for sharing and surveys, managers. */
export const POINTS_AWARDERS = [Role.SERVICE_MANAGER, Role.SERVICE_ADVISOR, Role.CUSTOMER_SERVICE] as const;
