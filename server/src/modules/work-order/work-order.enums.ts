import { registerEnumType } from 'type-graphql';

/** R-WO-1. */
export enum WorkOrderStatus {
  DRAFT = 'DRAFT',
  AWAITING_APPROVAL = 'AWAITING_APPROVAL',
  QUEUED = 'QUEUED',
  IN_PROGRESS = 'IN_PROGRESS',
  ON_HOLD = 'ON_HOLD',
  QUALITY_CHECK = 'QUALITY_CHECK',
  WASHING = 'WASHING',
  READY = 'READY',
  DELIVERED = 'DELIVERED',
  CANCELLED = 'CANCELLED',
}

export enum HoldReason {
  WAITING_PARTS = 'WAITING_PARTS',
  WAITING_APPROVAL = 'WAITING_APPROVAL',
  CUSTOMER_REQUEST = 'CUSTOMER_REQUEST',
  OTHER = 'OTHER',
}

export enum JobStatus {
  PENDING = 'PENDING',
  IN_PROGRESS = 'IN_PROGRESS',
  DONE = 'DONE',
}

/** Who pays for a job line (R-EST-5: warranty lines are billed to the OEM). */
export enum JobPayer {
  CUSTOMER = 'CUSTOMER',
  WARRANTY = 'WARRANTY',
  INSURANCE = 'INSURANCE',
  INTERNAL = 'INTERNAL',
}

/** How the car came in (R-APT-1). */
export enum WorkOrderSource {
  WALK_IN = 'WALK_IN',
  APPOINTMENT = 'APPOINTMENT',
  RESCUE = 'RESCUE',
}

export enum WorkOrderEventKind {
  CREATED = 'CREATED',
  TRANSITIONED = 'TRANSITIONED',
  ASSIGNED = 'ASSIGNED',
  DELAYED = 'DELAYED',
}

/** Statuses shown on the workshop board; DELIVERED and CANCELLED have left the floor. */
export const ON_BOARD_STATUSES: readonly WorkOrderStatus[] = [
  WorkOrderStatus.DRAFT,
  WorkOrderStatus.AWAITING_APPROVAL,
  WorkOrderStatus.QUEUED,
  WorkOrderStatus.IN_PROGRESS,
  WorkOrderStatus.ON_HOLD,
  WorkOrderStatus.QUALITY_CHECK,
  WorkOrderStatus.WASHING,
  WorkOrderStatus.READY,
];

/** The car is physically in the workshop: progress must be reported every 30 minutes (R-WO-6). */
export const IN_WORKSHOP_STATUSES: readonly WorkOrderStatus[] = [
  WorkOrderStatus.QUEUED,
  WorkOrderStatus.IN_PROGRESS,
  WorkOrderStatus.ON_HOLD,
  WorkOrderStatus.QUALITY_CHECK,
  WorkOrderStatus.WASHING,
];

registerEnumType(WorkOrderStatus, { name: 'WorkOrderStatus' });
registerEnumType(HoldReason, { name: 'HoldReason' });
registerEnumType(JobStatus, { name: 'JobStatus' });
registerEnumType(JobPayer, { name: 'JobPayer' });
registerEnumType(WorkOrderSource, { name: 'WorkOrderSource' });
registerEnumType(WorkOrderEventKind, { name: 'WorkOrderEventKind' });
