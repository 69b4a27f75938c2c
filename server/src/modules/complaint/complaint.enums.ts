import { registerEnumType } from 'type-graphql';

/** R-FU-3: where a complaint stands. */
export enum ComplaintStatus {
  OPEN = 'OPEN',
  RESPONDED = 'RESPONDED',
  RESOLVED = 'RESOLVED',
  CONFIRMED = 'CONFIRMED',
  REOPENED = 'REOPENED',
}

export enum ComplaintCategory {
  QUALITY = 'QUALITY',
  SERVICE = 'SERVICE',
  PRICE = 'PRICE',
  TIMELINESS = 'TIMELINESS',
  OTHER = 'OTHER',
}

export enum ComplaintSeverity {
  MINOR = 'MINOR',
  NORMAL = 'NORMAL',
  MAJOR = 'MAJOR',
}

export enum ComplaintChannel {
  PHONE = 'PHONE',
  WECHAT = 'WECHAT',
  SMS = 'SMS',
  APP = 'APP',
  IN_PERSON = 'IN_PERSON',
}

/** What happened to a complaint, as its timeline shows it (the event log's kinds). */
export enum ComplaintEventKind {
  FILED = 'FILED',
  RESPONDED = 'RESPONDED',
  RESOLVED = 'RESOLVED',
  CONFIRMED = 'CONFIRMED',
  REOPENED = 'REOPENED',
  ESCALATED = 'ESCALATED',
  REPORTED = 'REPORTED',
}

registerEnumType(ComplaintStatus, {
  name: 'ComplaintStatus',
  description: 'Where a complaint stands (R-FU-3).',
  valuesConfig: {
    OPEN: { description: 'Filed; the first response is due.' },
    RESPONDED: { description: 'The customer has been answered; the fix is under way.' },
    RESOLVED: { description: 'Resolved by the store; a re-callback confirms it with the customer within 2 days.' },
    CONFIRMED: { description: 'The customer confirmed the resolution on the re-callback.' },
    REOPENED: { description: 'The customer was not satisfied; it is worked on again.' },
  },
});
registerEnumType(ComplaintCategory, {
  name: 'ComplaintCategory',
  description: 'What the complaint is about.',
  valuesConfig: {
    QUALITY: { description: 'The quality of the work.' },
    SERVICE: { description: 'How the customer was treated.' },
    PRICE: { description: 'Price or billing.' },
    TIMELINESS: { description: 'Delays and waiting.' },
    OTHER: { description: 'Anything else.' },
  },
});
registerEnumType(ComplaintSeverity, {
  name: 'ComplaintSeverity',
  description: 'How serious the complaint is; MAJOR goes to the store management at once.',
  valuesConfig: {
    MINOR: { description: 'Minor.' },
    NORMAL: { description: 'Normal.' },
    MAJOR: { description: 'Major (重大投诉): escalated to the management at once.' },
  },
});
registerEnumType(ComplaintChannel, {
  name: 'ComplaintChannel',
  description: 'How the complaint reached the store.',
  valuesConfig: {
    PHONE: { description: 'A phone call.' },
    WECHAT: { description: 'WeChat.' },
    SMS: { description: 'A text message.' },
    APP: { description: 'The brand app.' },
    IN_PERSON: { description: 'At the store.' },
  },
});
registerEnumType(ComplaintEventKind, {
  name: 'ComplaintEventKind',
  description: 'A step of a complaint’s history.',
  valuesConfig: {
    FILED: { description: 'Filed with the customer’s words.' },
    RESPONDED: { description: 'First response to the customer.' },
    RESOLVED: { description: 'Resolved by the store.' },
    CONFIRMED: { description: 'Confirmed by the customer on the re-callback.' },
    REOPENED: { description: 'Reopened: the customer was not satisfied.' },
    ESCALATED: { description: 'Escalated to a manager (response missed, or MAJOR).' },
    REPORTED: { description: 'Still unresolved after the deadline: reported to the manager.' },
  },
});
