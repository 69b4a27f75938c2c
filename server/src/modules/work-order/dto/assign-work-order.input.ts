import { Field, ID, InputType, Int } from 'type-graphql';

@InputType()
export class AssignWorkOrderInput {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { nullable: true })
  bayId?: string | null;

  @Field(() => [ID])
  technicianIds!: string[];

  @Field(() => Int, { description: 'Required: a dispatch replaces the previous one, so it must not overwrite a change it has not seen (R-WO-8).' })
  expectedVersion!: number;
}
