import type { EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from '../../shared/actor.js';
import type { Refusal, Result } from '../../shared/result.js';
import type { Appointment } from './appointment.entity.js';

/** A part a booking asks for (R-APT-2). */
export interface BookedPart {
  partNumber: string;
  quantity: number;
}

/** R-APT-5: what was short, as the parts department reports it. */
export interface PartsShortage {
  partId: number;
  partNumber: string;
  name: string;
  quantity: number;
  available: number;
  missing: number;
}

/**
 * R-APT-4/5: what booking asks of the parts department. The parts module implements it; the
 * appointment module only calls it (wired in index.ts through the service registry).
 */
export interface AppointmentParts {
  /** Inside the booking's transaction, once the appointment exists: hold the parts (facts), or refuse (with what is short). */
  reserve(tx: EntityManager, actor: Actor, appointment: Appointment, parts: readonly BookedPart[], vehicleModel: string): Promise<{ refusals: Refusal[]; shortages: PartsShortage[] } | null>;
  /** After a booking refused for a shortage, in the follow-up's transaction: the purchase requests, linked to the advisor's task. */
  requestShortage(
    tx: EntityManager,
    actor: Actor,
    shortages: readonly PartsShortage[],
    context: { customerId: number; vehicleId: number; plate: string; slotStart: Date; taskId: number },
  ): Promise<Result<object[]>>;
  /** The appointment is no longer expected (cancelled, missed): its holds go back to stock. */
  release(tx: EntityManager, actor: Actor, appointmentId: number): Promise<void>;
}
