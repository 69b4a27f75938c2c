import { registerEnumType } from 'type-graphql';

/** How a customer prefers to be contacted (R-ARC-1). */
export enum ContactChannel {
  PHONE = 'PHONE',
  SMS = 'SMS',
  WECHAT = 'WECHAT',
  APP = 'APP',
}

/** Where the customer's car came from (R-ARC-1). */
export enum CustomerSource {
  /** The car was sold by this store. */
  SOLD_HERE = 'SOLD_HERE',
  /** The first visit of a car sold elsewhere. */
  SOLD_ELSEWHERE = 'SOLD_ELSEWHERE',
}

/** The archive fields a store can require (R-ARC-4); name and mobile are always there. */
export enum ArchiveField {
  ID_NUMBER = 'ID_NUMBER',
  OCCUPATION = 'OCCUPATION',
  ADDRESS = 'ADDRESS',
  INTERESTS = 'INTERESTS',
  BIRTHDAY = 'BIRTHDAY',
  LUNAR_BIRTHDAY = 'LUNAR_BIRTHDAY',
  PREFERRED_CHANNEL = 'PREFERRED_CHANNEL',
  PREFERRED_CONTACT_TIME = 'PREFERRED_CONTACT_TIME',
  SOURCE = 'SOURCE',
}

registerEnumType(ContactChannel, {
  name: 'ContactChannel',
  description: 'A way to reach a customer.',
  valuesConfig: {
    PHONE: { description: 'A phone call.' },
    SMS: { description: 'A text message.' },
    WECHAT: { description: 'WeChat.' },
    APP: { description: 'The brand app.' },
  },
});
registerEnumType(CustomerSource, {
  name: 'CustomerSource',
  description: 'Where the customer’s car came from (R-ARC-1).',
  valuesConfig: {
    SOLD_HERE: { description: 'Sold by this store.' },
    SOLD_ELSEWHERE: { description: 'Sold elsewhere; first visit here.' },
  },
});
registerEnumType(ArchiveField, {
  name: 'ArchiveField',
  description: 'An archive field a store may require for completeness (R-ARC-4).',
  valuesConfig: {
    ID_NUMBER: { description: 'National ID number.' },
    OCCUPATION: { description: 'Occupation.' },
    ADDRESS: { description: 'Address.' },
    INTERESTS: { description: 'At least one interest.' },
    BIRTHDAY: { description: 'Solar birthday.' },
    LUNAR_BIRTHDAY: { description: 'Lunar birthday.' },
    PREFERRED_CHANNEL: { description: 'Preferred contact channel.' },
    PREFERRED_CONTACT_TIME: { description: 'Preferred contact time.' },
    SOURCE: { description: 'Where the car came from.' },
  },
});
