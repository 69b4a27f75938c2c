import { Arg, Args, ArgsType, Authorized, Ctx, Field, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { requireStaff, viewerHasRole } from '../../graphql/auth-checker.js';
import { PAGE_ARGS, pageRequest, toConnection } from '../../graphql/connection.js';
import type { Context } from '../../graphql/context.js';
import { toPayload } from '../../graphql/user-error.js';
import { translate } from '../../i18n/messages.js';
import type { Locale } from '../../i18n/locale.js';
import { loaded } from '../../db/loaded.js';
import { Customer } from '../customer/customer.entity.js';
import { PointsEntry } from '../settlement/settlement.entity.js';
import { Role } from '../staff/roles.js';
import { Staff } from '../staff/staff.entity.js';
import { AwardPointsInput, AwardPointsPayload, ChurnRiskConnection, ChurnRiskEntry, ChurnRiskSummary, CustomerSegmentView, SegmentationSettingsPayload, UpdateSegmentationSettingsInput } from './segmentation.dto.js';
import { SegmentationSettings } from './segmentation.entity.js';
import { ChurnRiskLevel } from './segmentation.enums.js';
import { CHURN_READERS, POINTS_AWARDERS, SEGMENT_READERS } from './segmentation.roles.js';
import type { Reason, Segment } from './segmentation.rules.js';

const say = (locale: Locale, reasons: readonly Reason[]) => reasons.map((r) => translate(locale, r.code, r.params));

@ArgsType()
class ChurnRiskArgs {
  @Field(() => Int, { nullable: true, description: PAGE_ARGS.first })
  first?: number | null;

  @Field(() => String, { nullable: true, description: PAGE_ARGS.after })
  after?: string | null;

  @Field(() => Int, { nullable: true, description: PAGE_ARGS.last })
  last?: number | null;

  @Field(() => String, { nullable: true, description: PAGE_ARGS.before })
  before?: string | null;

  @Field(() => [ChurnRiskLevel], { nullable: true, description: 'Only these levels (default: every level).' })
  levels?: ChurnRiskLevel[] | null;
}

/** `Customer.segment` (R-SEG-1..4), the churn-risk list (R-SEG-4) and behaviour points (R-SEG-5). */
@Resolver(() => Customer)
export class CustomerSegmentResolver {
  @FieldResolver(() => CustomerSegmentView, {
    nullable: true,
    description: 'R-SEG-1..4: value class with its reasons, vehicle-age class, usage, tags and churn risk, computed from the history. Null for roles that do not deal with customers.',
  })
  async segment(@Root() customer: Customer, @Ctx() ctx: Context): Promise<CustomerSegmentView | null> {
    if (!viewerHasRole(ctx, SEGMENT_READERS)) return null;
    const s = await ctx.services.segmentation.segmentOf(ctx.em, customer);
    return s ? view(s, ctx.locale, viewerHasRole(ctx, CHURN_READERS)) : null;
  }

  @Authorized(...POINTS_AWARDERS)
  @Mutation(() => AwardPointsPayload, { description: 'R-SEG-5: behaviour points (check-in, sharing…) into the customer’s points ledger, within the store’s daily cap (POINTS_DAILY_CAP_REACHED).' })
  async awardPoints(@Arg('input', () => AwardPointsInput, { description: 'Who, how many and why.' }) input: AwardPointsInput, @Ctx() ctx: Context): Promise<AwardPointsPayload> {
    return Object.assign(new AwardPointsPayload(), toPayload(ctx.locale, 'customer', await ctx.services.segmentation.awardPoints(ctx.em, requireStaff(ctx), input)));
  }
}

@Resolver()
export class ChurnRiskResolver {
  @Authorized(...CHURN_READERS)
  @Query(() => ChurnRiskConnection, { description: 'R-SEG-4: the store’s customers at risk of being lost, with the reason, by customer.' })
  async churnRisk(@Args(() => ChurnRiskArgs) args: ChurnRiskArgs, @Ctx() ctx: Context) {
    const page = pageRequest(args.first, args.after, args.last, args.before);
    const { items, total } = await ctx.services.segmentation.churnRisk(ctx.em, requireStaff(ctx).storeId, page, args.levels);
    return toConnection(items, total, page);
  }
}

@Resolver(() => ChurnRiskEntry)
export class ChurnRiskEntryResolver {
  @FieldResolver(() => String, { description: 'The most serious reason, in the requested language (e.g. 近 8 个月未到店).' })
  reason(@Root() entry: ChurnRiskEntry, @Ctx() ctx: Context): string {
    return say(ctx.locale, entry.reasonList)[0] ?? '';
  }

  @FieldResolver(() => [String], { description: 'Every reason, the most serious first, in the requested language.' })
  reasons(@Root() entry: ChurnRiskEntry, @Ctx() ctx: Context): string[] {
    return say(ctx.locale, entry.reasonList);
  }
}

@Resolver(() => SegmentationSettings)
export class SegmentationSettingsResolver {
  @Authorized(Role.SERVICE_MANAGER, Role.SERVICE_ADVISOR, Role.CUSTOMER_SERVICE)
  @Query(() => SegmentationSettings, { description: 'R-SEG-1..5: the store’s segmentation thresholds and the behaviour-points cap.' })
  segmentationSettings(@Ctx() ctx: Context): Promise<SegmentationSettings> {
    return ctx.services.segmentation.settings(ctx.em, requireStaff(ctx).storeId);
  }

  @Authorized(Role.SERVICE_MANAGER)
  @Mutation(() => SegmentationSettingsPayload, { description: 'R-SEG-1..5: changes the thresholds (managers; optimistic lock); every customer is recomputed right after, on the job queue.' })
  async updateSegmentationSettings(@Arg('input', () => UpdateSegmentationSettingsInput, { description: 'What to change.' }) input: UpdateSegmentationSettingsInput, @Ctx() ctx: Context): Promise<SegmentationSettingsPayload> {
    return Object.assign(new SegmentationSettingsPayload(), toPayload(ctx.locale, 'settings', await ctx.services.segmentation.updateSettings(ctx.em, requireStaff(ctx), input)));
  }
}

/** R-SEG-5: who recorded a ledger entry (every entry keeps its actor). */
@Resolver(() => PointsEntry)
export class PointsEntryActorResolver {
  @FieldResolver(() => Staff, { nullable: true, description: 'Who recorded it; null when the system did.' })
  recordedBy(@Root() entry: PointsEntry) {
    return entry.recordedBy ? loaded(entry.recordedBy) : null;
  }
}

function view(s: Segment, locale: Locale, withChurn: boolean): CustomerSegmentView {
  const churn = withChurn && s.churn ? Object.assign(new ChurnRiskSummary(), { level: s.churn.level, reason: say(locale, s.churn.reasons)[0] ?? '', reasons: say(locale, s.churn.reasons) }) : null;
  return Object.assign(new CustomerSegmentView(), {
    valueClass: s.valueClass,
    reasons: say(locale, s.reasons),
    vehicleAgeClass: s.vehicleAgeClass,
    usage: s.usage,
    tags: s.tags.map((t) => translate(locale, `SEG_TAG_${t}`)),
    tagCodes: s.tags,
    churnRisk: churn,
    lastVisitAt: s.lastVisitAt,
  });
}
