import { Arg, Authorized, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { requireStaff } from '../../graphql/auth-checker.js';
import { PAGE_ARGS, pageRequest } from '../../graphql/connection.js';
import type { Context } from '../../graphql/context.js';
import { toPayload, toUserError } from '../../graphql/user-error.js';
import { Role } from '../staff/roles.js';
import { FollowUpSettings } from './follow-up-settings.entity.js';
import { Complaint } from '../complaint/complaint.entity.js';
import { Customer } from '../customer/customer.entity.js';
import { Staff } from '../staff/staff.entity.js';
import { WorkOrder } from '../work-order/work-order.entity.js';
import { FollowUpAttempt, FollowUpTask, Survey } from './follow-up.entity.js';
import { FollowUpStatus } from './follow-up.enums.js';
import { FOLLOW_UP_ROLES } from './follow-up.roles.js';
import { AnswerSurveyByLinkInput, AnswerSurveyByLinkPayload, CompleteFollowUpInput, CompleteFollowUpPayload, FollowUpFilter, FollowUpSettingsPayload, ProgressSurvey, TaskConnection, UpdateFollowUpSettingsInput } from './dto/follow-up.dto.js';
import { WorkOrderProgress } from '../tracking/progress.types.js';
import { WorkOrderStatus } from '../work-order/work-order.enums.js';
import { refusal } from '../../shared/result.js';

@Resolver(() => FollowUpTask)
export class FollowUpResolver {
  @Authorized(...FOLLOW_UP_ROLES)
  @Query(() => TaskConnection, { description: 'R-FU-1/4: follow-up calls of your store (callbacks, tracking calls…).' })
  followUpTasks(
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true, description: PAGE_ARGS.first }) first?: number,
    @Arg('after', () => String, { nullable: true, description: PAGE_ARGS.after }) after?: string,
    @Arg('last', () => Int, { nullable: true, description: PAGE_ARGS.last }) last?: number,
    @Arg('before', () => String, { nullable: true, description: PAGE_ARGS.before }) before?: string,
    @Arg('filter', () => FollowUpFilter, { nullable: true, description: 'Narrows the list.' }) filter?: FollowUpFilter,
  ) {
    return ctx.services.followUps.list(ctx.em, requireStaff(ctx), pageRequest(first, after, last, before), filter);
  }

  @Authorized(...FOLLOW_UP_ROLES)
  @Mutation(() => CompleteFollowUpPayload, { description: 'R-FU-1/2: logs a call (outcome, channel, notes) and, when the customer was reached, their survey.' })
  async completeFollowUp(@Arg('input', () => CompleteFollowUpInput, { description: 'The call.' }) input: CompleteFollowUpInput, @Ctx() ctx: Context): Promise<CompleteFollowUpPayload> {
    const result = await ctx.services.followUps.complete(ctx.em, requireStaff(ctx), input);
    const payload = new CompleteFollowUpPayload();
    if (result.ok) Object.assign(payload, { task: result.value.task, survey: result.value.survey });
    else payload.userErrors = result.errors.map((e) => toUserError(ctx.locale, e));
    return payload;
  }

  @FieldResolver(() => FollowUpStatus, { description: 'Where it stands (OVERDUE: open past its due time).' })
  status(@Root() task: FollowUpTask, @Ctx() ctx: Context): FollowUpStatus {
    return ctx.services.followUps.statusOf(task);
  }

  @FieldResolver(() => Customer, { description: 'The customer to call.' })
  customer(@Root() task: FollowUpTask) {
    return task.customer.load();
  }

  @FieldResolver(() => WorkOrder, { nullable: true, description: 'The visit it follows.' })
  workOrder(@Root() task: FollowUpTask) {
    return task.workOrder ? task.workOrder.load() : null;
  }

  @FieldResolver(() => Complaint, { nullable: true, description: 'R-FU-3: the resolved complaint a COMPLAINT_RECALL confirms with the customer.' })
  complaint(@Root() task: FollowUpTask) {
    return task.complaint ? task.complaint.load() : null;
  }

  @FieldResolver(() => Staff, { nullable: true, description: 'Who it is assigned to (null: customer service’s common list).' })
  assignee(@Root() task: FollowUpTask) {
    return task.assignee ? task.assignee.load() : null;
  }

  @FieldResolver(() => [FollowUpAttempt], { description: 'Every attempt, oldest first.' })
  attempts(@Root() task: FollowUpTask) {
    return task.attempts.load();
  }
}

@Resolver(() => FollowUpAttempt)
export class FollowUpAttemptResolver {
  @FieldResolver(() => Staff, { description: 'Who called.' })
  by(@Root() attempt: FollowUpAttempt) {
    return attempt.by.load();
  }
}

@Resolver(() => Survey)
export class SurveyResolver {
  @FieldResolver(() => WorkOrder, { description: 'The visit rated.' })
  workOrder(@Root() survey: Survey) {
    return survey.workOrder.load();
  }
}

@Resolver(() => WorkOrderProgress)
export class ProgressSurveyResolver {
  @FieldResolver(() => ProgressSurvey, { nullable: true, description: 'R-FU-2: after delivery, the survey of this visit (answer it with answerSurveyByLink); null before.' })
  async survey(@Root() p: WorkOrderProgress, @Ctx() ctx: Context): Promise<ProgressSurvey | null> {
    if (p.status !== WorkOrderStatus.DELIVERED) return null;
    const s = await ctx.services.followUps.surveyOf(ctx.em, p.workOrderId);
    return { answered: !!s, attitude: s?.attitude ?? null, quality: s?.quality ?? null, priceTransparency: s?.priceTransparency ?? null };
  }

  @Mutation(() => AnswerSurveyByLinkPayload, { description: 'R-FU-2: the customer rates the delivered visit on their progress page, once, while the link lives (no login; the token is the credential).' })
  async answerSurveyByLink(@Arg('input', () => AnswerSurveyByLinkInput, { description: 'The rating and the customer’s token.' }) input: AnswerSurveyByLinkInput, @Ctx() ctx: Context): Promise<AnswerSurveyByLinkPayload> {
    if (!ctx.viewer) await ctx.services.trackingRateLimit.consume(ctx.clientAddress);
    const wo = await ctx.services.tracking.findByToken(ctx.em, input.token);
    // Unknown and expired links look the same as an order not yet delivered.
    if (!wo) return Object.assign(new AnswerSurveyByLinkPayload(), { progress: null, userErrors: [toUserError(ctx.locale, refusal('SURVEY_NOT_OPEN', ['input', 'token']))] });
    const result = await ctx.services.followUps.answerByLink(ctx.em, { kind: 'customer', workOrderId: wo.id, storeId: wo.store.id }, input);
    if (!result.ok) return Object.assign(new AnswerSurveyByLinkPayload(), { progress: null, userErrors: result.errors.map((e) => toUserError(ctx.locale, e)) });
    return Object.assign(new AnswerSurveyByLinkPayload(), { progress: await ctx.services.tracking.progress(ctx.em.fork(), input.token, ctx.locale), userErrors: [] });
  }
}

@Resolver(() => FollowUpSettings)
export class FollowUpSettingsResolver {
  @Authorized(...FOLLOW_UP_ROLES)
  @Query(() => FollowUpSettings, { description: 'R-FU-1: the follow-up timings of your store.' })
  followUpSettings(@Ctx() ctx: Context) {
    return ctx.services.followUps.settings(ctx.em, requireStaff(ctx).storeId);
  }

  @Authorized(Role.SERVICE_MANAGER)
  @Mutation(() => FollowUpSettingsPayload, { description: 'R-FU-1: sets the callback deadline after delivery (managers; optimistic lock).' })
  async updateFollowUpSettings(@Arg('input', () => UpdateFollowUpSettingsInput, { description: 'The timings.' }) input: UpdateFollowUpSettingsInput, @Ctx() ctx: Context): Promise<FollowUpSettingsPayload> {
    return toPayload(ctx.locale, 'settings', await ctx.services.followUps.updateSettings(ctx.em, requireStaff(ctx), input));
  }
}
