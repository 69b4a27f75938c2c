import { Field, ID, InputType, Int } from 'type-graphql';
import { HoldReason, WorkOrderStatus } from '../work-order.enums.js';

@InputType({ description: 'A status move of a work order.' })
export class TransitionWorkOrderInput {
  @Field(() => ID, { description: 'Global id of the work order.' })
  id!: string;

  @Field(() => WorkOrderStatus, { description: 'The target status; must be allowed from the current one.' })
  to!: WorkOrderStatus;

  @Field(() => HoldReason, { nullable: true, description: 'Required when moving to ON_HOLD.' })
  holdReason?: HoldReason | null;

  @Field(() => String, { nullable: true, description: 'Required for cancelling, failing the quality check and OTHER holds.' })
  reason?: string | null;

  @Field(() => Int, { nullable: true, description: 'Refused with STALE_VERSION when the order has moved on (R-WO-8).' })
  expectedVersion?: number | null;
}
