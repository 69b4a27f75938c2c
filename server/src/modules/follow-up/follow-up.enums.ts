import { registerEnumType } from 'type-graphql';

export enum FollowUpKind {
  /** R-FU-1: the call after delivery, within 24 hours. */
  CALLBACK = 'CALLBACK',
  /** R-FU-4: the tracking calls 3–7 days after the visit and a week later. */
  TRACKING_CALL = 'TRACKING_CALL',
  /** R-FU-3: confirming a resolved complaint with the customer. */
  COMPLAINT_RECALL = 'COMPLAINT_RECALL',
  /** R-APT-5: calling the customer when the parts they waited for arrive. */
  CALL_WHEN_PARTS_ARRIVE = 'CALL_WHEN_PARTS_ARRIVE',
  /** R-CARE-1/2/7: a care call planned through the outbox (channel PHONE_TASK): the 3-day new-car call, the day after a maintenance due date. */
  CARE_CALL = 'CARE_CALL',
}

/** OVERDUE is OPEN past its due time: derived when read, never stored. */
export enum FollowUpStatus {
  OPEN = 'OPEN',
  OVERDUE = 'OVERDUE',
  DONE = 'DONE',
  UNREACHED = 'UNREACHED',
  CANCELLED = 'CANCELLED',
}

/** How a survey was answered. */
export enum SurveyVia {
  PHONE_CALL = 'PHONE_CALL',
  PROGRESS_PAGE = 'PROGRESS_PAGE',
}

export enum CallOutcome {
  REACHED = 'REACHED',
  NO_ANSWER = 'NO_ANSWER',
  BUSY = 'BUSY',
  WRONG_NUMBER = 'WRONG_NUMBER',
  DECLINED = 'DECLINED',
}

registerEnumType(FollowUpKind, {
  name: 'FollowUpKind',
  description: 'What a follow-up task is for.',
  valuesConfig: {
    CALLBACK: { description: 'R-FU-1: the call after delivery, due within 24 hours.' },
    TRACKING_CALL: { description: 'R-FU-4: a tracking call 3–7 days after the visit, and another a week later.' },
    COMPLAINT_RECALL: { description: 'R-FU-3: confirming a resolved complaint with the customer.' },
    CALL_WHEN_PARTS_ARRIVE: { description: 'R-APT-5: calling the customer when the awaited parts arrive.' },
    CARE_CALL: { description: 'R-CARE-1/2: a care call planned through the outbox (new-car call, maintenance due).' },
  },
});
registerEnumType(FollowUpStatus, {
  name: 'FollowUpStatus',
  description: 'Where a follow-up task stands.',
  valuesConfig: {
    OPEN: { description: 'To do, not yet due or due now.' },
    OVERDUE: { description: 'To do and past its due time.' },
    DONE: { description: 'The customer was reached.' },
    UNREACHED: { description: 'Not reached after every retry; the survey goes by link instead.' },
    CANCELLED: { description: 'No longer needed.' },
  },
});
registerEnumType(CallOutcome, {
  name: 'CallOutcome',
  description: 'How an attempt to reach the customer went.',
  valuesConfig: {
    REACHED: { description: 'Spoke with the customer.' },
    NO_ANSWER: { description: 'Nobody answered.' },
    BUSY: { description: 'The line was busy.' },
    WRONG_NUMBER: { description: 'The number is wrong.' },
    DECLINED: { description: 'The customer did not want to talk.' },
  },
});
registerEnumType(SurveyVia, {
  name: 'SurveyVia',
  description: 'How a survey was answered (R-FU-2).',
  valuesConfig: {
    PHONE_CALL: { description: 'On the callback, recorded by customer service.' },
    PROGRESS_PAGE: { description: 'By the customer on their progress page after delivery, while the link lives.' },
  },
});
