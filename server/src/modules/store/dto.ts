import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { UserError } from '../../graphql/user-error.js';
import { Store } from './store.entity.js';

@InputType({ description: 'Per-store settings (DOMAIN.md: every number in a rule is a store setting with that default).' })
export class UpdateStoreSettingsInput {
  @Field(() => Int, { nullable: true, description: '5–240 minutes (default 30).' })
  staleAfterMinutes?: number | null;

  @Field(() => Int, { nullable: true, description: '1–720 hours (default 72); applies to orders delivered or cancelled from now on.' })
  trackingLinkTtlHours?: number | null;

  @Field(() => Int, { description: 'The settingsVersion you saw (R-WO-8 style optimistic lock).' })
  expectedSettingsVersion!: number;
}

@ObjectType({ description: 'The store with its new settings, or why not.' })
export class UpdateStoreSettingsPayload {
  @Field(() => Store, { nullable: true, description: 'The store as it is now; null when refused.' })
  store?: Store | null;

  @Field(() => [UserError])
  userErrors: UserError[] = [];
}
