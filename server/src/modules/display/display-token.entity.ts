import { Entity, ManyToOne, PrimaryKey, Property, type Ref, OptionalProps } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { Node } from '../../graphql/node.js';
import { toGlobalId } from '../../graphql/global-id.js';
import { Staff } from '../staff/staff.entity.js';
import { Store } from '../store/store.entity.js';

/** A read-only credential for one store's wall display. Only the SHA-256 of the token is stored. */
@Entity({ tableName: 'display_token' })
@ObjectType({ implements: Node, description: 'A paired wall display (read-only board access for one store).' })
export class DisplayToken {
  [OptionalProps]?: 'globalId' | 'createdAt';

  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => Store, { ref: true, index: true })
  store!: Ref<Store>;

  @Field(() => String, { description: 'Where the display hangs (e.g. 车间北墙).' })
  @Property({ type: 'string', length: 60 })
  name!: string;

  @Property({ type: 'string', length: 64, unique: true })
  tokenHash!: string;

  @ManyToOne(() => Staff, { ref: true })
  createdBy!: Ref<Staff>;

  @Field(() => Date, { description: 'When it was created.' })
  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Field(() => Date, { nullable: true, description: 'When it was revoked; null while valid.' })
  @Property({ type: 'datetime', nullable: true })
  revokedAt?: Date | null;

  @Field(() => ID, { name: 'id' })
  get globalId(): string {
    return toGlobalId('DisplayToken', this.id);
  }
}
