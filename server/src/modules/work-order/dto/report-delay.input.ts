import { Field, ID, InputType, Int } from 'type-graphql';

/** R-WO-7: a delay moves the promised time and tells the customer why and what we offer. */
@InputType({ description: 'A new promised time and why.' })
export class ReportWorkOrderDelayInput {
  @Field(() => ID, { description: 'Global id of the work order.' })
  id!: string;

  @Field(() => Date, { description: 'The new promised time.' })
  promisedAt!: Date;

  @Field(() => String, { description: 'Why, in words the customer will read on the progress page.' })
  reason!: string;

  @Field(() => String, { nullable: true, description: 'What we offer, e.g. a courtesy car or a labour discount.' })
  remedy?: string | null;

  @Field(() => Int, { description: 'Required: the new promise replaces the old one (R-WO-8).' })
  expectedVersion!: number;
}
