import { Field, ID, InputType, Int } from 'type-graphql';

/** R-WO-7: a delay moves the promised time and tells the customer why and what we offer. */
@InputType()
export class ReportWorkOrderDelayInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Date)
  promisedAt!: Date;

  @Field(() => String)
  reason!: string;

  @Field(() => String, { nullable: true, description: 'What we offer, e.g. a courtesy car or a labour discount.' })
  remedy?: string | null;

  @Field(() => Int, { description: 'Required: the new promise replaces the old one (R-WO-8).' })
  expectedVersion!: number;
}
