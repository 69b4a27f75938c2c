import { Field, ObjectType } from 'type-graphql';
import { ConnectionType } from '../../../graphql/connection.js';
import { AppointmentSlot } from '../../appointment/dto/appointment.dto.js';
import { Customer } from '../../customer/customer.entity.js';
import { Vehicle } from '../../vehicle/vehicle.entity.js';
import { InvitationKind } from '../invitation.enums.js';

@ObjectType({ description: 'A customer the store should invite (R-APT-7), with the slots to offer.' })
export class InvitationCandidate {
  /** Position in today's list (the page cursor); not in the schema. */
  id!: number;

  @Field(() => Customer, { description: 'Whom to invite.' })
  customer!: Customer;

  @Field(() => Vehicle, { description: 'The vehicle due.' })
  vehicle!: Vehicle;

  @Field(() => InvitationKind, { description: 'Why.' })
  kind!: InvitationKind;

  @Field(() => String, { description: 'When it is due, YYYY-MM-DD in the store’s time zone (a deferred item: a month after the visit that deferred it).' })
  dueOn!: string;

  @Field(() => String, { description: 'Why, in the reader’s language (how the due date was reached).' })
  reason!: string;

  @Field(() => [AppointmentSlot], { description: 'At least three free slots for a maintenance hour, from three days before the due date, on different days where possible (fewer only when the booking window has fewer).' })
  suggestedSlots: AppointmentSlot[] = [];
}

export const InvitationCandidateConnection = ConnectionType(InvitationCandidate, 'InvitationCandidate');
