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

registerEnumType(Role, {
  name: 'Role',
  description: 'A staff role; a person may hold several.',
  valuesConfig: {
    ADMIN: { description: 'System administrator of the store.' },
    SERVICE_MANAGER: { description: 'Service manager (服务经理): settings, display tokens, overrides.' },
    SERVICE_ADVISOR: { description: 'Service advisor (服务顾问): receives customers, opens and delivers work orders.' },
    FOREMAN: { description: 'Workshop foreman (车间主管): dispatches work to bays and technicians.' },
    TECHNICIAN: { description: 'Technician (技师): does the jobs.' },
    TEAM_LEADER: { description: 'Team leader (班组长): leads a group of technicians.' },
    QC_INSPECTOR: { description: 'Quality inspector (质检员): passes or fails the final check.' },
    PARTS_CLERK: { description: 'Parts clerk (配件员).' },
    WARRANTY_CLERK: { description: 'Warranty clerk (索赔员).' },
    CASHIER: { description: 'Cashier (收银员).' },
    CUSTOMER_SERVICE: { description: 'Customer service (客服): follow-up calls.' },
  },
});
registerEnumType(Skill, {
  name: 'Skill',
  description: 'A trade a technician or bay covers.',
  valuesConfig: {
    ENGINE: { description: 'Engine (发动机).' },
    ELECTRICAL: { description: 'Electrical and electronics (电器).' },
    CHASSIS: { description: 'Chassis, suspension, brakes (底盘).' },
    BODY: { description: 'Body repair (钣金).' },
    PAINT: { description: 'Paint (喷漆).' },
    MAINTENANCE: { description: 'Routine maintenance (保养).' },
  },
});

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
/** Roles that see and pair wall displays (display tokens). */
export const DISPLAY_MANAGER_ROLES = [Role.SERVICE_MANAGER, Role.FOREMAN] as const;
export const VIN_ROLES = [Role.SERVICE_MANAGER, Role.SERVICE_ADVISOR, Role.CUSTOMER_SERVICE, Role.FOREMAN, Role.PARTS_CLERK, Role.WARRANTY_CLERK, Role.CASHIER] as const;
