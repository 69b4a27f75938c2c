import { Field, ID, InputType, Int } from 'type-graphql';

@InputType({ description: 'Dispatch of a work order.' })
export class AssignWorkOrderInput {
  @Field(() => ID, { description: 'Global id of the work order.' })
  id!: string;

  @Field(() => ID, { nullable: true, description: 'The bay; null to leave it without one.' })
  bayId?: string | null;

  @Field(() => [ID], { description: 'Global ids of the technicians; together their skills must cover every job.' })
  technicianIds!: string[];

  @Field(() => Int, { description: 'Required: a dispatch replaces the previous one, so it must not overwrite a change it has not seen (R-WO-8).' })
  expectedVersion!: number;
}
