import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { Skill } from '../../staff/roles.js';
import { JobPayer, WorkOrderSource } from '../work-order.enums.js';

@InputType({ description: 'A job of a new work order.' })
export class JobInput {
  @Field(() => String, { description: 'What is to be done.' })
  title!: string;

  @Field(() => Skill, { description: 'The trade it needs.' })
  skill!: Skill;

  @Field(() => Float, { description: 'Standard (flat-rate) hours, > 0 and ≤ 100.' })
  standardHours!: number;

  @Field(() => JobPayer, { nullable: true, defaultValue: JobPayer.CUSTOMER, description: 'Who pays; the customer unless said.' })
  payer?: JobPayer;
}

@InputType({ description: 'A new work order.' })
export class CreateWorkOrderInput {
  @Field(() => ID, { description: 'Global id of the vehicle; its owner becomes the order’s customer.' })
  vehicleId!: string;

  @Field(() => String, { description: "The customer's own words (R-REC-4)." })
  complaint!: string;

  @Field(() => Date, { nullable: true, description: 'When the car is promised back.' })
  promisedAt?: Date | null;

  @Field(() => [JobInput], { nullable: true, defaultValue: [], description: 'The jobs to do.' })
  jobs?: JobInput[];

  @Field(() => ID, { nullable: true, description: 'Defaults to the signed-in advisor.' })
  advisorId?: string | null;

  @Field(() => Int, { nullable: true, description: 'Odometer reading at reception, in km.' })
  mileageIn?: number | null;

  @Field(() => WorkOrderSource, { nullable: true, defaultValue: WorkOrderSource.WALK_IN, description: 'How the car came in; walk-in unless said.' })
  source?: WorkOrderSource;

  @Field(() => Boolean, { nullable: true, defaultValue: false, description: 'The customer waits in the store (flagged on the wall).' })
  customerWaiting?: boolean;

  @Field(() => Boolean, { nullable: true, defaultValue: true, description: 'Wash the car before handing it back.' })
  washRequested?: boolean;
}
