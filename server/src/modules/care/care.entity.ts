import { Entity, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref, Unique } from '@mikro-orm/core';
import { Store } from '../store/store.entity.js';

/** One planning run of a store's local day: the hourly job plans a day once, in whichever process gets here first. */
@Entity({ tableName: 'care_plan_run' })
@Unique({ properties: ['store', 'day'] })
export class CarePlanRun {
  [OptionalProps]?: 'plannedAt' | 'messages';

  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => Store, { ref: true })
  store!: Ref<Store>;

  @Property({ type: 'string', columnType: 'date' })
  day!: string;

  @Property({ type: 'integer', default: 0 })
  messages: number = 0;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  plannedAt: Date = new Date();
}
