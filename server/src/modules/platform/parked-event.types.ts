import { Field, Int, ObjectType } from 'type-graphql';
import { UserError } from '../../graphql/user-error.js';

@ObjectType({ description: 'An event a durable consumer failed on repeatedly; it was set aside so that later events go on. A manager can retry it.' })
export class ParkedEventView {
  @Field(() => Int, { description: 'Id of the parked entry (not a global id: it is an operational record).' })
  id!: number;

  @Field(() => String, { description: 'The durable consumer that failed.' })
  consumer!: string;

  @Field(() => Int, { description: "The event's sequence number in the store's log (its board cursor position)." })
  seq!: number;

  @Field(() => String, { description: 'Aggregate type of the event, e.g. WorkOrder.' })
  aggregateType!: string;

  @Field(() => String, { description: 'What happened, e.g. TRANSITIONED.' })
  kind!: string;

  @Field(() => Int, { description: 'Failed attempts before it was parked.' })
  attempts!: number;

  @Field(() => String, { description: 'The last error (no stack).' })
  error!: string;

  @Field(() => Date, { description: 'When it was parked.' })
  parkedAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When it was handled on retry; null while parked.' })
  resolvedAt!: Date | null;
}

@ObjectType({ description: 'A durable consumer of the event log and how far behind it is.' })
export class EventConsumerStatus {
  @Field(() => String, { description: 'Stable name of the consumer (its cursor rows are keyed by it).' })
  name!: string;

  @Field(() => Int, { description: "Events of this store's log not yet handled." })
  lag!: number;

  @Field(() => Int, { description: 'Events parked and not yet resolved.' })
  parked!: number;
}

@ObjectType({ description: 'Result of retryParkedEvent.' })
export class RetryParkedEventPayload {
  @Field(() => ParkedEventView, { nullable: true, description: 'The parked entry, now resolved; null when refused.' })
  parkedEvent?: ParkedEventView | null;

  @Field(() => [UserError], { description: 'Why the retry was refused or failed (RETRY_FAILED, NOT_FOUND); empty on success.' })
  userErrors: UserError[] = [];
}
