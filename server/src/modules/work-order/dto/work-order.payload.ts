import { Field, ObjectType } from 'type-graphql';
import { ConnectionType } from '../../../graphql/connection.js';
import { UserError } from '../../../graphql/user-error.js';
import { WorkOrder } from '../work-order.entity.js';

@ObjectType({ description: 'The work order after the change, or why not.' })
export class WorkOrderPayload {
  @Field(() => WorkOrder, { nullable: true, description: 'The work order as it is now; null when refused.' })
  workOrder?: WorkOrder | null;

  @Field(() => [UserError])
  userErrors: UserError[] = [];
}

export const WorkOrderConnection = ConnectionType(WorkOrder, 'WorkOrder');
