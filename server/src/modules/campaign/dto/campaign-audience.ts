import { Field, InputType, ObjectType } from 'type-graphql';
import { ValueClass } from '../../customer/customer-type.js';
import { VehicleAgeClass } from '../../segmentation/segmentation.enums.js';

@ObjectType({ description: 'Whom a campaign is for: every condition given must hold (empty lists: any).' })
export class CampaignAudience {
  @Field(() => [ValueClass], { description: 'Value classes (R-SEG-3).' })
  valueClass: ValueClass[] = [];

  @Field(() => [VehicleAgeClass], { description: 'Vehicle-age classes (R-SEG-1).' })
  vehicleAgeClass: VehicleAgeClass[] = [];

  @Field(() => String, { nullable: true, description: 'Only customers whose last visit was before this day (YYYY-MM-DD, store time zone); customers who never came are left out.' })
  lastVisitBefore?: string | null;
}

@InputType({ description: 'Whom a campaign is for: every condition given must hold.' })
export class CampaignAudienceInput {
  @Field(() => [ValueClass], { nullable: true, description: 'Value classes (R-SEG-3); any when empty.' })
  valueClass?: ValueClass[] | null;

  @Field(() => [VehicleAgeClass], { nullable: true, description: 'Vehicle-age classes (R-SEG-1); any when empty.' })
  vehicleAgeClass?: VehicleAgeClass[] | null;

  @Field(() => String, { nullable: true, description: 'Only customers whose last visit was before this day (YYYY-MM-DD, store time zone).' })
  lastVisitBefore?: string | null;
}
