import { Field, ObjectType } from 'type-graphql';
import { ConnectionType } from '../../../graphql/connection.js';
import { UserError } from '../../../graphql/user-error.js';
import { WorkOrder } from '../work-order.entity.js';

@ObjectType()
export class WorkOrderPayload {
  @Field(() => WorkOrder, { nullable: true })
  workOrder?: WorkOrder | null;

  @Field(() => [UserError])
  userErrors: UserError[] = [];
}

export const WorkOrderConnection = ConnectionType(WorkOrder, 'WorkOrder');
