import { registerEnumType } from 'type-graphql';

export { QualityLevel } from '../work-order/work-order.enums.js';

/** The outcome of one level of the check (R-QC-1/2). */
export enum QualityResult {
  PASS = 'PASS',
  FAIL = 'FAIL',
}
registerEnumType(QualityResult, {
  name: 'QualityResult',
  description: 'The outcome of one level of the quality check.',
  valuesConfig: {
    PASS: { description: 'Passed; the next level may sign (after FINAL the car may leave quality check).' },
    FAIL: { description: 'Failed: the order goes back to IN_PROGRESS as rework, with the cause and the responsible person (R-QC-2).' },
  },
});
