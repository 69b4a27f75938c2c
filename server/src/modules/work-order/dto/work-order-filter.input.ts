import { Field, ID, InputType } from 'type-graphql';
import { WorkOrderStatus } from '../work-order.enums.js';

@InputType()
export class WorkOrderFilter {
  @Field(() => [WorkOrderStatus], { nullable: true })
  status?: WorkOrderStatus[];

  @Field(() => ID, { nullable: true })
  vehicleId?: string;

  @Field(() => ID, { nullable: true })
  customerId?: string;

  @Field(() => ID, { nullable: true })
  technicianId?: string;

  @Field(() => String, { nullable: true, description: 'Matches the number, plate or VIN.' })
  search?: string;
}
