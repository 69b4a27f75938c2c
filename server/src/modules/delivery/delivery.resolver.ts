import { Arg, Authorized, Ctx, Field, FieldResolver, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import { requireStaff } from '../../graphql/auth-checker.js';
import type { Context } from '../../graphql/context.js';
import { toPayload, UserError } from '../../graphql/user-error.js';
import { loaded } from '../../db/loaded.js';
import { Staff } from '../staff/staff.entity.js';
import { WorkOrder } from '../work-order/work-order.entity.js';
import { CorrectDeliveryInput, RecordDeliveryInput } from './dto/delivery.dto.js';
import { Delivery, DeliveryCorrection } from './delivery.entity.js';
import { CORRECTION_DAYS, DELIVERY_ROLES } from './delivery.service.js';

@ObjectType({ description: 'The delivery record and the work order after it, or why not.' })
export class RecordDeliveryPayload {
  @Field(() => Delivery, { nullable: true, description: 'The delivery record; null when refused.' })
  delivery?: Delivery | null;

  @Field(() => WorkOrder, { nullable: true, description: 'The work order as it is now; null when refused.' })
  workOrder?: WorkOrder | null;

  @Field(() => [UserError], { description: 'Why nothing was recorded; empty on success.' })
  userErrors: UserError[] = [];
}

@Resolver(() => Delivery)
export class DeliveryResolver {
  @Authorized(...DELIVERY_ROLES)
  @Mutation(() => RecordDeliveryPayload, { description: 'R-DEL-1/2/4: records the delivery (交车) of a READY work order — mileage out, interior cleaned, belongings returned, old parts offered, the explanation, advice and the next service; once per order. The order can then be DELIVERED (with a settlement).' })
  async recordDelivery(@Arg('input', () => RecordDeliveryInput, { description: 'What to do; see the input type.' }) input: RecordDeliveryInput, @Ctx() ctx: Context): Promise<RecordDeliveryPayload> {
    const result = await ctx.services.deliveries.record(ctx.em, requireStaff(ctx), input);
    return Object.assign(new RecordDeliveryPayload(), toPayload(ctx.locale, 'delivery', result), { workOrder: result.ok ? await loaded(result.value.workOrder) : null });
  }

  @Authorized(...DELIVERY_ROLES)
  @Mutation(() => RecordDeliveryPayload, {
    description: `Corrects a delivery record within ${CORRECTION_DAYS} days of recording it (advisors, managers): mileage out, next service date and mileage, advice; with the reason and the record's version. The hand-over checks and the explanation stay as recorded. Each correction is kept (Delivery.corrections).`,
  })
  async correctDelivery(@Arg('input', () => CorrectDeliveryInput, { description: 'What to do; see the input type.' }) input: CorrectDeliveryInput, @Ctx() ctx: Context): Promise<RecordDeliveryPayload> {
    const result = await ctx.services.deliveries.correct(ctx.em, requireStaff(ctx), input);
    return Object.assign(new RecordDeliveryPayload(), toPayload(ctx.locale, 'delivery', result), { workOrder: result.ok ? await loaded(result.value.workOrder) : null });
  }

  @FieldResolver(() => [DeliveryCorrection], { description: 'Every correction of the record, oldest first (who changed what, when, why).' })
  corrections(@Root() d: Delivery, @Ctx() ctx: Context) {
    return ctx.services.deliveries.corrections(ctx.em, d.id);
  }

  @FieldResolver(() => Staff, { nullable: true, description: 'Who recorded it; null when recorded by the system.' })
  recordedBy(@Root() d: Delivery) {
    return d.recordedBy ? loaded(d.recordedBy) : null;
  }
}

/** `WorkOrder.delivery`, resolved here so the work-order module stays unaware of deliveries. */
@Resolver(() => WorkOrder)
export class WorkOrderDeliveryResolver {
  @Authorized()
  @FieldResolver(() => Delivery, { nullable: true, description: 'R-DEL-1/2/4: the delivery record; null until recorded (the order cannot be DELIVERED without it).' })
  delivery(@Root() wo: WorkOrder, @Ctx() ctx: Context) {
    return ctx.services.deliveries.deliveryOf(ctx.em, wo.id);
  }
}

@Resolver(() => DeliveryCorrection)
export class DeliveryCorrectionResolver {
  @FieldResolver(() => Staff, { nullable: true, description: 'Who corrected it.' })
  correctedBy(@Root() c: DeliveryCorrection) {
    return c.correctedBy ? loaded(c.correctedBy) : null;
  }
}
