import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { Skill } from '../../staff/roles.js';
import { JobPayer, WorkOrderSource } from '../work-order.enums.js';

@InputType()
export class JobInput {
  @Field(() => String)
  title!: string;

  @Field(() => Skill)
  skill!: Skill;

  @Field(() => Float, { description: 'Standard (flat-rate) hours, > 0 and ≤ 100.' })
  standardHours!: number;

  @Field(() => JobPayer, { nullable: true, defaultValue: JobPayer.CUSTOMER })
  payer?: JobPayer;
}

@InputType()
export class CreateWorkOrderInput {
  @Field(() => ID)
  vehicleId!: string;

  @Field(() => String, { description: "The customer's own words (R-REC-4)." })
  complaint!: string;

  @Field(() => Date, { nullable: true })
  promisedAt?: Date | null;

  @Field(() => [JobInput], { nullable: true, defaultValue: [] })
  jobs?: JobInput[];

  @Field(() => ID, { nullable: true, description: 'Defaults to the signed-in advisor.' })
  advisorId?: string | null;

  @Field(() => Int, { nullable: true })
  mileageIn?: number | null;

  @Field(() => WorkOrderSource, { nullable: true, defaultValue: WorkOrderSource.WALK_IN })
  source?: WorkOrderSource;

  @Field(() => Boolean, { nullable: true, defaultValue: false })
  customerWaiting?: boolean;

  @Field(() => Boolean, { nullable: true, defaultValue: true })
  washRequested?: boolean;
}
