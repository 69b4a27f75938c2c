import { Arg, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { requireStaff } from '../../graphql/auth-checker.js';
import type { Context } from '../../graphql/context.js';
import { toPayload } from '../../graphql/user-error.js';
import { loaded, loadedItems } from '../../db/loaded.js';
import { Appointment, CarriedOverItem } from '../appointment/appointment.entity.js';
import { APPOINTMENT_READER_ROLES } from '../appointment/appointment.process.js';
import { Role } from '../staff/roles.js';
import { Staff } from '../staff/staff.entity.js';
import { Upload } from '../upload/upload.entity.js';
import { WorkOrderPayload } from '../work-order/dto/work-order.payload.js';
import { WorkOrder } from '../work-order/work-order.entity.js';
import { ReceiveVehicleInput } from './dto/receive-vehicle.input.js';
import { ReceptionSettingsPayload, UpdateReceptionSettingsInput } from './dto/reception-settings.dto.js';
import { Reception, ReceptionSettings } from './reception.entity.js';
import { RECEPTION_ROLES } from './reception.service.js';
import { RecordWalkAroundInput, RecordWalkAroundPayload } from './dto/walk-around.dto.js';
import { WalkAround, WalkAroundDamage } from './walk-around.entity.js';

@Resolver(() => Reception)
export class ReceptionResolver {
  @Authorized(...RECEPTION_ROLES)
  @Mutation(() => WorkOrderPayload, { description: 'R-REC-1/2/4: receives a car (接车) — booked or walk-in — and opens its work order; a booked arrival brings the appointment’s jobs and carried-over items and marks it ARRIVED, all in one transaction.' })
  async receiveVehicle(@Arg('input', () => ReceiveVehicleInput, { description: 'What to do; see the input type.' }) input: ReceiveVehicleInput, @Ctx() ctx: Context) {
    return toPayload(ctx.locale, 'workOrder', await ctx.services.reception.receive(ctx.em, requireStaff(ctx), input));
  }

  @Authorized(...RECEPTION_ROLES)
  @Mutation(() => RecordWalkAroundPayload, { description: 'R-REC-3: records the walk-around sheet the customer signed — damages with photos, interior, tyres, fuel, mileage, valuables reminder, covers — or the customer’s signed refusal; one per work order, while DRAFT.' })
  async recordWalkAround(@Arg('input', () => RecordWalkAroundInput, { description: 'What to do; see the input type.' }) input: RecordWalkAroundInput, @Ctx() ctx: Context): Promise<RecordWalkAroundPayload> {
    const result = await ctx.services.reception.recordWalkAround(ctx.em, requireStaff(ctx), input);
    return Object.assign(new RecordWalkAroundPayload(), toPayload(ctx.locale, 'walkAround', result), { workOrder: result.ok ? await loaded(result.value.workOrder) : null });
  }

  @Authorized()
  @Query(() => ReceptionSettings, { description: 'The store’s reception settings (R-REC-1).' })
  receptionSettings(@Ctx() ctx: Context) {
    return ctx.services.reception.settings(ctx.em, requireStaff(ctx).storeId);
  }

  @Authorized(Role.SERVICE_MANAGER)
  @Mutation(() => ReceptionSettingsPayload, { description: 'Changes the store’s reception settings (R-REC-1).' })
  async updateReceptionSettings(@Arg('input', () => UpdateReceptionSettingsInput, { description: 'What to do; see the input type.' }) input: UpdateReceptionSettingsInput, @Ctx() ctx: Context) {
    return toPayload(ctx.locale, 'settings', await ctx.services.reception.updateSettings(ctx.em, requireStaff(ctx), input));
  }

  @FieldResolver(() => Staff, { nullable: true, description: 'Who received the car; null when recorded by the system.' })
  receivedBy(@Root() r: Reception) {
    return r.receivedBy ? loaded(r.receivedBy) : null;
  }
}

/** The reception's fields on the work order (R-REC), resolved here so the work-order module stays unaware of reception. */
@Resolver(() => WorkOrder)
export class WorkOrderReceptionResolver {
  @Authorized()
  @FieldResolver(() => Reception, { nullable: true, description: 'How the car was received (R-REC-1/2); null for orders opened without receiveVehicle.' })
  reception(@Root() wo: WorkOrder, @Ctx() ctx: Context) {
    return ctx.services.reception.receptionOf(ctx.em, wo.id);
  }

  /** The advisor's interpretation may name people and places: staff only, like the complaint. */
  @Authorized()
  @FieldResolver(() => String, { nullable: true, description: "R-REC-4: the advisor's interpretation of the fault, kept apart from the customer's words (complaint)." })
  async advisorNotes(@Root() wo: WorkOrder, @Ctx() ctx: Context): Promise<string | null> {
    return (await ctx.services.reception.receptionOf(ctx.em, wo.id))?.advisorNotes ?? null;
  }

  @Authorized(...APPOINTMENT_READER_ROLES)
  @FieldResolver(() => Appointment, { nullable: true, description: 'The appointment the customer came for; null for walk-ins. Front desk, customer service and foreman.' })
  async appointment(@Root() wo: WorkOrder, @Ctx() ctx: Context) {
    const r = await ctx.services.reception.receptionOf(ctx.em, wo.id);
    return r?.appointment ? loaded(r.appointment) : null;
  }

  @Authorized()
  @FieldResolver(() => WalkAround, { nullable: true, description: 'R-REC-3: the walk-around, or the customer’s signed refusal; null until recorded (the order cannot leave DRAFT without it).' })
  walkAround(@Root() wo: WorkOrder, @Ctx() ctx: Context) {
    return ctx.services.reception.walkAroundOf(ctx.em, wo.id);
  }

  @Authorized()
  @FieldResolver(() => [CarriedOverItem], { description: 'R-APT-8: faults found but not repaired on earlier visits, open when the car was received, for the walk-around to raise.' })
  async carriedOver(@Root() wo: WorkOrder, @Ctx() ctx: Context) {
    const r = await ctx.services.reception.receptionOf(ctx.em, wo.id);
    return r ? loadedItems(r.carriedOverItems) : [];
  }
}

@Resolver(() => WalkAround)
export class WalkAroundResolver {
  @FieldResolver(() => [WalkAroundDamage], { description: 'Every damage found, in the order of the route; empty when declined.' })
  damages(@Root() w: WalkAround) {
    return loadedItems(w.damages);
  }

  @FieldResolver(() => Upload, { description: 'The customer’s signature on the sheet (or on the refusal).' })
  signature(@Root() w: WalkAround) {
    return loaded(w.signature);
  }

  @FieldResolver(() => WorkOrder, { description: 'The work order it belongs to.' })
  workOrder(@Root() w: WalkAround) {
    return loaded(w.workOrder);
  }

  @FieldResolver(() => Staff, { nullable: true, description: 'Who recorded it; null when recorded by the system.' })
  recordedBy(@Root() w: WalkAround) {
    return w.recordedBy ? loaded(w.recordedBy) : null;
  }
}

@Resolver(() => WalkAroundDamage)
export class WalkAroundDamageResolver {
  @FieldResolver(() => [Upload], { description: 'Photos of the damage.' })
  photos(@Root() d: WalkAroundDamage) {
    return loadedItems(d.photos);
  }
}
