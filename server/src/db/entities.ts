import { ConsumerCursor, ParkedEvent } from '../events/consumer-cursor.entity.js';
import { DomainEvent } from '../events/domain-event.entity.js';
import { DealerGroup } from '../modules/dealer-group/dealer-group.entity.js';
import { AuditLog } from '../modules/audit/audit-log.entity.js';
import { Session } from '../modules/auth/session.entity.js';
import { Customer } from '../modules/customer/customer.entity.js';
import { DisplayToken } from '../modules/display/display-token.entity.js';
import { Staff } from '../modules/staff/staff.entity.js';
import { Bay } from '../modules/store/bay.entity.js';
import { Store } from '../modules/store/store.entity.js';
import { Vehicle } from '../modules/vehicle/vehicle.entity.js';
import { Job } from '../modules/work-order/job.entity.js';
import { WorkOrder } from '../modules/work-order/work-order.entity.js';

export const entities = [DealerGroup, Store, Bay, Staff, Session, DisplayToken, Customer, Vehicle, WorkOrder, Job, DomainEvent, ConsumerCursor, ParkedEvent, AuditLog];
