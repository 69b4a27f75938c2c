import { Arg, Authorized, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { requireStaff } from '../../graphql/auth-checker.js';
import { PAGE_ARGS, pageRequest, toConnection } from '../../graphql/connection.js';
import type { Context } from '../../graphql/context.js';
import { renderTemplate } from '../outbox/outbox.templates.js';
import { InvitationCandidate, InvitationCandidateConnection } from './dto/invitation.dto.js';
import { InvitationKind } from './invitation.enums.js';
import type { Invitation } from './invitation.service.js';
import { INVITATION_ROLES } from './invitation.roles.js';

@Resolver(() => InvitationCandidate)
export class InvitationResolver {
  @Authorized(...INVITATION_ROLES)
  @Query(() => InvitationCandidateConnection, { description: 'R-APT-7: customers to invite today — maintenance due in the coming week (or up to a month overdue) and deferred work still open, not already booked or in the workshop — soonest first, each with at least three slots to offer.' })
  async invitationCandidates(
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true, description: PAGE_ARGS.first }) first?: number,
    @Arg('after', () => String, { nullable: true, description: PAGE_ARGS.after }) after?: string,
    @Arg('last', () => Int, { nullable: true, description: PAGE_ARGS.last }) last?: number,
    @Arg('before', () => String, { nullable: true, description: PAGE_ARGS.before }) before?: string,
    @Arg('kinds', () => [InvitationKind], { nullable: true, description: 'Only these kinds; all when empty.' }) kinds?: InvitationKind[],
  ) {
    const page = pageRequest(first, after, last, before);
    const result = await ctx.services.invitations.candidates(ctx.em, requireStaff(ctx), page, kinds);
    return toConnection(result.rows.map(toCandidate), result.total, page);
  }

  @FieldResolver(() => String, { description: 'Why, in the reader’s language (how the due date was reached).' })
  reason(@Root() c: InvitationCandidate, @Ctx() ctx: Context): string {
    return renderTemplate(c.why.template, ctx.locale, c.why.variables);
  }
}

export function toCandidate(r: Invitation): InvitationCandidate {
  const { reason, ...rest } = r;
  return Object.assign(new InvitationCandidate(), { ...rest, why: reason });
}
