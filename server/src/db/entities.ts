import { AuditLog } from '../modules/audit/audit-log.entity.js';
import { Session } from '../modules/auth/session.entity.js';
import { SignInThrottle } from '../modules/auth/sign-in-throttle.entity.js';
import { Customer } from '../modules/customer/customer.entity.js';
import { DisplayToken } from '../modules/display/display-token.entity.js';
import { Staff } from '../modules/staff/staff.entity.js';
import { Bay } from '../modules/store/bay.entity.js';
import { Store } from '../modules/store/store.entity.js';
import { Vehicle } from '../modules/vehicle/vehicle.entity.js';
import { Job } from '../modules/work-order/job.entity.js';
import { WorkOrderEvent } from '../modules/work-order/work-order-event.entity.js';
import { WorkOrder } from '../modules/work-order/work-order.entity.js';

export const entities = [Store, Bay, Staff, Session, DisplayToken, Customer, Vehicle, WorkOrder, Job, WorkOrderEvent, AuditLog, SignInThrottle];
