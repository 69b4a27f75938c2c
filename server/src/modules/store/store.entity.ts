import { Entity, ManyToOne, PrimaryKey, Property, type Ref, OptionalProps } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Node } from '../../graphql/node.js';
import { toGlobalId } from '../../graphql/global-id.js';
import { DealerGroup } from '../dealer-group/dealer-group.entity.js';

@Entity({ tableName: 'store' })
@ObjectType({ implements: Node, description: 'A dealer workshop (4S store).' })
export class Store {
  [OptionalProps]?: 'globalId' | 'timezone' | 'eventSeq' | 'staleAfterMinutes' | 'trackingLinkTtlHours' | 'settingsVersion' | 'createdAt';

  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Field(() => String, { description: 'Display name of the store (e.g. 北京博远大众4S店).' })
  @Property({ type: 'string', length: 100 })
  name!: string;

  @Property({ type: 'string', length: 20, unique: true })
  code!: string;

  /** R-ARC-3: the stores of one group share a vehicle's service history (store-setup.md in the README). */
  @ManyToOne(() => DealerGroup, { ref: true, index: true })
  dealerGroup!: Ref<DealerGroup>;

  @Field(() => String, { nullable: true, description: 'The store’s public phone number.' })
  @Property({ type: 'string', length: 30, nullable: true })
  phone?: string | null;

  @Field(() => String, { nullable: true, description: 'Street address of the store.' })
  @Property({ type: 'string', length: 200, nullable: true })
  address?: string | null;

  @Field(() => String, { description: 'IANA time zone of the store, e.g. Asia/Shanghai.' })
  @Property({ type: 'string', length: 40, default: 'Asia/Shanghai' })
  timezone: string = 'Asia/Shanghai';

  /** Per-store counter of work-order events; its row lock serialises event writers so cursors commit in order. */
  @Property({ type: 'bigint', default: 0, columnType: 'bigint' })
  eventSeq: string = '0';

  /** R-WO-6: minutes without an update before a card is flagged STALE. */
  @Field(() => Int, { description: 'R-WO-6: minutes without an update before a card is flagged STALE.' })
  @Property({ type: 'integer', default: 30 })
  staleAfterMinutes: number = 30;

  /** §14: how long the customer's tracking link stays valid after delivery (or cancellation). */
  @Field(() => Int, { description: "Hours the customer's link stays valid after delivery or cancellation." })
  @Property({ type: 'integer', default: 72 })
  trackingLinkTtlHours: number = 72;

  /** Optimistic lock of the settings above (the row itself changes with every event). */
  @Field(() => Int, { description: 'Optimistic-locking version of the settings; pass it back as `expectedVersion` to updateStoreSettings.' })
  @Property({ type: 'integer', default: 1 })
  settingsVersion: number = 1;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Field(() => ID, { name: 'id' })
  get globalId(): string {
    return toGlobalId('Store', this.id);
  }
}
