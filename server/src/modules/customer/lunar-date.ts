import { Field, InputType, Int, ObjectType } from 'type-graphql';

/** A date of the Chinese lunar calendar without its year (a birthday): month, day, and whether the month is the leap (闰) month. */
@ObjectType({ description: 'A lunar (农历) month and day; leap for the intercalary (闰) month.' })
export class LunarDate {
  @Field(() => Int, { description: 'Lunar month, 1–12.' })
  month!: number;

  @Field(() => Int, { description: 'Day of the lunar month, 1–30.' })
  day!: number;

  @Field(() => Boolean, { description: 'True for the leap (闰) month of that number.' })
  leap!: boolean;
}

@InputType({ description: 'A lunar (农历) month and day.' })
export class LunarDateInput {
  @Field(() => Int, { description: 'Lunar month, 1–12.' })
  month!: number;

  @Field(() => Int, { description: 'Day of the lunar month, 1–30.' })
  day!: number;

  @Field(() => Boolean, { nullable: true, defaultValue: false, description: 'True for the leap (闰) month.' })
  leap?: boolean;
}
