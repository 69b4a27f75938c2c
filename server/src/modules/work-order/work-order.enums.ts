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
  /** R-EST-6: supplemental work waiting for the customer's approval; not to be started or clocked. */
  WAITING_APPROVAL = 'WAITING_APPROVAL',
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
  RECEIVED = 'RECEIVED',
  WALK_AROUND_RECORDED = 'WALK_AROUND_RECORDED',
  JOBS_ADDED = 'JOBS_ADDED',
  JOBS_RELEASED = 'JOBS_RELEASED',
  CLOCKED_ON = 'CLOCKED_ON',
  CLOCKED_OFF = 'CLOCKED_OFF',
  PROGRESS_REPORTED = 'PROGRESS_REPORTED',
  QUALITY_CHECK_SIGNED = 'QUALITY_CHECK_SIGNED',
  DELIVERY_RECORDED = 'DELIVERY_RECORDED',
  DELIVERY_CORRECTED = 'DELIVERY_CORRECTED',
  PARTS_REQUESTED = 'PARTS_REQUESTED',
  PARTS_REQUEST_CLOSED = 'PARTS_REQUEST_CLOSED',
}

/** R-QC-1: the three levels of the quality check (三检), in the order they are signed. */
export enum QualityLevel {
  SELF = 'SELF',
  MUTUAL = 'MUTUAL',
  FINAL = 'FINAL',
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

registerEnumType(WorkOrderStatus, {
  name: 'WorkOrderStatus',
  description: 'Status of a work order; the allowed moves are the transitions table (R-WO-1).',
  valuesConfig: {
    DRAFT: { description: 'Being written up at reception.' },
    AWAITING_APPROVAL: { description: 'Estimate given; waiting for the customer to approve.' },
    QUEUED: { description: 'Approved; waiting for a bay and technicians (待派工).' },
    IN_PROGRESS: { description: 'Being repaired (维修中).' },
    ON_HOLD: { description: 'Paused, with a holdReason (暂停).' },
    QUALITY_CHECK: { description: 'Waiting for or in final inspection (质检).' },
    WASHING: { description: 'Being washed (洗车).' },
    READY: { description: 'Ready for the customer to collect (待交车).' },
    DELIVERED: { description: 'Handed back to the customer. Final.' },
    CANCELLED: { description: 'Cancelled, with a reason. Final.' },
  },
});
registerEnumType(HoldReason, {
  name: 'HoldReason',
  description: 'Why a work order is paused.',
  valuesConfig: {
    WAITING_PARTS: { description: 'Parts are on order.' },
    WAITING_APPROVAL: { description: 'Extra work found; waiting for the customer to approve it.' },
    CUSTOMER_REQUEST: { description: 'The customer asked to pause.' },
    OTHER: { description: 'Another reason, given in `reason`.' },
  },
});
registerEnumType(JobStatus, {
  name: 'JobStatus',
  description: 'Progress of one job.',
  valuesConfig: {
    WAITING_APPROVAL: { description: 'Supplemental work waiting for the customer’s approval (R-EST-6); may not be started.' },
    PENDING: { description: 'Not started.' },
    IN_PROGRESS: { description: 'Being worked on.' },
    DONE: { description: 'Finished.' },
  },
});
registerEnumType(JobPayer, {
  name: 'JobPayer',
  description: 'Who pays for a job.',
  valuesConfig: {
    CUSTOMER: { description: 'The customer.' },
    WARRANTY: { description: 'The manufacturer, under warranty (索赔).' },
    INSURANCE: { description: 'An insurer.' },
    INTERNAL: { description: 'The store itself (goodwill, rework, used cars).' },
  },
});
registerEnumType(WorkOrderSource, {
  name: 'WorkOrderSource',
  description: 'How a car came in.',
  valuesConfig: {
    WALK_IN: { description: 'Without an appointment.' },
    APPOINTMENT: { description: 'With an appointment.' },
    RESCUE: { description: 'Brought in by roadside rescue (R-RES).' },
  },
});
registerEnumType(WorkOrderEventKind, {
  name: 'WorkOrderEventKind',
  description: 'Kind of work-order event.',
  valuesConfig: {
    CREATED: { description: 'The order was opened.' },
    TRANSITIONED: { description: 'The status changed.' },
    ASSIGNED: { description: 'Bay or technicians were assigned.' },
    DELAYED: { description: 'The promised time was moved (reportWorkOrderDelay).' },
    RECEIVED: { description: 'The car was received at the front desk (receiveVehicle, R-REC-1/2).' },
    WALK_AROUND_RECORDED: { description: 'The walk-around sheet, or the customer’s refusal of it, was signed (recordWalkAround, R-REC-3).' },
    JOBS_ADDED: { description: 'Jobs were added (R-EST-6: supplemental work, waiting for approval).' },
    JOBS_RELEASED: { description: 'The customer decided on supplemental work: approved jobs released, the others withdrawn (R-EST-6).' },
    CLOCKED_ON: { description: 'A technician clocked on a job (clockJob, R-WO-4).' },
    CLOCKED_OFF: { description: 'A technician clocked off a job, perhaps finishing it (clockJob, R-WO-4).' },
    PROGRESS_REPORTED: { description: 'A progress note was reported (reportProgress, R-WO-6).' },
    QUALITY_CHECK_SIGNED: { description: 'A level of the quality check was signed, passed or failed (signQualityCheck, R-QC-1/2).' },
    DELIVERY_RECORDED: { description: 'The delivery was recorded: mileage out, checks, explanation, advice and the next service (recordDelivery, R-DEL-1/2/4).' },
    DELIVERY_CORRECTED: { description: 'The delivery record was corrected, with the reason and what changed (correctDelivery).' },
    PARTS_REQUESTED: { description: 'R-WO-5: parts short for a job were asked of the parts department (requestParts): the job waits for parts.' },
    PARTS_REQUEST_CLOSED: { description: 'R-WO-5: a purchase request raised for a job was received or cancelled: the job no longer waits for it.' },
  },
});
registerEnumType(QualityLevel, {
  name: 'QualityLevel',
  description: 'A level of the three-level quality check (三检, R-QC-1), signed in this order.',
  valuesConfig: {
    SELF: { description: 'Self-check (自检) by a technician assigned to the order.' },
    MUTUAL: { description: 'Mutual check (互检) by a team leader.' },
    FINAL: { description: 'Final check (终检) by a QC inspector, with a road test where relevant.' },
  },
});
