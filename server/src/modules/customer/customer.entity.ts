import { Entity, Enum, ManyToOne, PrimaryKey, Property, type Ref, Unique, OptionalProps } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { Node } from '../../graphql/node.js';
import { toGlobalId } from '../../graphql/global-id.js';
import { Staff } from '../staff/staff.entity.js';
import { Store } from '../store/store.entity.js';
import { CustomerType, ValueClass } from './customer-type.js';

/** R-ARC-1. The mobile is exposed through a field resolver that masks it by role (R-ARC-5). */
@Entity({ tableName: 'customer' })
@Unique({ properties: ['store', 'mobile'] })
@ObjectType({ implements: Node, description: 'A customer in the store archive (客户档案).' })
export class Customer {
  [OptionalProps]?: 'globalId' | 'customerType' | 'createdAt';

  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => Store, { ref: true })
  store!: Ref<Store>;

  @Field(() => String, { description: 'Name (personal data: only staff read it).' })
  @Property({ type: 'string', length: 100 })
  name!: string;

  @Property({ type: 'string', length: 11 })
  mobile!: string;

  @Field(() => CustomerType, { description: 'Private person, government/official or company.' })
  @Enum({ items: () => CustomerType, default: CustomerType.PRIVATE })
  customerType: CustomerType = CustomerType.PRIVATE;

  @Field(() => ValueClass, { nullable: true, description: 'A–D value segment (R-SEG); null until classified.' })
  @Enum({ items: () => ValueClass, nullable: true })
  valueClass?: ValueClass | null;

  @ManyToOne(() => Staff, { ref: true, nullable: true })
  createdBy?: Ref<Staff> | null;

  @Field(() => Date, { description: 'When the customer was registered.' })
  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Field(() => ID, { name: 'id' })
  get globalId(): string {
    return toGlobalId('Customer', this.id);
  }
}
