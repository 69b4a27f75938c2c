import { Field, ID, InputType, Int } from 'type-graphql';
import { HoldReason, WorkOrderStatus } from '../work-order.enums.js';

@InputType()
export class TransitionWorkOrderInput {
  @Field(() => ID)
  id!: string;

  @Field(() => WorkOrderStatus)
  to!: WorkOrderStatus;

  @Field(() => HoldReason, { nullable: true })
  holdReason?: HoldReason | null;

  @Field(() => String, { nullable: true })
  reason?: string | null;

  @Field(() => Int, { nullable: true, description: 'Refused with STALE_VERSION when the order has moved on (R-WO-8).' })
  expectedVersion?: number | null;
}
