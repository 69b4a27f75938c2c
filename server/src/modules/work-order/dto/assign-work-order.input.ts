import { Field, ID, InputType, Int } from 'type-graphql';

@InputType()
export class AssignWorkOrderInput {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { nullable: true })
  bayId?: string | null;

  @Field(() => [ID])
  technicianIds!: string[];

  @Field(() => Int, { nullable: true, description: 'Refused with STALE_VERSION when the order has moved on (R-WO-8).' })
  expectedVersion?: number | null;
}
