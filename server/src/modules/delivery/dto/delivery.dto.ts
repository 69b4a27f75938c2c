import { Field, ID, InputType, Int } from 'type-graphql';

@InputType({ description: 'R-DEL-1/2/4: the delivery record of a READY work order.' })
export class RecordDeliveryInput {
  @Field(() => ID, { description: 'Global id of the work order (READY).' })
  workOrderId!: string;

  @Field(() => Int, { nullable: true, description: 'The work order’s version read; refused with STALE_VERSION when it changed.' })
  expectedVersion?: number | null;

  @Field(() => Int, { description: 'R-DEL-4: the odometer at delivery, in km; not below the mileage in.' })
  mileageOut!: number;

  @Field(() => Boolean, { description: 'R-DEL-1: the interior was cleaned (must be true).' })
  interiorCleaned!: boolean;

  @Field(() => Boolean, { description: 'R-DEL-1: the customer’s belongings are back in place (must be true).' })
  itemsReturned!: boolean;

  @Field(() => Boolean, { description: 'R-DEL-2: the replaced parts were offered back to the customer.' })
  oldPartsOffered!: boolean;

  @Field(() => Boolean, { nullable: true, description: 'R-DEL-2: the customer took them; required when offered, omitted or false otherwise.' })
  oldPartsTaken?: boolean | null;

  @Field(() => String, { description: 'R-DEL-2: the work done, as explained to the customer (1–2000 characters).' })
  explanation!: string;

  @Field(() => String, { nullable: true, description: 'R-DEL-2: advice given: re-checks, work to plan (up to 2000 characters).' })
  advice?: string | null;

  @Field(() => String, { description: 'R-DEL-4: next service due date, YYYY-MM-DD, after today (the store’s calendar day).' })
  nextServiceDueOn!: string;

  @Field(() => Int, { description: 'R-DEL-4: next service due mileage in km, above the mileage out.' })
  nextServiceDueKm!: number;
}
