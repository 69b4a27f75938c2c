import { WorkOrderStatus as S, type HoldReason } from './work-order.enums.js';
import type { WorkOrder } from './work-order.entity.js';

/**
 * What a permitted move does to the order (R-WO-1, R-QC-2, §14 link expiry). The one place these
 * effects live: WorkOrderService applies them after the checks, the demo seed to build histories.
 */
export function applyTransition(wo: WorkOrder, to: S, o: { at: Date; holdReason?: HoldReason | null; linkTtlHours: number }): void {
  const from = wo.status;
  wo.status = to;
  wo.statusSince = o.at;
  wo.holdReason = to === S.ON_HOLD ? (o.holdReason ?? null) : null;
  wo.heldFrom = to === S.ON_HOLD ? from : null;
  if (to === S.IN_PROGRESS) wo.startedAt ??= o.at;
  if (from === S.QUALITY_CHECK && to === S.IN_PROGRESS) wo.reworkCount += 1;
  if (to === S.DELIVERED) wo.deliveredAt = o.at;
  // The customer's link lives on for the store's TTL after delivery or cancellation.
  if (to === S.DELIVERED || to === S.CANCELLED) wo.trackingExpiresAt = new Date(o.at.getTime() + o.linkTtlHours * 3600_000);
}
