import { Field, ID, ObjectType } from 'type-graphql';
import { ConnectionType } from '../../../graphql/connection.js';
import { toGlobalId } from '../../../graphql/global-id.js';
import { Node } from '../../../graphql/node.js';
import { AppointmentSlot } from '../../appointment/dto/appointment.dto.js';
import { Customer } from '../../customer/customer.entity.js';
import { Vehicle } from '../../vehicle/vehicle.entity.js';
import { InvitationKind } from '../invitation.enums.js';

@ObjectType({ implements: Node, description: 'A customer the store should invite (R-APT-7), with the slots to offer; its id is the vehicle and the kind.' })
export class InvitationCandidate {
  /** Position in today's list (the page cursor); not in the schema. */
  id!: number;

  key!: number;

  @Field(() => ID, { name: 'id', description: 'Global id (Relay node id): the vehicle and the kind, while it stays on the list.' })
  get globalId(): string {
    return toGlobalId('InvitationCandidate', this.key);
  }

  @Field(() => Customer, { description: 'Whom to invite.' })
  customer!: Customer;

  @Field(() => Vehicle, { description: 'The vehicle due.' })
  vehicle!: Vehicle;

  @Field(() => InvitationKind, { description: 'Why.' })
  kind!: InvitationKind;

  @Field(() => String, { description: 'When it is due, YYYY-MM-DD in the store’s time zone (a deferred item: a month after the visit that deferred it).' })
  dueOn!: string;

  /** Why, as a message template and its variables (rendered in the reader's language by the resolver). */
  why!: { template: string; variables: Record<string, string | number | null> };

  @Field(() => [AppointmentSlot], { description: 'At least three free slots for a maintenance hour, from three days before the due date, on different days where possible (fewer only when the booking window has fewer).' })
  suggestedSlots: AppointmentSlot[] = [];
}

export const InvitationCandidateConnection = ConnectionType(InvitationCandidate, 'InvitationCandidate');
