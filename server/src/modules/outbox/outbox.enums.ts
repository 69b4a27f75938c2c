import { registerEnumType } from 'type-graphql';

/** How a message reaches the customer (R-CARE-7); the values are pinned by the contract. */
export enum OutboxChannel {
  SMS = 'SMS',
  WECHAT = 'WECHAT',
  APP_PUSH = 'APP_PUSH',
  /** Not sent by a machine: a call task for customer service (follow-up task CARE_CALL). */
  PHONE_TASK = 'PHONE_TASK',
}

/** SCHEDULED, SENT, FAILED and SUPPRESSED are pinned by the contract; SENDING is the short step while a provider is called. */
export enum OutboxStatus {
  SCHEDULED = 'SCHEDULED',
  SENDING = 'SENDING',
  SENT = 'SENT',
  FAILED = 'FAILED',
  SUPPRESSED = 'SUPPRESSED',
}

/** Why a message is sent: SERVICE-critical ones skip quiet hours and the frequency cap (R-CARE-6). */
export enum MessagePurpose {
  SERVICE = 'SERVICE',
  CARE = 'CARE',
  MARKETING = 'MARKETING',
}

registerEnumType(OutboxChannel, {
  name: 'OutboxChannel',
  description: 'How an outbox message reaches the customer (R-CARE-7).',
  valuesConfig: {
    SMS: { description: 'A text message.' },
    WECHAT: { description: 'A WeChat message.' },
    APP_PUSH: { description: 'A push notification of the brand app.' },
    PHONE_TASK: { description: 'A call task for customer service (follow-up task CARE_CALL).' },
  },
});
registerEnumType(OutboxStatus, {
  name: 'OutboxStatus',
  description: 'Where an outbox message stands.',
  valuesConfig: {
    SCHEDULED: { description: 'Waiting for its time (also between retries).' },
    SENDING: { description: 'Handed to the provider right now.' },
    SENT: { description: 'Accepted by the provider (or the call task was created).' },
    FAILED: { description: 'Every attempt failed; `failure` says why.' },
    SUPPRESSED: { description: 'Not sent on purpose; `suppressedBecause` says why (e.g. FREQUENCY_CAP).' },
  },
});
registerEnumType(MessagePurpose, {
  name: 'MessagePurpose',
  description: 'Why a message is sent; decides quiet hours and the frequency cap.',
  valuesConfig: {
    SERVICE: { description: 'Service-critical (a delay of the car in the workshop): exempt from quiet hours and the frequency cap.' },
    CARE: { description: 'Care and reminders (maintenance, warranty, insurance, greetings): counted by the frequency cap.' },
    MARKETING: { description: 'Campaigns: counted by the frequency cap.' },
  },
});
