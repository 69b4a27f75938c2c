import { Arg, Authorized, Ctx, FieldResolver, Float, Mutation, Resolver, Root } from 'type-graphql';
import { requireStaff } from '../../graphql/auth-checker.js';
import type { Context } from '../../graphql/context.js';
import { toPayload } from '../../graphql/user-error.js';
import { loaded } from '../../db/loaded.js';
import { Role } from '../staff/roles.js';
import { Staff } from '../staff/staff.entity.js';
import { WorkOrderPayload } from '../work-order/dto/work-order.payload.js';
import { Job } from '../work-order/job.entity.js';
import { WorkOrder } from '../work-order/work-order.entity.js';
import { ClockJobInput, ClockJobPayload, ReportProgressInput } from './dto/job-clock.dto.js';
import { JobClocking, ProgressNote } from './job-clock.entity.js';
import { PROGRESS_ROLES } from './job-clock.service.js';

@Resolver(() => JobClocking)
export class JobClockingResolver {
  @Authorized(Role.TECHNICIAN)
  @Mutation(() => ClockJobPayload, { description: 'R-WO-4: an assigned technician clocks on or off a job (开工/收工). One open clocking per technician; ON the first job of a QUEUED order starts it (→ IN_PROGRESS); OFF with finished marks the job DONE.' })
  async clockJob(@Arg('input', () => ClockJobInput, { description: 'What to do; see the input type.' }) input: ClockJobInput, @Ctx() ctx: Context): Promise<ClockJobPayload> {
    return toPayload(ctx.locale, 'job', await ctx.services.jobClock.clock(ctx.em, requireStaff(ctx), input));
  }

  @Authorized(...PROGRESS_ROLES)
  @Mutation(() => WorkOrderPayload, { description: 'R-WO-6: reports progress (a note and a percentage) on a work order in the workshop: assigned technicians, team leaders, the foreman. Restarts the card’s STALE timer; shows on the wall and the customer page.' })
  async reportProgress(@Arg('input', () => ReportProgressInput, { description: 'What to do; see the input type.' }) input: ReportProgressInput, @Ctx() ctx: Context) {
    return toPayload(ctx.locale, 'workOrder', await ctx.services.jobClock.reportProgress(ctx.em, requireStaff(ctx), input));
  }

  @FieldResolver(() => Staff, { description: 'Who clocked.' })
  technician(@Root() c: JobClocking) {
    return loaded(c.technician);
  }
}

/** The clock's fields on the job (R-WO-4), resolved here so the work-order module stays unaware of clockings. */
@Resolver(() => Job)
export class JobClockFieldsResolver {
  @FieldResolver(() => [JobClocking], { description: 'R-WO-4: every clocking on this job, oldest first (施工记录).' })
  clockings(@Root() job: Job, @Ctx() ctx: Context) {
    return ctx.services.jobClock.clockingsOf(ctx.em, job.id);
  }

  @FieldResolver(() => Float, { description: 'R-WO-4: hours actually worked on this job by now, every technician’s clockings summed, open ones running to now (2 decimals).' })
  actualHours(@Root() job: Job, @Ctx() ctx: Context): number {
    return ctx.services.jobClock.actualHours(job);
  }
}

/** Progress notes on the work order (R-WO-6). */
@Resolver(() => WorkOrder)
export class WorkOrderProgressNotesResolver {
  @Authorized()
  @FieldResolver(() => [ProgressNote], { description: 'R-WO-6: the progress notes, oldest first.' })
  progressNotes(@Root() wo: WorkOrder, @Ctx() ctx: Context) {
    return ctx.services.jobClock.notesOf(ctx.em, wo.id);
  }

  @Authorized()
  @FieldResolver(() => String, { nullable: true, description: 'R-WO-6: the latest progress note; null before the first.' })
  lastProgressNote(@Root() wo: WorkOrder): string | null {
    return wo.lastProgressNote ?? null;
  }
}

@Resolver(() => ProgressNote)
export class ProgressNoteResolver {
  @FieldResolver(() => Staff, { description: 'Who reported it.' })
  by(@Root() n: ProgressNote) {
    return loaded(n.by);
  }
}
