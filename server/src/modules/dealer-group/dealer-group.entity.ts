import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { toGlobalId } from '../../graphql/global-id.js';
import { Node } from '../../graphql/node.js';

/**
 * A dealer group (经销商集团). Every store belongs to one; the stores of a group read each other's
 * service history of a vehicle by VIN (R-ARC-3), never each other's customers (R-ARC-5).
 */
@Entity({ tableName: 'dealer_group' })
@ObjectType({ implements: Node, description: "A dealer group (经销商集团): its stores share a vehicle's service history by VIN (R-ARC-3)." })
export class DealerGroup {
  [OptionalProps]?: 'globalId' | 'createdAt';

  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Field(() => String, { description: 'Name of the group.' })
  @Property({ type: 'string', length: 100 })
  name!: string;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Field(() => ID, { name: 'id', description: 'Global id.' })
  get globalId(): string {
    return toGlobalId('DealerGroup', this.id);
  }
}
