import { registerEnumType } from 'type-graphql';

export enum Role {
  ADMIN = 'ADMIN',
  SERVICE_MANAGER = 'SERVICE_MANAGER',
  SERVICE_ADVISOR = 'SERVICE_ADVISOR',
  FOREMAN = 'FOREMAN',
  TECHNICIAN = 'TECHNICIAN',
  TEAM_LEADER = 'TEAM_LEADER',
  QC_INSPECTOR = 'QC_INSPECTOR',
  PARTS_CLERK = 'PARTS_CLERK',
  WARRANTY_CLERK = 'WARRANTY_CLERK',
  CASHIER = 'CASHIER',
  CUSTOMER_SERVICE = 'CUSTOMER_SERVICE',
}

export enum Skill {
  ENGINE = 'ENGINE',
  ELECTRICAL = 'ELECTRICAL',
  CHASSIS = 'CHASSIS',
  BODY = 'BODY',
  PAINT = 'PAINT',
  MAINTENANCE = 'MAINTENANCE',
}

registerEnumType(Role, { name: 'Role' });
registerEnumType(Skill, { name: 'Skill' });

export const ALL_STAFF_ROLES = Object.values(Role);
/** Roles that manage the store: may do what any other role may do in the work-order process. */
export const MANAGER_ROLES = [Role.ADMIN, Role.SERVICE_MANAGER] as const;
/** Roles that see a customer's full mobile and address (R-ARC-5); everyone else sees them masked. */
export const CONTACT_ROLES = [Role.ADMIN, Role.SERVICE_MANAGER, Role.SERVICE_ADVISOR, Role.CUSTOMER_SERVICE, Role.CASHIER] as const;
/** Roles that hand the customer their progress link or answer their calls about it (issue 9 §6): the link is the customer's credential. */
export const TRACKING_LINK_ROLES = [Role.SERVICE_MANAGER, Role.SERVICE_ADVISOR, Role.CUSTOMER_SERVICE] as const;
/**
 * Roles that need the VIN (issue 9 §6): reception and the archive (advisor, customer service,
 * manager), dispatch against recalls and technical bulletins (foreman), parts look-up (parts
 * clerk), warranty claims (warranty clerk) and the settlement form (cashier). Technicians, team
 * leaders and QC work on the car in front of them and see plate and model only.
 */
export const VIN_ROLES = [Role.SERVICE_MANAGER, Role.SERVICE_ADVISOR, Role.CUSTOMER_SERVICE, Role.FOREMAN, Role.PARTS_CLERK, Role.WARRANTY_CLERK, Role.CASHIER] as const;
