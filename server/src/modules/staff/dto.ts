import { Field, InputType } from 'type-graphql';
import { ConnectionType } from '../../graphql/connection.js';
import { Role, Skill } from './roles.js';
import { Staff } from './staff.entity.js';

@InputType()
export class StaffFilter {
  @Field(() => [Role], { nullable: true, description: 'Staff with any of these roles.' })
  roles?: Role[];

  @Field(() => [Skill], { nullable: true, description: 'Staff with any of these skills.' })
  skills?: Skill[];

  @Field(() => Boolean, { nullable: true })
  active?: boolean;
}

export const StaffConnection = ConnectionType(Staff, 'Staff');
