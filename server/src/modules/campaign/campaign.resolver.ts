import { Arg, Authorized, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import { requireStaff } from '../../graphql/auth-checker.js';
import { PAGE_ARGS, pageRequest } from '../../graphql/connection.js';
import type { Context } from '../../graphql/context.js';
import { toPayload } from '../../graphql/user-error.js';
import { Campaign } from './campaign.entity.js';
import { CAMPAIGN_ROLES } from './campaign.roles.js';
import { CampaignConnection, CreateCampaignInput, CreateCampaignPayload } from './dto/campaign.dto.js';

@Resolver(() => Campaign)
export class CampaignResolver {
  @Authorized(...CAMPAIGN_ROLES)
  @Mutation(() => CreateCampaignPayload, { description: 'R-CARE-6: plans a campaign’s messages into the outbox for its audience; customers already contacted up to the frequency cap around that time are held back (SUPPRESSED).' })
  async createCampaign(@Arg('input', () => CreateCampaignInput, { description: 'The campaign.' }) input: CreateCampaignInput, @Ctx() ctx: Context): Promise<CreateCampaignPayload> {
    return Object.assign(new CreateCampaignPayload(), toPayload(ctx.locale, 'campaign', await ctx.services.campaigns.create(ctx.em, requireStaff(ctx), input)));
  }

  @Authorized(...CAMPAIGN_ROLES)
  @Query(() => CampaignConnection, { description: 'The store’s campaigns, newest first.' })
  campaigns(
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true, description: PAGE_ARGS.first }) first?: number,
    @Arg('after', () => String, { nullable: true, description: PAGE_ARGS.after }) after?: string,
    @Arg('last', () => Int, { nullable: true, description: PAGE_ARGS.last }) last?: number,
    @Arg('before', () => String, { nullable: true, description: PAGE_ARGS.before }) before?: string,
  ) {
    return ctx.services.campaigns.list(ctx.em, requireStaff(ctx).storeId, pageRequest(first, after, last, before));
  }
}
