import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * Where a durable consumer stands in one store's log: the last sequence number it has handled.
 * Advanced in the same transaction as the consumer's own writes, so an effect happens once.
 */
@Entity({ tableName: 'event_consumer_cursor' })
export class ConsumerCursor {
  @PrimaryKey({ type: 'string', length: 80 })
  consumer!: string;

  @PrimaryKey({ type: 'integer' })
  storeId!: number;

  @Property({ type: 'integer', default: 0 })
  seq: number = 0;

  /** Failed attempts at the event after `seq`. */
  @Property({ type: 'integer', default: 0 })
  attempts: number = 0;

  @Property({ type: 'text', nullable: true })
  lastError?: string | null;

  /** Not before this time (backoff after a failure). */
  @Property({ type: 'datetime', nullable: true })
  retryAt?: Date | null;
}

/** An event a durable consumer failed on too often: skipped so it blocks nothing, kept for a manager to see and retry. */
@Entity({ tableName: 'parked_event' })
@Index({ properties: ['storeId', 'resolvedAt'] })
export class ParkedEvent {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Property({ type: 'string', length: 80 })
  consumer!: string;

  @Property({ type: 'integer' })
  storeId!: number;

  @Property({ type: 'integer' })
  seq!: number;

  @Property({ type: 'integer' })
  attempts!: number;

  @Property({ type: 'text' })
  error!: string;

  @Property({ type: 'datetime' })
  parkedAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  resolvedAt?: Date | null;

  /** `RETRIED` (handled on retry) or `DISMISSED`. */
  @Property({ type: 'string', length: 20, nullable: true })
  resolution?: string | null;
}
