import { ArrayType, Entity, ManyToOne, PrimaryKey, Property, type Ref, OptionalProps } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Node } from '../../graphql/node.js';
import { toGlobalId } from '../../graphql/global-id.js';
import { Store } from '../store/store.entity.js';
import { Role, Skill } from './roles.js';

@Entity({ tableName: 'staff' })
@ObjectType({ implements: Node, description: 'A member of the store staff.' })
export class Staff {
  [OptionalProps]?: 'globalId' | 'roles' | 'skills' | 'active' | 'createdAt' | 'version';

  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => Store, { ref: true, index: true })
  store!: Ref<Store>;

  @Property({ type: 'string', length: 40, unique: true })
  username!: string;

  @Field(() => String, { description: 'Full name.' })
  @Property({ type: 'string', length: 50 })
  name!: string;

  @Field(() => [Role], { description: 'What the staff member may do (R-AUTH).' })
  @Property({ type: ArrayType })
  roles: Role[] = [];

  @Field(() => [Skill], { description: 'Trades a technician is qualified for; dispatch checks them against each job (R-WO-3).' })
  @Property({ type: ArrayType })
  skills: Skill[] = [];

  /** The business line customers may call; never a private number. */
  @Field(() => String, { nullable: true, description: 'Work phone customers may call (never a private number).' })
  @Property({ type: 'string', length: 30, nullable: true })
  businessPhone?: string | null;

  @Property({ type: 'string', length: 200, hidden: true })
  passwordHash!: string;

  @Field(() => Boolean, { description: 'False once the person has left; inactive staff cannot sign in or be assigned.' })
  @Property({ type: 'boolean', default: true })
  active: boolean = true;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Field(() => Int, { description: 'Optimistic-locking version; pass it back as expectedVersion when editing the staff member.' })
  @Property({ type: 'integer', default: 1 })
  version: number = 1;

  @Field(() => ID, { name: 'id' })
  get globalId(): string {
    return toGlobalId('Staff', this.id);
  }

  hasRole(...roles: readonly Role[]): boolean {
    return roles.some((r) => this.roles.includes(r));
  }
}
