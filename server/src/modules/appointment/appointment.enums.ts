import { registerEnumType } from 'type-graphql';

/** R-APT-2/6: where an appointment stands. Changes only through appointment.process.ts. */
export enum AppointmentStatus {
  BOOKED = 'BOOKED',
  CONFIRMED = 'CONFIRMED',
  ARRIVED = 'ARRIVED',
  NO_SHOW = 'NO_SHOW',
  CANCELLED = 'CANCELLED',
}

/** R-APT-1: how the demand reached the store. */
export enum DemandChannel {
  PHONE = 'PHONE',
  WECHAT = 'WECHAT',
  APP = 'APP',
  WEBSITE = 'WEBSITE',
  WALK_IN = 'WALK_IN',
}

/** R-APT-1: active demand (the customer) or passive demand (the store invites). */
export enum DemandInitiator {
  CUSTOMER = 'CUSTOMER',
  STORE = 'STORE',
}

/** R-APT-1: what the visit is for. */
export enum DemandPurpose {
  FAULT = 'FAULT',
  MAINTENANCE = 'MAINTENANCE',
  VALUE_ADDED = 'VALUE_ADDED',
  RECALL = 'RECALL',
  WORN_PARTS = 'WORN_PARTS',
  CAMPAIGN = 'CAMPAIGN',
}

/** Kinds of appointment events in the log. */
export enum AppointmentEventKind {
  BOOKED = 'BOOKED',
  CONFIRMED = 'CONFIRMED',
  ARRIVED = 'ARRIVED',
  NO_SHOW = 'NO_SHOW',
  CANCELLED = 'CANCELLED',
  CARRIED_OVER_ATTACHED = 'CARRIED_OVER_ATTACHED',
}

/** R-APT-6: what an advisor's task asks for. */
export enum AdvisorTaskKind {
  CONFIRM_APPOINTMENT = 'CONFIRM_APPOINTMENT',
  GREET_CUSTOMER = 'GREET_CUSTOMER',
  REMIND_CUSTOMER = 'REMIND_CUSTOMER',
  /** R-APT-5: call the customer once the parts a refused booking lacked have arrived. */
  CALL_WHEN_PARTS_ARRIVE = 'CALL_WHEN_PARTS_ARRIVE',
  /** R-ARC-4: a customer's archive is still incomplete past its deadline. */
  COMPLETE_ARCHIVE = 'COMPLETE_ARCHIVE',
}

export enum AdvisorTaskStatus {
  /** Waits for something before it can be done (the parts to arrive); becomes OPEN and due then. */
  WAITING = 'WAITING',
  OPEN = 'OPEN',
  DONE = 'DONE',
  CANCELLED = 'CANCELLED',
}

registerEnumType(AppointmentStatus, {
  name: 'AppointmentStatus',
  description: 'Where an appointment stands (R-APT-2).',
  valuesConfig: {
    BOOKED: { description: 'Booked; capacity is held.' },
    CONFIRMED: { description: 'Confirmed with the customer before the slot (R-APT-6).' },
    ARRIVED: { description: 'The customer came; reception opens the work order.' },
    NO_SHOW: { description: 'The customer did not come; capacity is released.' },
    CANCELLED: { description: 'Cancelled, with a reason; capacity is released.' },
  },
});
registerEnumType(DemandChannel, {
  name: 'DemandChannel',
  description: 'How the demand reached the store (R-APT-1).',
  valuesConfig: {
    PHONE: { description: 'A phone call (24-hour line).' },
    WECHAT: { description: 'WeChat.' },
    APP: { description: 'The brand app.' },
    WEBSITE: { description: 'The website.' },
    WALK_IN: { description: 'In person at the store.' },
  },
});
registerEnumType(DemandInitiator, {
  name: 'DemandInitiator',
  description: 'Who started the demand (R-APT-1).',
  valuesConfig: {
    CUSTOMER: { description: 'The customer asked (active demand).' },
    STORE: { description: 'The store invited the customer (passive demand).' },
  },
});
registerEnumType(DemandPurpose, {
  name: 'DemandPurpose',
  description: 'What the visit is for (R-APT-1).',
  valuesConfig: {
    FAULT: { description: 'A fault to repair.' },
    MAINTENANCE: { description: 'Maintenance (first, routine or due).' },
    VALUE_ADDED: { description: 'Value-added services (accessories, detailing).' },
    RECALL: { description: 'A recall campaign.' },
    WORN_PARTS: { description: 'Worn parts found earlier.' },
    CAMPAIGN: { description: 'A care campaign.' },
  },
});
registerEnumType(AdvisorTaskKind, {
  name: 'AdvisorTaskKind',
  description: "What an advisor's task asks for (R-APT-6).",
  valuesConfig: {
    CONFIRM_APPOINTMENT: { description: 'Confirm the appointment with the customer (30 minutes before the slot).' },
    GREET_CUSTOMER: { description: 'Be at the door to greet the customer (5 minutes before the slot).' },
    REMIND_CUSTOMER: { description: 'Remind the customer the day before (bookings made more than 3 days ahead).' },
    CALL_WHEN_PARTS_ARRIVE: { description: 'R-APT-5: call the customer to book again once the parts a refused booking lacked have arrived (WAITING until then).' },
    COMPLETE_ARCHIVE: { description: 'R-ARC-4: complete the customer’s archive, past its deadline from first contact; done by itself once the archive is complete.' },
  },
});
registerEnumType(AdvisorTaskStatus, {
  name: 'AdvisorTaskStatus',
  description: 'Whether a task is still to do.',
  valuesConfig: {
    WAITING: { description: 'Not yet to do: waits for the parts to arrive (R-APT-5); it becomes OPEN, due at the arrival.' },
    OPEN: { description: 'To do.' },
    DONE: { description: 'Done by the advisor.' },
    CANCELLED: { description: 'No longer needed (the appointment was cancelled or missed).' },
  },
});
