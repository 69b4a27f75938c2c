import { Entity, Enum, ManyToOne, PrimaryKey, Property, type Ref, OptionalProps } from '@mikro-orm/core';
import { Field, Float, ID, ObjectType } from 'type-graphql';
import { Node } from '../../graphql/node.js';
import { toGlobalId } from '../../graphql/global-id.js';
import { Staff } from '../staff/staff.entity.js';
import { Store } from '../store/store.entity.js';
import { Upload } from '../upload/upload.entity.js';
import { WorkOrder } from '../work-order/work-order.entity.js';
import { ConsentMethod } from './estimate.enums.js';

/**
 * R-EST-1: a diagnosis report (诊断报告) on a work order. R-REC-5: a diagnosis that needs a teardown
 * carries the customer's consent, recorded with it. Written once; a new finding is a new report.
 */
@Entity({ tableName: 'diagnosis' })
@ObjectType({ implements: Node, description: 'A diagnosis report (诊断报告, R-EST-1): symptoms, trouble codes, cause, proposed repair, estimated hours.' })
export class Diagnosis {
  [OptionalProps]?: 'globalId' | 'version' | 'createdAt' | 'requiresTeardown' | 'troubleCodes' | 'photoIds' | 'estimatedHours';

  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => Store, { ref: true })
  store!: Ref<Store>;

  @ManyToOne(() => WorkOrder, { ref: true, index: true })
  workOrder!: Ref<WorkOrder>;

  @Field(() => String, { description: 'What was observed.' })
  @Property({ type: 'text' })
  symptoms!: string;

  @Field(() => [String], { description: 'OBD trouble codes read (e.g. P0016).' })
  @Property({ type: 'json' })
  troubleCodes: string[] = [];

  @Field(() => String, { nullable: true, description: 'The cause found.' })
  @Property({ type: 'text', nullable: true })
  cause?: string | null;

  @Field(() => String, { nullable: true, description: 'The repair proposed (the basis of the estimate).' })
  @Property({ type: 'text', nullable: true })
  proposedRepair?: string | null;

  /** Estimated hours in hundredths. */
  @Property({ type: 'integer', nullable: true })
  estimatedHoursCenti?: number | null;

  @Field(() => Boolean, { description: 'R-REC-5: the diagnosis needs a teardown (拆检); the customer consented first.' })
  @Property({ type: 'boolean', default: false })
  requiresTeardown: boolean = false;

  @Enum({ items: () => ConsentMethod, nullable: true })
  consentMethod?: ConsentMethod | null;

  @ManyToOne(() => Upload, { ref: true, nullable: true })
  consentSignature?: Ref<Upload> | null;

  @Property({ type: 'string', length: 500, nullable: true })
  consentNote?: string | null;

  /** DIAGNOSIS_PHOTO uploads. */
  @Property({ type: 'json' })
  photoIds: number[] = [];

  @ManyToOne(() => Staff, { ref: true, nullable: true })
  diagnosedBy?: Ref<Staff> | null;

  @Field(() => Date, { description: 'When it was recorded.' })
  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Property({ type: 'integer', default: 1 })
  version: number = 1;

  @Field(() => Float, { nullable: true, description: 'Estimated hours for the repair.' })
  get estimatedHours(): number | null {
    return this.estimatedHoursCenti == null ? null : this.estimatedHoursCenti / 100;
  }

  @Field(() => ID, { name: 'id', description: 'Global id (Relay node id).' })
  get globalId(): string {
    return toGlobalId('Diagnosis', this.id);
  }
}

@ObjectType({ description: 'R-REC-5: the customer’s consent to a teardown.' })
export class TeardownConsent {
  @Field(() => ConsentMethod, { description: 'How the customer consented.' })
  method!: ConsentMethod;

  @Field(() => String, { nullable: true, description: 'PHONE: the note (time, recording number).' })
  note?: string | null;

  @Field(() => Upload, { nullable: true, description: 'ON_SITE_SIGNATURE: the signature.' })
  signature?: Upload | Promise<Upload> | null;
}
