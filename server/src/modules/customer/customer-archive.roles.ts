import { Role } from '../staff/roles.js';

/** Who keeps the archive: the advisors, customer service and managers (R-ARC-1). */
export const ARCHIVE_EDITORS = [Role.SERVICE_ADVISOR, Role.SERVICE_MANAGER, Role.CUSTOMER_SERVICE] as const;
/** Who reads ID numbers and addresses in full (R-ARC-5): the people who keep the archive. Everyone else sees them masked. */
export const SENSITIVE_ARCHIVE_ROLES = ARCHIVE_EDITORS;
