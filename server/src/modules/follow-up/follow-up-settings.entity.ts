import { Entity, OneToOne, OptionalProps, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { Store } from '../store/store.entity.js';

export const DEFAULT_CALLBACK_WITHIN_HOURS = 24;

/** R-FU-1: the store's follow-up timings. */
@Entity({ tableName: 'follow_up_settings' })
@ObjectType({ description: 'The follow-up timings of your store (R-FU-1).' })
export class FollowUpSettings {
  [OptionalProps]?: 'version' | 'callbackWithinHours';

  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @OneToOne(() => Store, { ref: true, owner: true, unique: true })
  store!: Ref<Store>;

  @Field(() => Int, { description: 'Hours after delivery within which the callback is due (24).' })
  @Property({ type: 'integer', default: DEFAULT_CALLBACK_WITHIN_HOURS })
  callbackWithinHours: number = DEFAULT_CALLBACK_WITHIN_HOURS;

  @Field(() => Int, { description: 'Optimistic-locking version; pass it back as expectedVersion.' })
  @Property({ type: 'integer', default: 1 })
  version: number = 1;
}
