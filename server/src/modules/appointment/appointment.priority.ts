import type { EntityManager } from '@mikro-orm/postgresql';

/** R-SEG-3: what the appointment module asks the segmentation module (A-class customers get first pick). */
export interface AppointmentPriority {
  /** Whether this customer of the store may take same-day slots ahead of the others. */
  sameDayPriority(em: EntityManager, storeId: number, customerId: number): Promise<boolean>;
}
