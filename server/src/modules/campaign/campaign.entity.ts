import { Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { toGlobalId } from '../../graphql/global-id.js';
import { Node } from '../../graphql/node.js';
import { OutboxChannel } from '../outbox/outbox.enums.js';
import { Staff } from '../staff/staff.entity.js';
import { Store } from '../store/store.entity.js';
import { CampaignAudience } from './dto/campaign-audience.js';

/** R-CARE-6: a seasonal campaign (winter check, summer A/C, holiday trips) sent through the outbox under the frequency cap. */
@Entity({ tableName: 'campaign' })
@Index({ properties: ['store', 'sendFrom'] })
@ObjectType({ implements: Node, description: 'A marketing campaign (冬季免费检测…) to an audience chosen by segment, sent through the outbox under the frequency cap (R-CARE-6).' })
export class Campaign {
  [OptionalProps]?: 'globalId' | 'version' | 'createdAt';

  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => Store, { ref: true })
  store!: Ref<Store>;

  @Field(() => String, { description: 'Its name.' })
  @Property({ type: 'string', length: 60 })
  name!: string;

  @Field(() => String, { description: 'The message template (zh and en), e.g. WINTER_CHECK.' })
  @Property({ type: 'string', length: 60 })
  template!: string;

  @Field(() => OutboxChannel, { nullable: true, description: 'The channel; null: each customer’s preferred one.' })
  @Enum({ items: () => OutboxChannel, nullable: true })
  channel?: OutboxChannel | null;

  @Field(() => CampaignAudience, { description: 'Whom it is for.' })
  @Property({ type: 'jsonb' })
  audience!: CampaignAudience;

  @Field(() => Date, { description: 'When its messages go (quiet hours still apply).' })
  @Property({ type: 'datetime' })
  sendFrom!: Date;

  @Field(() => Int, { description: 'Customers the audience matched.' })
  @Property({ type: 'integer' })
  audienceSize!: number;

  @Field(() => Int, { description: 'Of them, held back because they were contacted enough around that time (R-CARE-6): their messages are SUPPRESSED with FREQUENCY_CAP.' })
  @Property({ type: 'integer' })
  suppressedByFrequencyCap!: number;

  @ManyToOne(() => Staff, { ref: true })
  createdBy!: Ref<Staff>;

  @Field(() => Date, { description: 'When it was created.' })
  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Field(() => Int, { description: 'Optimistic-locking version.' })
  @Property({ type: 'integer', default: 1 })
  version: number = 1;

  @Field(() => ID, { name: 'id', description: 'Global id (Relay node id).' })
  get globalId(): string {
    return toGlobalId('Campaign', this.id);
  }
}
