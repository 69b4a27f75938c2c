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

@InputType({ description: 'Corrects a delivery record (a typo in the mileage out, the next service): the fields given change, with the reason; kept in the record’s history.' })
export class CorrectDeliveryInput {
  @Field(() => ID, { description: 'Global id of the work order whose delivery record is corrected.' })
  workOrderId!: string;

  @Field(() => Int, { description: 'The delivery record’s version read (Delivery.version); refused with STALE_VERSION when it changed.' })
  expectedVersion!: number;

  @Field(() => String, { description: 'Why (1–500 characters), e.g. 交车里程录入错误.' })
  reason!: string;

  @Field(() => Int, { nullable: true, description: 'R-DEL-4: the odometer at delivery, in km; not below the mileage in.' })
  mileageOut?: number | null;

  @Field(() => String, { nullable: true, description: 'R-DEL-4: next service due date, YYYY-MM-DD, after the day of the delivery.' })
  nextServiceDueOn?: string | null;

  @Field(() => Int, { nullable: true, description: 'R-DEL-4: next service due mileage, in km, above the mileage out.' })
  nextServiceDueKm?: number | null;

  @Field(() => String, { nullable: true, description: 'R-DEL-2: the advice given (an empty string clears it).' })
  advice?: string | null;
}
