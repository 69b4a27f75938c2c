import { refusal } from '../../shared/result.js';
import { ASSIGNABLE, type TransitionGuard } from '../work-order/work-order.process.js';
import { WorkOrderStatus } from '../work-order/work-order.enums.js';
import { Bay } from './bay.entity.js';
import { StoreSetupError as E } from './store-setup.errors.js';

/**
 * Work does not start in a bay taken out of service. Deactivating a bay refuses while a car is IN_PROGRESS
 * on it (BayService.setActive); this guard closes the other side: an order assigned to it earlier cannot
 * start there. Both run under the store lock, so one of the two always sees the other. It applies where the
 * foreman can still reassign the order (a QC rework returns the car to the bay it just left).
 */
export const bayInServiceGuard: TransitionGuard = {
  name: 'store.bay-in-service',
  applies: (from, to) => to === WorkOrderStatus.IN_PROGRESS && ASSIGNABLE.includes(from),
  async check({ tx, workOrder }) {
    if (!workOrder.bay) return null;
    const bay = await tx.findOne(Bay, workOrder.bay.id, { refresh: true });
    return bay && !bay.active ? [refusal(E.BAY_INACTIVE, ['input', 'to'], { bay: bay.name })] : null;
  },
};
