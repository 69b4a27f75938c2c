import { ArrayType, Entity, ManyToOne, PrimaryKey, Property, type Ref, OptionalProps } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Node } from '../../graphql/node.js';
import { toGlobalId } from '../../graphql/global-id.js';
import { Skill } from '../staff/roles.js';
import { Store } from './store.entity.js';

@Entity({ tableName: 'bay' })
@ObjectType({ implements: Node, description: 'A workshop bay (工位).' })
export class Bay {
  [OptionalProps]?: 'globalId' | 'skills' | 'active' | 'position' | 'version';

  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => Store, { ref: true, index: true })
  store!: Ref<Store>;

  @Field(() => String, { description: 'Name shown on the wall (e.g. 1号工位).' })
  @Property({ type: 'string', length: 50 })
  name!: string;

  @Field(() => [Skill], { description: 'Work the bay is equipped for.' })
  @Property({ type: ArrayType })
  skills: Skill[] = [];

  @Field(() => Boolean, { description: 'False for a bay out of use.' })
  @Property({ type: 'boolean', default: true })
  active: boolean = true;

  @Field(() => Int, { description: 'Order of the bay on the wall and in lists (ascending).' })
  @Property({ type: 'integer', default: 0 })
  position: number = 0;

  @Field(() => Int, { description: 'Optimistic-locking version; pass it back as expectedVersion when editing the bay.' })
  @Property({ type: 'integer', default: 1 })
  version: number = 1;

  @Field(() => ID, { name: 'id' })
  get globalId(): string {
    return toGlobalId('Bay', this.id);
  }
}
