import { Collection, Entity, Enum, ManyToMany, ManyToOne, OneToMany, OneToOne, OptionalProps, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Node } from '../../graphql/node.js';
import { toGlobalId } from '../../graphql/global-id.js';
import { Staff } from '../staff/staff.entity.js';
import { Store } from '../store/store.entity.js';
import { Upload } from '../upload/upload.entity.js';
import { WorkOrder } from '../work-order/work-order.entity.js';
import { DamageArea, DamageKind } from './reception.enums.js';

/**
 * 环车检查 (R-REC-3): the walk-around sheet the customer signed, or the customer's signed refusal of it.
 * One per work order, recorded while the order is DRAFT; never changed. Without it the order cannot
 * leave DRAFT (the WALK_AROUND_REQUIRED transition guard).
 */
@Entity({ tableName: 'walk_around' })
@ObjectType({ implements: Node, description: 'The walk-around (环车检查) of a work order, or the customer’s signed refusal of it (R-REC-3).' })
export class WalkAround {
  [OptionalProps]?: 'globalId' | 'createdAt';

  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => Store, { ref: true })
  store!: Ref<Store>;

  @OneToOne(() => WorkOrder, { ref: true, owner: true, unique: true })
  workOrder!: Ref<WorkOrder>;

  @Field(() => Boolean, { description: 'The customer declined the walk-around; recorded with a reason and their signature, never skipped silently.' })
  @Property({ type: 'boolean' })
  declined!: boolean;

  @Field(() => String, { nullable: true, description: 'Why the customer declined; null when the walk-around was made.' })
  @Property({ type: 'string', length: 500, nullable: true })
  declineReason?: string | null;

  @Field(() => Int, { nullable: true, description: 'Odometer reading in km.' })
  @Property({ type: 'integer', nullable: true })
  mileage?: number | null;

  @Field(() => Int, { nullable: true, description: 'Fuel level, 0 to 100 %.' })
  @Property({ type: 'integer', nullable: true })
  fuelLevelPercent?: number | null;

  @Field(() => Boolean, { nullable: true, description: 'Protective covers fitted (四件套: seat, steering wheel, gear knob, floor mat).' })
  @Property({ type: 'boolean', nullable: true })
  coversFitted?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'The customer was reminded to take their valuables.' })
  @Property({ type: 'boolean', nullable: true })
  valuablesReminded?: boolean | null;

  @Field(() => String, { nullable: true, description: 'The interior as found.' })
  @Property({ type: 'text', nullable: true })
  interiorNotes?: string | null;

  @Field(() => String, { nullable: true, description: 'The tyres as found (tread, pressure, damage).' })
  @Property({ type: 'text', nullable: true })
  tyreNotes?: string | null;

  /** The customer's signature (a received upload of purpose SIGNATURE; resolved in the reception resolver). */
  @ManyToOne(() => Upload, { ref: true })
  signature!: Ref<Upload>;

  @Field(() => Date, { description: 'When the customer signed the sheet (or the refusal).' })
  @Property({ type: 'datetime' })
  signedAt!: Date;

  @ManyToOne(() => Staff, { ref: true, nullable: true })
  recordedBy?: Ref<Staff> | null;

  @OneToMany(() => WalkAroundDamage, (d) => d.walkAround, { orderBy: { position: 'asc' } })
  damages = new Collection<WalkAroundDamage>(this);

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Field(() => ID, { name: 'id', description: 'Global id (Relay node id).' })
  get globalId(): string {
    return toGlobalId('WalkAround', this.id);
  }
}

/** One damage found on the walk-around: where, what, how big, with its photos (R-REC-3). */
@Entity({ tableName: 'walk_around_damage' })
@ObjectType({ description: 'A damage recorded on the walk-around: where, what kind, how big, photos (R-REC-3).' })
export class WalkAroundDamage {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => WalkAround, { ref: true })
  walkAround!: Ref<WalkAround>;

  /** Order on the sheet. */
  @Property({ type: 'integer' })
  position!: number;

  @Field(() => DamageArea, { description: 'Where on the car.' })
  @Enum({ items: () => DamageArea })
  area!: DamageArea;

  @Field(() => DamageKind, { description: 'What kind of damage.' })
  @Enum({ items: () => DamageKind })
  kind!: DamageKind;

  @Field(() => Float, { description: 'Its size in cm (the longest extent).' })
  @Property({ type: 'double' })
  sizeCm!: number;

  @Field(() => String, { nullable: true, description: 'A remark (where exactly, for OTHER).' })
  @Property({ type: 'string', length: 500, nullable: true })
  note?: string | null;

  /** The photos (received uploads of purpose WALK_AROUND_PHOTO). */
  @ManyToMany({ entity: () => Upload, pivotTable: 'walk_around_damage_photo', owner: true })
  photos = new Collection<Upload>(this);
}
