import { AppError } from '../errors';
import type { CoreContext } from '../context';
import { isWeighedUnit, MAX_RECEIPT_GRAMS, unitsForGrams } from '../../shared/reports/weight';

/** The most in-kind value one receipt may claim (a typo of many zeros is refused, not recorded). */
export const MAX_VALUE_CENTS = 100_000_000;

/**
 * What a receipt may carry beside its quantity: what the scale said, who gave it, what it is
 * worth. Checked before anything is written; each refusal names its field.
 */
export function checkReceiptExtras(
  ctx: Pick<CoreContext, 'db'>,
  r: { weightG?: number | null; donorId?: string | null; valueCents?: number | null },
): void {
  if (r.weightG != null && (r.weightG < 0 || r.weightG > MAX_RECEIPT_GRAMS)) {
    throw new AppError('month.bad_weight', 'weight out of range', { field: 'weight', max: MAX_RECEIPT_GRAMS / 1000 });
  }
  if (r.valueCents != null && (r.valueCents < 0 || r.valueCents > MAX_VALUE_CENTS)) {
    throw new AppError('month.bad_value', 'value out of range', { field: 'value', max: MAX_VALUE_CENTS / 100 });
  }
  if (r.donorId != null && !ctx.db.prepare('SELECT 1 FROM donors WHERE id = ? AND removed_at IS NULL').get(r.donorId)) {
    throw new AppError('month.donor_not_found', `no donor ${r.donorId}`, { field: 'donor' });
  }
}

/**
 * The units a receipt puts on the shelf: as counted, or, for an item counted in kg or lb received
 * by weight, what the scale said in the item's unit. A weighed receipt must weigh something.
 */
export function receiptQty(ctx: Pick<CoreContext, 'db'>, r: { itemId: string; qty?: number | null; weightG?: number | null }): number {
  if (r.qty != null) return r.qty;
  const unit = (ctx.db.prepare('SELECT unit FROM items WHERE id = ?').pluck().get(r.itemId) as string | undefined) ?? '';
  if (!isWeighedUnit(unit)) throw new AppError('inventory.bad_qty', 'a counted item needs a quantity', { field: 'qty' });
  if (r.weightG == null || r.weightG < 1) {
    throw new AppError('month.bad_weight', 'a weighed receipt needs its weight', { field: 'weight', max: MAX_RECEIPT_GRAMS / 1000 });
  }
  return unitsForGrams(r.weightG, unit);
}
