import { registerEnumType } from 'type-graphql';

/** R-ARC-2 / R-SEG-2: what the vehicle is used for (私家车 / 公务车 / 营运车). */
export enum VehicleUsage {
  PRIVATE = 'PRIVATE',
  OFFICIAL = 'OFFICIAL',
  COMMERCIAL = 'COMMERCIAL',
}

registerEnumType(VehicleUsage, {
  name: 'VehicleUsage',
  description: 'What a vehicle is used for (R-ARC-2, R-SEG-2).',
  valuesConfig: {
    PRIVATE: { description: 'Private car (私家车).' },
    OFFICIAL: { description: 'Official / government car (公务车).' },
    COMMERCIAL: { description: 'Commercial operation: taxi, ride-hailing, logistics (营运车).' },
  },
});
