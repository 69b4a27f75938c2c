import { Field, InputType, Int } from 'type-graphql';

@InputType({ description: "The store's name, phone, address and time zone; omitted fields stay as they are." })
export class UpdateStoreProfileInput {
  @Field(() => String, { nullable: true, description: 'Name of the store (at most 100 characters).' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'Phone customers call; an empty string removes it.' })
  phone?: string | null;

  @Field(() => String, { nullable: true, description: 'Street address (at most 200 characters); an empty string removes it.' })
  address?: string | null;

  @Field(() => String, { nullable: true, description: 'IANA time zone, e.g. Asia/Shanghai or Asia/Urumqi.' })
  timezone?: string | null;

  @Field(() => Int, { description: 'The settingsVersion you saw (optimistic lock shared with updateStoreSettings).' })
  expectedSettingsVersion!: number;
}
