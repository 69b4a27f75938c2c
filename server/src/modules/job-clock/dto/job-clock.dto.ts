import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { UserError } from '../../../graphql/user-error.js';
import { Job } from '../../work-order/job.entity.js';

export enum ClockAction {
  ON = 'ON',
  OFF = 'OFF',
}
registerEnumType(ClockAction, {
  name: 'ClockAction',
  description: 'Clocking on or off a job (R-WO-4).',
  valuesConfig: {
    ON: { description: 'Start working on the job (开工).' },
    OFF: { description: 'Stop working on it (收工); with `finished: true` the job is done.' },
  },
});

@InputType({ description: 'R-WO-4: a technician assigned to the order clocks on or off one of its jobs.' })
export class ClockJobInput {
  @Field(() => ID, { description: 'The job.' })
  jobId!: string;

  @Field(() => ClockAction, { description: 'ON or OFF.' })
  action!: ClockAction;

  @Field(() => Boolean, { nullable: true, description: 'OFF only: the job is finished (its status becomes DONE). Refused while another technician is still clocked on it.' })
  finished?: boolean | null;
}

@ObjectType({ description: 'The job after clocking, or why not.' })
export class ClockJobPayload {
  @Field(() => Job, { nullable: true, description: 'The job as it is now; null when refused.' })
  job?: Job | null;

  @Field(() => [UserError], { description: 'Why the clocking was refused; empty when it was recorded.' })
  userErrors: UserError[] = [];
}

@InputType({ description: 'R-WO-6: a progress note on a work order in the workshop.' })
export class ReportProgressInput {
  @Field(() => ID, { description: 'The work order.' })
  workOrderId!: string;

  @Field(() => String, { nullable: true, description: 'What was done or found (required, 1–500 characters, may span lines).' })
  note?: string | null;

  @Field(() => Int, { nullable: true, description: 'How far along the work is, 0–100 (required).' })
  percent?: number | null;
}
