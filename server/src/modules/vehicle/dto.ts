import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { UserError } from '../../graphql/user-error.js';
import { Vehicle } from './vehicle.entity.js';

@InputType()
export class CreateVehicleInput {
  @Field(() => String, { description: '17 characters, check digit validated (GB 16735).' })
  vin!: string;

  @Field(() => String, { description: 'Mainland plate; new-energy plates have 8 characters.' })
  plate!: string;

  @Field(() => String, { nullable: true })
  brand?: string;

  @Field(() => String)
  model!: string;

  @Field(() => String, { nullable: true })
  color?: string;

  @Field(() => ID)
  ownerId!: string;

  @Field(() => Int, { nullable: true })
  mileageKm?: number;
}

@ObjectType()
export class CreateVehiclePayload {
  @Field(() => Vehicle, { nullable: true })
  vehicle?: Vehicle | null;

  @Field(() => [UserError])
  userErrors: UserError[] = [];
}
