import { refusal } from '../../shared/result.js';
import { WorkOrderStatus as S } from '../work-order/work-order.enums.js';
import type { TransitionGuard } from '../work-order/work-order.process.js';
import { ReceptionError as E } from './reception.errors.js';
import { WalkAround } from './walk-around.entity.js';

/**
 * R-REC-3: a work order leaves DRAFT (other than to CANCELLED) only with its walk-around recorded, or
 * the customer's signed refusal of it. Applies to every actor, the system (jobs, demo seed) included.
 */
export const walkAroundRequired: TransitionGuard = {
  name: 'reception.walk-around-required',
  applies: (from, to) => from === S.DRAFT && to !== S.CANCELLED,
  check: async ({ tx, workOrder }) => ((await tx.count(WalkAround, { workOrder: workOrder.id })) > 0 ? null : [refusal(E.WALK_AROUND_REQUIRED, ['input', 'to'])]),
};
