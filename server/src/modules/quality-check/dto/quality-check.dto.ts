import { Field, ID, InputType } from 'type-graphql';
import { QualityLevel } from '../../work-order/work-order.enums.js';
import { QualityResult } from '../quality-check.enums.js';

@InputType({ description: 'R-QC-1/2: signs one level of the quality check of an order in QUALITY_CHECK.' })
export class SignQualityCheckInput {
  @Field(() => ID, { description: 'The work order.' })
  workOrderId!: string;

  @Field(() => QualityLevel, { description: 'SELF (an assigned technician), MUTUAL (a team leader) or FINAL (a QC inspector), in that order.' })
  level!: QualityLevel;

  @Field(() => QualityResult, { description: 'PASS, or FAIL (sends the order back as rework).' })
  result!: QualityResult;

  @Field(() => String, { nullable: true, description: 'What was checked or noticed (at most 1000 characters).' })
  notes?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'FINAL only: the car was road-tested (default false).' })
  roadTest?: boolean | null;

  @Field(() => String, { nullable: true, description: 'FAIL (required there): the cause of the rework, at most 500 characters.' })
  cause?: string | null;

  @Field(() => ID, { nullable: true, description: 'FAIL (required there): the staff member responsible for the fault (R-QC-2).' })
  responsibleId?: string | null;
}
