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
