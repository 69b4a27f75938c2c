import { Field, ObjectType } from 'type-graphql';
import { Customer } from '../../customer/customer.entity.js';
import { OutboxMessage } from '../../outbox/outbox.entity.js';
import { Vehicle } from '../../vehicle/vehicle.entity.js';
import { CareKind } from '../care.enums.js';

@ObjectType({ description: 'Something due for a customer on a day (R-CARE-1..5), with the messages planned or sent for it.' })
export class CareCalendarEntry {
  @Field(() => String, { description: 'The day it is due, YYYY-MM-DD in the store’s time zone.' })
  date!: string;

  @Field(() => CareKind, { description: 'What it is about.' })
  kind!: CareKind;

  @Field(() => Customer, { description: 'The customer.' })
  customer!: Customer;

  @Field(() => Vehicle, { nullable: true, description: 'The vehicle (null for birthdays and holidays).' })
  vehicle?: Vehicle | null;

  @Field(() => String, { description: 'Why it is due, in the reader’s language (e.g. the mileage estimate).' })
  reason!: string;

  @Field(() => [OutboxMessage], { description: 'The messages planned or sent for it, by scheduled time; empty while none is planned yet.' })
  messages!: OutboxMessage[];
}
