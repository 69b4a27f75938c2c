import { ArrayType, Entity, Enum, ManyToOne, PrimaryKey, Property, type Ref, Unique, OptionalProps } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Node } from '../../graphql/node.js';
import { toGlobalId } from '../../graphql/global-id.js';
import { Staff } from '../staff/staff.entity.js';
import { Store } from '../store/store.entity.js';
import { CustomerType, ValueClass } from './customer-type.js';
import { ContactChannel, CustomerSource } from './customer-archive.enums.js';
import { LunarDate } from './lunar-date.js';

/** R-ARC-1. The mobile is exposed through a field resolver that masks it by role (R-ARC-5). */
@Entity({ tableName: 'customer' })
@Unique({ properties: ['store', 'mobile'] })
@ObjectType({ implements: Node, description: 'A customer in the store archive (客户档案).' })
export class Customer {
  [OptionalProps]?: 'globalId' | 'customerType' | 'createdAt' | 'version' | 'interests';

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

  @Field(() => ValueClass, { nullable: true, description: 'A–D value segment (R-SEG-3), computed from the service history by the segmentation module (reasons in segment); null until classified.' })
  @Enum({ items: () => ValueClass, nullable: true })
  valueClass?: ValueClass | null;

  @ManyToOne(() => Staff, { ref: true, nullable: true })
  createdBy?: Ref<Staff> | null;

  @Field(() => Int, { description: 'Optimistic-locking version; pass it back as expectedVersion to updateCustomer.' })
  @Property({ type: 'integer', default: 1 })
  version: number = 1;

  /** R-ARC-1 national ID number (sensitive: resolved masked by role, R-ARC-5). */
  @Property({ type: 'string', length: 18, nullable: true })
  idNumber?: string | null;

  @Field(() => String, { nullable: true, description: 'Occupation (R-ARC-1).' })
  @Property({ type: 'string', length: 50, nullable: true })
  occupation?: string | null;

  /** R-ARC-1 address (sensitive: resolved masked by role, R-ARC-5). */
  @Property({ type: 'string', length: 200, nullable: true })
  address?: string | null;

  @Field(() => [String], { description: 'Interests (R-ARC-1), e.g. 自驾游, 摄影.' })
  @Property({ type: ArrayType, default: '{}' })
  interests: string[] = [];

  @Field(() => String, { nullable: true, description: 'Solar birthday, YYYY-MM-DD (R-ARC-1).' })
  @Property({ type: 'string', columnType: 'date', nullable: true })
  birthday?: string | null;

  @Field(() => LunarDate, { nullable: true, description: 'Lunar birthday (农历生日), when the customer keeps it (R-ARC-1).' })
  @Property({ type: 'json', nullable: true })
  lunarBirthday?: LunarDate | null;

  @Field(() => ContactChannel, { nullable: true, description: 'How the customer prefers to be contacted (R-ARC-1).' })
  @Enum({ items: () => ContactChannel, nullable: true })
  preferredChannel?: ContactChannel | null;

  @Field(() => String, { nullable: true, description: 'When the customer prefers to be contacted, as they said it (e.g. 工作日晚上 7–9 点).' })
  @Property({ type: 'string', length: 50, nullable: true })
  preferredContactTime?: string | null;

  @Field(() => CustomerSource, { nullable: true, description: 'Sold here, or the first visit of a car sold elsewhere (R-ARC-1).' })
  @Enum({ items: () => CustomerSource, nullable: true })
  source?: CustomerSource | null;

  @Field(() => String, { nullable: true, description: 'What the staff observed (education, employer, payment habit, visit interval…), staff only.' })
  @Property({ type: 'text', nullable: true })
  notes?: string | null;

  @Field(() => Date, { description: 'When the customer was registered.' })
  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Field(() => ID, { name: 'id' })
  get globalId(): string {
    return toGlobalId('Customer', this.id);
  }
}
