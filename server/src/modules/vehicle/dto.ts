import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { UserError } from '../../graphql/user-error.js';
import { Vehicle } from './vehicle.entity.js';

@InputType({ description: 'A new vehicle.' })
export class CreateVehicleInput {
  @Field(() => String, { description: '17 characters, check digit validated (GB 16735).' })
  vin!: string;

  @Field(() => String, { description: 'Mainland plate; new-energy plates have 8 characters.' })
  plate!: string;

  @Field(() => String, { nullable: true, description: 'Make.' })
  brand?: string;

  @Field(() => String, { description: 'Model.' })
  model!: string;

  @Field(() => String, { nullable: true, description: 'Colour.' })
  color?: string;

  @Field(() => ID, { description: 'Global id of the owning customer.' })
  ownerId!: string;

  @Field(() => Int, { nullable: true, description: 'Odometer reading, in km.' })
  mileageKm?: number;
}

@ObjectType({ description: 'The created vehicle, or why not.' })
export class CreateVehiclePayload {
  @Field(() => Vehicle, { nullable: true, description: 'The new vehicle; null when refused.' })
  vehicle?: Vehicle | null;

  @Field(() => [UserError])
  userErrors: UserError[] = [];
}
