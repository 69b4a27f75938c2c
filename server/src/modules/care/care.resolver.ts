import { GraphQLError } from 'graphql';
import { Arg, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import { requireStaff } from '../../graphql/auth-checker.js';
import type { Context } from '../../graphql/context.js';
import { toUserError } from '../../graphql/user-error.js';
import { OUTBOX_ROLES } from '../outbox/outbox.roles.js';
import { renderTemplate } from '../outbox/outbox.templates.js';
import { CareKind } from './care.enums.js';
import { CareCalendarEntry } from './dto/care.dto.js';

@Resolver(() => CareCalendarEntry)
export class CareResolver {
  @Authorized(...OUTBOX_ROLES)
  @Query(() => [CareCalendarEntry], { description: 'R-CARE-1..5: what is due per day in [from, to] (at most 93 days; computed, the future too) and what was or will be sent for it.' })
  async careCalendar(
    @Ctx() ctx: Context,
    @Arg('from', () => String, { description: 'First day, YYYY-MM-DD (store time zone).' }) from: string,
    @Arg('to', () => String, { description: 'Last day, YYYY-MM-DD.' }) to: string,
    @Arg('kinds', () => [CareKind], { nullable: true, description: 'Only these kinds; all when empty.' }) kinds?: CareKind[],
  ): Promise<CareCalendarEntry[]> {
    const result = await ctx.services.care.calendar(ctx.em, requireStaff(ctx).storeId, from, to, kinds);
    if (!result.ok) throw new GraphQLError(toUserError(ctx.locale, result.errors[0]).message, { extensions: { code: 'BAD_USER_INPUT', field: result.errors[0].field } });
    return result.value.map((e) => Object.assign(new CareCalendarEntry(), { ...e, reason: renderTemplate(e.reason.template, ctx.locale, e.reason.variables) }));
  }
}
