import { Field, Int, ObjectType } from 'type-graphql';
import { ConnectionType } from '../../graphql/connection.js';
import { Node } from '../../graphql/node.js';
import { toGlobalId } from '../../shared/global-id.js';
import { Skill } from '../staff/roles.js';
import { WorkOrderStatus } from '../work-order/work-order.enums.js';

@ObjectType({ description: 'A job of a work order, as the service history shows it.' })
export class ServiceHistoryJob {
  @Field(() => String, { description: 'What was (or is to be) done.' })
  title!: string;

  @Field(() => Skill, { description: 'Kind of work.' })
  skill!: Skill;
}

/**
 * One work order of a vehicle in any store of the dealer group (R-ARC-3). It carries the facts of the
 * visit only: no customer, no contact, no complaint text (R-ARC-5 governs owner data per store).
 */
@ObjectType({ implements: Node, description: "One visit of a vehicle to a store of your dealer group (R-ARC-3): the work order's facts, never the owner's data." })
export class ServiceHistoryEntry implements Node {
  id!: number;

  /** Resolves through node(id:) for readers in the same dealer group; it is not the work order's own id. */
  get globalId(): string {
    return toGlobalId('ServiceHistoryEntry', this.id);
  }

  @Field(() => String, { description: 'Work order number in its store.' })
  number!: string;

  @Field(() => Date, { description: 'When the work order was opened.' })
  openedAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When the car was handed back, if it was.' })
  deliveredAt?: Date | null;

  @Field(() => Int, { nullable: true, description: 'Mileage when the car came in (km).' })
  mileageKm?: number | null;

  @Field(() => WorkOrderStatus, { description: 'Status of the work order.' })
  status!: WorkOrderStatus;

  @Field(() => [ServiceHistoryJob], { description: 'Jobs of the visit.' })
  jobs!: ServiceHistoryJob[];

  @Field(() => String, { description: 'Name of the store that did the work.' })
  storeName!: string;

  @Field(() => Boolean, { description: 'True when the visit was to your own store.' })
  ownStore!: boolean;
}

export const ServiceHistoryConnection = ConnectionType(ServiceHistoryEntry, 'ServiceHistory');

@ObjectType({ description: 'A store of your dealer group: what another store may know of it.' })
export class GroupStore {
  @Field(() => String, { description: 'Name of the store.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Phone of the store.' })
  phone?: string | null;
}
