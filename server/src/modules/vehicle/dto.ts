import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { UserError } from '../../graphql/user-error.js';
import { Vehicle } from './vehicle.entity.js';
import { VehicleUsage } from './vehicle.enums.js';

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

@InputType({ description: 'R-ARC-2: changes to a vehicle’s archive fields. Omitted fields stay; null clears a field.' })
export class UpdateVehicleInput {
  @Field(() => ID, { description: 'Global id of the vehicle.' })
  id!: string;

  @Field(() => Int, { description: 'The version read; refused with STALE_VERSION when someone saved first.' })
  expectedVersion!: number;

  @Field(() => String, { nullable: true, description: 'Engine number: letters, digits and -, up to 30.' })
  engineNumber?: string | null;

  @Field(() => String, { nullable: true, description: 'Transmission number: letters, digits and -, up to 30.' })
  transmissionNumber?: string | null;

  @Field(() => String, { nullable: true, description: 'Purchase date, YYYY-MM-DD, not in the future.' })
  purchaseDate?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Sold by this store.' })
  soldHere?: boolean | null;

  @Field(() => Int, { nullable: true, description: 'Warranty years (0 to 20).' })
  warrantyYears?: number | null;

  @Field(() => Int, { nullable: true, description: 'Warranty kilometres (0 to 2 000 000).' })
  warrantyKm?: number | null;

  @Field(() => String, { nullable: true, description: 'Insurance expiry, YYYY-MM-DD.' })
  insuranceExpiresOn?: string | null;

  @Field(() => String, { nullable: true, description: 'Annual inspection due, YYYY-MM-DD.' })
  inspectionDueOn?: string | null;

  @Field(() => VehicleUsage, { nullable: true, description: 'Usage.' })
  usage?: VehicleUsage | null;
}

@ObjectType({ description: 'The vehicle after the change, or why not.' })
export class UpdateVehiclePayload {
  @Field(() => Vehicle, { nullable: true, description: 'The vehicle as it is now; null when refused.' })
  vehicle?: Vehicle | null;

  @Field(() => [UserError], { description: 'Why the change was refused; empty on success.' })
  userErrors: UserError[] = [];
}
