import { Entity, Enum, Index, ManyToOne, OneToOne, OptionalProps, PrimaryKey, Property, type Ref, Unique } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Node } from '../../graphql/node.js';
import { toGlobalId } from '../../graphql/global-id.js';
import { Customer } from '../customer/customer.entity.js';
import { Store } from '../store/store.entity.js';
import { Vehicle } from '../vehicle/vehicle.entity.js';
import { MessagePurpose, OutboxChannel, OutboxStatus } from './outbox.enums.js';

/**
 * One message to a customer (R-CARE-7): written by `OutboxService.enqueue` in the caller's transaction,
 * sent by the `outbox.send` job. The idempotency key is unique per store: whoever plans a message twice
 * (two planning runs, two processes, a consumer seeing an event again) finds the first one.
 */
@Entity({ tableName: 'outbox_message' })
@Unique({ properties: ['store', 'idempotencyKey'] })
@Index({ properties: ['store', 'status', 'scheduledAt'] })
@Index({ properties: ['customer', 'sentAt'] })
@ObjectType({ implements: Node, description: 'A message to a customer in the outbox (R-CARE-7).' })
export class OutboxMessage {
  [OptionalProps]?: 'globalId' | 'status' | 'attempts' | 'version' | 'createdAt';

  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => Store, { ref: true })
  store!: Ref<Store>;

  @ManyToOne(() => Customer, { ref: true })
  customer!: Ref<Customer>;

  @ManyToOne(() => Vehicle, { ref: true, nullable: true })
  vehicle?: Ref<Vehicle> | null;

  @Field(() => OutboxChannel, { description: 'How it reaches the customer.' })
  @Enum({ items: () => OutboxChannel })
  channel!: OutboxChannel;

  @Field(() => String, { description: 'Template key (e.g. MAINTENANCE_REMINDER); the text is rendered from it in zh or en.' })
  @Property({ type: 'string', length: 60 })
  template!: string;

  @Field(() => String, { description: 'Language of the text: zh or en.' })
  @Property({ type: 'string', length: 5 })
  locale!: string;

  @Property({ type: 'json' })
  variables!: Record<string, string | number | null>;

  /** The text as sent (rendered when sent); null until then. */
  @Property({ type: 'text', nullable: true })
  text?: string | null;

  /** The customer's mobile when planned (resolved masked by role). */
  @Property({ type: 'string', length: 20 })
  recipient!: string;

  @Field(() => MessagePurpose, { description: 'SERVICE-critical, CARE or MARKETING.' })
  @Enum({ items: () => MessagePurpose })
  purpose!: MessagePurpose;

  @Field(() => Date, { description: 'When it is (or was) due to go; moved by quiet hours and retries.' })
  @Property({ type: 'datetime' })
  scheduledAt!: Date;

  @Field(() => OutboxStatus, { description: 'Where it stands.' })
  @Enum({ items: () => OutboxStatus, default: OutboxStatus.SCHEDULED })
  status: OutboxStatus = OutboxStatus.SCHEDULED;

  @Field(() => Int, { description: 'Attempts made to send it.' })
  @Property({ type: 'integer', default: 0 })
  attempts: number = 0;

  @Field(() => String, { nullable: true, description: 'The last error of the provider (kept after a successful retry).' })
  @Property({ type: 'text', nullable: true })
  failure?: string | null;

  @Field(() => String, { nullable: true, description: 'Why it was not sent, as a stable code: FREQUENCY_CAP, NO_RECIPIENT or OUTCOME_UNKNOWN.' })
  @Property({ type: 'string', length: 40, nullable: true })
  suppressedBecause?: string | null;

  @Field(() => Date, { nullable: true, description: 'When the provider accepted it.' })
  @Property({ type: 'datetime', nullable: true })
  sentAt?: Date | null;

  @Field(() => String, { description: 'The key that makes it unique: a reminder is never planned, or sent, twice.' })
  @Property({ type: 'string', length: 200 })
  idempotencyKey!: string;

  /** The campaign that planned it (campaigns are built on this outbox later). */
  @Property({ type: 'integer', nullable: true })
  campaignId?: number | null;

  @Property({ type: 'integer', default: 1 })
  version: number = 1;

  @Field(() => Date, { description: 'When it was planned.' })
  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Field(() => ID, { name: 'id', description: 'Global id (Relay node id).' })
  get globalId(): string {
    return toGlobalId('OutboxMessage', this.id);
  }
}

/** The store's sending rules: quiet hours, the frequency cap, retries, the default language. */
@Entity({ tableName: 'outbox_settings' })
@ObjectType({ description: 'How the store’s outbox sends (R-CARE-6/7).' })
export class OutboxSettings {
  [OptionalProps]?: 'quietStart' | 'quietEnd' | 'capCount' | 'capWindowDays' | 'defaultLocale' | 'maxAttempts' | 'retryBaseSeconds' | 'version';

  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @OneToOne(() => Store, { ref: true, owner: true, unique: true })
  store!: Ref<Store>;

  @Field(() => String, { description: 'Start of the quiet hours, HH:mm in the store’s time zone (21:00).' })
  @Property({ type: 'string', length: 5, default: '21:00' })
  quietStart: string = '21:00';

  @Field(() => String, { description: 'End of the quiet hours, HH:mm (08:00); a message due inside waits until then.' })
  @Property({ type: 'string', length: 5, default: '08:00' })
  quietEnd: string = '08:00';

  @Field(() => Int, { description: 'At most this many CARE and MARKETING messages per customer in the window (3); SERVICE ones are exempt.' })
  @Property({ type: 'integer', default: 3 })
  capCount: number = 3;

  @Field(() => Int, { description: 'The frequency cap’s rolling window in days (7).' })
  @Property({ type: 'integer', default: 7 })
  capWindowDays: number = 7;

  @Field(() => String, { description: 'Language of messages: zh or en (zh).' })
  @Property({ type: 'string', length: 5, default: 'zh' })
  defaultLocale: string = 'zh';

  @Field(() => Int, { description: 'Attempts before a message is FAILED (4).' })
  @Property({ type: 'integer', default: 4 })
  maxAttempts: number = 4;

  @Field(() => Int, { description: 'First retry delay in seconds, doubling each attempt (60).' })
  @Property({ type: 'integer', default: 60 })
  retryBaseSeconds: number = 60;

  @Field(() => Int, { description: 'Optimistic-locking version; pass it back as expectedVersion.' })
  @Property({ type: 'integer', default: 1 })
  version: number = 1;
}
