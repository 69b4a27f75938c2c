import { registerEnumType } from 'type-graphql';

/** R-ARC-1 / R-SEG-2: 私家车 / 公务车 / 营运车. */
export enum CustomerType {
  PRIVATE = 'PRIVATE',
  OFFICIAL = 'OFFICIAL',
  COMMERCIAL = 'COMMERCIAL',
}

/** R-SEG-3 value class: A loyal, B opportunity, C marginal, D lost. */
export enum ValueClass {
  A = 'A',
  B = 'B',
  C = 'C',
  D = 'D',
}

registerEnumType(CustomerType, {
  name: 'CustomerType',
  description: 'Kind of customer.',
  valuesConfig: {
    PRIVATE: { description: 'A private person.' },
    OFFICIAL: { description: 'A government or public body.' },
    COMMERCIAL: { description: 'A company or fleet.' },
  },
});
registerEnumType(ValueClass, {
  name: 'ValueClass',
  description: 'Customer value segment (R-SEG), A highest.',
  valuesConfig: {
    A: { description: 'Loyal (忠诚): high spend and frequency; shown as VIP on the wall, priority for slots.' },
    B: { description: 'Opportunity (机会): paying, not yet loyal, or new.' },
    C: { description: 'Marginal (边缘): only warranty or free work, or long gaps between visits.' },
    D: { description: 'Lost (流失): no visit for more than 6 months, or left after the warranty.' },
  },
});
