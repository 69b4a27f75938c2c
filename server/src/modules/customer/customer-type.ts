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

registerEnumType(CustomerType, { name: 'CustomerType' });
registerEnumType(ValueClass, { name: 'ValueClass' });
