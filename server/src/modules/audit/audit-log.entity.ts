import { Entity, ManyToOne, PrimaryKey, Property, type Ref, OptionalProps } from '@mikro-orm/core';
import { Staff } from '../staff/staff.entity.js';
import { Store } from '../store/store.entity.js';

/** Who changed what, for records that have no timeline of their own. Append-only. */
@Entity({ tableName: 'audit_log' })
export class AuditLog {
  [OptionalProps]?: 'at';

  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @ManyToOne(() => Store, { ref: true, index: true })
  store!: Ref<Store>;

  @ManyToOne(() => Staff, { ref: true, nullable: true })
  actor?: Ref<Staff> | null;

  @Property({ type: 'string', length: 60 })
  action!: string;

  @Property({ type: 'string', length: 40 })
  entity!: string;

  @Property({ type: 'integer' })
  entityId!: number;

  @Property({ type: 'json', nullable: true })
  data?: Record<string, unknown> | null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  at: Date = new Date();
}
