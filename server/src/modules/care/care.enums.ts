import { registerEnumType } from 'type-graphql';

/** What a care calendar entry is about (R-CARE-1..5); the values are pinned by the contract. */
export enum CareKind {
  NEW_CAR_WELCOME = 'NEW_CAR_WELCOME',
  MAINTENANCE_DUE = 'MAINTENANCE_DUE',
  WARRANTY_CHECK = 'WARRANTY_CHECK',
  INSURANCE_EXPIRY = 'INSURANCE_EXPIRY',
  INSPECTION_DUE = 'INSPECTION_DUE',
  BIRTHDAY = 'BIRTHDAY',
  HOLIDAY = 'HOLIDAY',
}

registerEnumType(CareKind, {
  name: 'CareKind',
  description: 'What a care calendar entry is about (R-CARE-1..5).',
  valuesConfig: {
    NEW_CAR_WELCOME: { description: 'R-CARE-1: a car sold here: welcome with the first-maintenance date, the 3-day call, the 7-day questionnaire.' },
    MAINTENANCE_DUE: { description: 'R-CARE-2: maintenance due by time or by mileage estimated from the recorded visits.' },
    WARRANTY_CHECK: { description: 'R-CARE-3: a warranty check at a threshold, or before the warranty ends.' },
    INSURANCE_EXPIRY: { description: 'R-CARE-4: the insurance expires.' },
    INSPECTION_DUE: { description: 'R-CARE-4: the annual inspection is due.' },
    BIRTHDAY: { description: 'R-CARE-5: the solar or lunar birthday.' },
    HOLIDAY: { description: 'R-CARE-5: a holiday greeting.' },
  },
});
