import { Field, ID, InputType } from 'type-graphql';
import { WorkOrderStatus } from '../work-order.enums.js';

@InputType({ description: 'Narrows the work-order list.' })
export class WorkOrderFilter {
  @Field(() => [WorkOrderStatus], { nullable: true, description: 'Only these statuses.' })
  status?: WorkOrderStatus[];

  @Field(() => ID, { nullable: true, description: 'Only this vehicle’s orders.' })
  vehicleId?: string;

  @Field(() => ID, { nullable: true, description: 'Only this customer’s orders.' })
  customerId?: string;

  @Field(() => ID, { nullable: true, description: 'Only orders this technician is assigned to.' })
  technicianId?: string;

  @Field(() => String, { nullable: true, description: 'Matches the number, plate or VIN.' })
  search?: string;
}
