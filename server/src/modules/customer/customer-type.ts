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
    A: { description: 'Highest value; shown as VIP on the wall.' },
    B: { description: 'High value.' },
    C: { description: 'Regular.' },
    D: { description: 'Low or lapsed.' },
  },
});
