import { Field, ID, InputType, Int } from 'type-graphql';
import { JobInput } from '../../work-order/dto/create-work-order.input.js';
import { IdentityDocument } from '../reception.enums.js';

@InputType({ description: 'A car received at the front desk (接车): opens its work order (R-REC-1/2/4).' })
export class ReceiveVehicleInput {
  @Field(() => ID, { nullable: true, description: 'The appointment the customer came for (BOOKED or CONFIRMED, of this vehicle); omitted for a walk-in.' })
  appointmentId?: string | null;

  @Field(() => ID, { description: 'Global id of the vehicle; its owner becomes the order’s customer.' })
  vehicleId!: string;

  @Field(() => Date, { description: 'R-REC-1: when the car arrived (reception start); within the last 24 hours.' })
  arrivedAt!: Date;

  @Field(() => Date, { description: 'R-REC-1: when the customer was greeted; not before arrivedAt.' })
  greetedAt!: Date;

  @Field(() => IdentityDocument, { description: 'R-REC-2: the document shown to confirm identity and ownership.' })
  identityDocument!: IdentityDocument;

  @Field(() => String, { nullable: true, description: 'R-REC-2: which document (required with OTHER), or a remark on ownership.' })
  identityNote?: string | null;

  @Field(() => String, { description: "R-REC-4: the customer's own words for the fault, verbatim." })
  complaint!: string;

  @Field(() => String, { nullable: true, description: "R-REC-4: the advisor's interpretation, kept apart from the customer's words." })
  advisorNotes?: string | null;

  @Field(() => Int, { description: 'Odometer at reception, in km; not below the vehicle’s recorded mileage, which it updates.' })
  mileageIn!: number;

  @Field(() => Boolean, { nullable: true, defaultValue: false, description: 'The customer waits in the store (flagged on the wall).' })
  customerWaiting?: boolean;

  @Field(() => Boolean, { nullable: true, defaultValue: true, description: 'Wash the car before handing it back.' })
  washRequested?: boolean;

  @Field(() => Date, { nullable: true, description: 'When the car is promised back.' })
  promisedAt?: Date | null;

  @Field(() => [JobInput], { nullable: true, defaultValue: [], description: 'Jobs to add; a booked arrival brings the appointment’s jobs first.' })
  jobs?: JobInput[];

  @Field(() => ID, { nullable: true, description: 'The responsible advisor; defaults to the appointment’s advisor, else the signed-in staff member.' })
  advisorId?: string | null;
}
