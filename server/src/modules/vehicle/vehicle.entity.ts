import { Entity, Enum, ManyToOne, PrimaryKey, Property, type Ref, Unique, OptionalProps } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Node } from '../../graphql/node.js';
import { toGlobalId } from '../../graphql/global-id.js';
import { Customer } from '../customer/customer.entity.js';
import { Staff } from '../staff/staff.entity.js';
import { Store } from '../store/store.entity.js';
import { VehicleUsage } from './vehicle.enums.js';

/** R-ARC-2. VIN and plate are validated and normalised before they get here. */
@Entity({ tableName: 'vehicle' })
@Unique({ properties: ['store', 'vin'] })
// Issue 9 §6: a plate belongs to one active vehicle of the store.
@Unique({ name: 'vehicle_store_id_plate_active_unique', expression: 'create unique index "vehicle_store_id_plate_active_unique" on "vehicle" ("store_id", "plate") where "active"' })
@ObjectType({ implements: Node, description: 'A vehicle in the store archive.' })
export class Vehicle {
  [OptionalProps]?: 'globalId' | 'active' | 'createdAt' | 'version';

  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => Store, { ref: true })
  store!: Ref<Store>;

  /** Indexed alone too: a dealer group finds a vehicle's history by VIN across its stores (R-ARC-3). */
  @Property({ type: 'string', length: 17, index: true })
  vin!: string;

  @Field(() => String, { description: 'Licence plate, normalised (e.g. 京A12345).' })
  @Property({ type: 'string', length: 8, index: true })
  plate!: string;

  @Field(() => String, { nullable: true, description: 'Make (e.g. 大众).' })
  @Property({ type: 'string', length: 40, nullable: true })
  brand?: string | null;

  @Field(() => String, { description: 'Model (e.g. 朗逸).' })
  @Property({ type: 'string', length: 80 })
  model!: string;

  @Field(() => String, { nullable: true, description: 'Colour, as the customer would say it.' })
  @Property({ type: 'string', length: 20, nullable: true })
  color?: string | null;

  @Field(() => Int, { nullable: true, description: 'Last recorded odometer reading, in km.' })
  @Property({ type: 'integer', nullable: true })
  mileageKm?: number | null;

  /** False once the vehicle left the store's books (its plate may then be on another vehicle). */
  @Property({ type: 'boolean', default: true })
  active: boolean = true;

  @ManyToOne(() => Customer, { ref: true, index: true })
  owner!: Ref<Customer>;

  @ManyToOne(() => Staff, { ref: true, nullable: true })
  createdBy?: Ref<Staff> | null;

  @Field(() => String, { nullable: true, description: 'R-ARC-2: engine number (发动机号).' })
  @Property({ type: 'string', length: 30, nullable: true })
  engineNumber?: string | null;

  @Field(() => String, { nullable: true, description: 'R-ARC-2: transmission number (变速箱号).' })
  @Property({ type: 'string', length: 30, nullable: true })
  transmissionNumber?: string | null;

  @Field(() => String, { nullable: true, description: 'R-ARC-2: purchase date, YYYY-MM-DD; warranty runs from it (R-EST-5).' })
  @Property({ type: 'string', columnType: 'date', nullable: true })
  purchaseDate?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'R-ARC-2: sold by this store; null when unknown.' })
  @Property({ type: 'boolean', nullable: true })
  soldHere?: boolean | null;

  @Field(() => Int, { nullable: true, description: 'R-ARC-2: warranty term in years from the purchase date.' })
  @Property({ type: 'integer', nullable: true })
  warrantyYears?: number | null;

  @Field(() => Int, { nullable: true, description: 'R-ARC-2: warranty term in kilometres.' })
  @Property({ type: 'integer', nullable: true })
  warrantyKm?: number | null;

  @Field(() => String, { nullable: true, description: 'R-ARC-2: insurance expiry, YYYY-MM-DD (R-CARE-4).' })
  @Property({ type: 'string', columnType: 'date', nullable: true })
  insuranceExpiresOn?: string | null;

  @Field(() => String, { nullable: true, description: 'R-ARC-2: annual inspection due, YYYY-MM-DD (R-CARE-4).' })
  @Property({ type: 'string', columnType: 'date', nullable: true })
  inspectionDueOn?: string | null;

  @Field(() => VehicleUsage, { nullable: true, description: 'R-ARC-2: what the vehicle is used for.' })
  @Enum({ items: () => VehicleUsage, nullable: true })
  usage?: VehicleUsage | null;

  @Field(() => Int, { description: 'Optimistic-locking version; pass it back as expectedVersion to updateVehicle.' })
  @Property({ type: 'integer', default: 1 })
  version: number = 1;

  @Field(() => Date, { description: 'When the vehicle was registered.' })
  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Field(() => ID, { name: 'id' })
  get globalId(): string {
    return toGlobalId('Vehicle', this.id);
  }
}
