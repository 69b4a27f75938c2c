/** Pure rules of the parts module (R-WO-5), unit-tested in parts.rules.test.ts. */

/** A model name as compared for fit: trimmed, inner spaces collapsed, case-insensitive. */
export function normalizeModel(model: string): string {
  return model.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** R-WO-5: whether a part fits a vehicle model; a part with no listed models is universal. */
export function fits(fitsModels: readonly string[], model: string): boolean {
  if (!fitsModels.length) return true;
  const wanted = normalizeModel(model);
  return fitsModels.some((m) => normalizeModel(m) === wanted);
}

/** A part number as stored: trimmed, upper case, inner spaces removed. */
export function normalizePartNumber(partNumber: string): string {
  return partNumber.trim().replace(/\s+/g, '').toUpperCase();
}

export interface StockLevels {
  onHand: number;
  reserved: number;
}

/** The balances after a movement, or null when on hand or reserved would go negative or reserved exceed on hand. */
export function applyDeltas(s: StockLevels, onHandDelta: number, reservedDelta: number): StockLevels | null {
  const onHand = s.onHand + onHandDelta;
  const reserved = s.reserved + reservedDelta;
  if (onHand < 0 || reserved < 0 || reserved > onHand) return null;
  return { onHand, reserved };
}

/**
 * An issue of `quantity` to an order whose appointment still holds `held` units: the units held are
 * consumed first, so the order may use the available stock plus its own hold.
 */
export function issueDeltas(quantity: number, held: number): { onHandDelta: number; reservedDelta: number; fromHold: number } {
  const fromHold = Math.min(quantity, held);
  return { onHandDelta: -quantity, reservedDelta: fromHold ? -fromHold : 0, fromHold };
}

/** Whether available stock calls for a purchase request (reorderQuantity 0 turns reordering off). */
export function needsReorder(available: number, reorderPoint: number, reorderQuantity: number): boolean {
  return reorderQuantity > 0 && available <= reorderPoint;
}
