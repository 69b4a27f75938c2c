import { ArrayType, Entity, PrimaryKey, Property, type Ref, OneToOne, OptionalProps } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { Store } from '../store/store.entity.js';
import { ArchiveField } from './customer-archive.enums.js';
import { DEFAULT_DEADLINE_DAYS, DEFAULT_REQUIRED } from './customer-archive.rules.js';

/** R-ARC-4 per store: which archive fields count for completeness, and how long after first contact the archive is due. */
@Entity({ tableName: 'customer_archive_settings' })
@ObjectType({ description: 'What a complete customer archive needs in this store, and by when (R-ARC-4).' })
export class CustomerArchiveSettings {
  [OptionalProps]?: 'version' | 'requiredFields' | 'deadlineDays';

  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @OneToOne(() => Store, { ref: true, owner: true, unique: true })
  store!: Ref<Store>;

  @Field(() => [ArchiveField], { description: 'Fields every archive must have (name and mobile always do).' })
  @Property({ type: ArrayType })
  requiredFields: ArchiveField[] = [...DEFAULT_REQUIRED];

  @Field(() => Int, { description: 'Days after first contact by which the archive must be complete (R-ARC-4: 2).' })
  @Property({ type: 'integer', default: DEFAULT_DEADLINE_DAYS })
  deadlineDays: number = DEFAULT_DEADLINE_DAYS;

  @Field(() => Int, { description: 'Optimistic-locking version; pass it back as expectedVersion.' })
  @Property({ type: 'integer', default: 1 })
  version: number = 1;
}
