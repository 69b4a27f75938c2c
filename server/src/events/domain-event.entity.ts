import { Entity, Index, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref, Unique } from '@mikro-orm/core';
import { Store } from '../modules/store/store.entity.js';
import type { ActorKind } from '../shared/actor.js';

/**
 * The domain event log: one append-only row per thing that happened to an aggregate of a store
 * (a work order moved, an appointment booked, a part received…). `seq` is per store and gap-free;
 * it is the cursor of the board stream and of every consumer. The database refuses updates and
 * deletes (trigger). Only events/event-log.ts writes it.
 */
@Entity({ tableName: 'domain_event' })
@Unique({ properties: ['store', 'seq'] })
@Index({ properties: ['aggregateType', 'aggregateId', 'seq'] })
export class DomainEvent {
  [OptionalProps]?: 'at';

  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @ManyToOne(() => Store, { ref: true })
  store!: Ref<Store>;

  @Property({ type: 'integer' })
  seq!: number;

  /** The aggregate's type name, e.g. `WorkOrder`. */
  @Property({ type: 'string', length: 40 })
  aggregateType!: string;

  @Property({ type: 'integer' })
  aggregateId!: number;

  /** What happened, per aggregate type, e.g. `TRANSITIONED`. */
  @Property({ type: 'string', length: 60 })
  kind!: string;

  /** The facts of the event (for work orders: from, to, reason, holdReason, version, …). */
  @Property({ type: 'json' })
  data!: Record<string, unknown>;

  @Property({ type: 'string', length: 20 })
  actorKind!: ActorKind;

  /** Staff id, display-token id or work-order id (customer link); null for the system. */
  @Property({ type: 'integer', nullable: true })
  actorId?: number | null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  at: Date = new Date();
}
