import { Field, InputType } from 'type-graphql';
import { ConnectionType } from '../../graphql/connection.js';
import { Role, Skill } from './roles.js';
import { Staff } from './staff.entity.js';

@InputType({ description: 'Narrows the staff list.' })
export class StaffFilter {
  @Field(() => [Role], { nullable: true, description: 'Staff with any of these roles.' })
  roles?: Role[];

  @Field(() => [Skill], { nullable: true, description: 'Staff with any of these skills.' })
  skills?: Skill[];

  @Field(() => Boolean, { nullable: true, description: 'Only active (true) or only former (false) staff.' })
  active?: boolean;
}

export const StaffConnection = ConnectionType(Staff, 'Staff');
