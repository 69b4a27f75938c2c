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

@InputType({ description: 'Moves a plate onto a vehicle of the store (issue 9 §6: a plate is on one active vehicle at a time).' })
export class TransferPlateInput {
  @Field(() => ID, { description: 'The vehicle that is to carry the plate.' })
  toVehicleId!: string;

  @Field(() => String, { description: 'The plate to move.' })
  plate!: string;

  @Field(() => String, { description: 'Why (e.g. the owner kept the plate for a new car); kept in the audit log.' })
  reason!: string;
}

@ObjectType({ description: 'The vehicle that now carries the plate and the one that carried it, or why not.' })
export class TransferPlatePayload {
  @Field(() => Vehicle, { nullable: true, description: 'The vehicle that now carries the plate; null when refused.' })
  vehicle?: Vehicle | null;

  @Field(() => Vehicle, { nullable: true, description: 'The vehicle that carried it; it left the store’s active vehicles. Null when no active vehicle had the plate.' })
  previousHolder?: Vehicle | null;

  @Field(() => [UserError], { description: 'Why the transfer was refused; empty on success.' })
  userErrors: UserError[] = [];
}
