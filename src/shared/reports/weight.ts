import { z } from 'zod';

/** Weights are kept in whole grams; a site reads them in its unit. */
export const WeightUnit = z.enum(['kg', 'lb']);
export type WeightUnit = z.infer<typeof WeightUnit>;

export const GRAMS_PER: Record<WeightUnit, number> = { kg: 1000, lb: 453.59237 };

/** The heaviest one receipt may weigh (a full truck), the heaviest one unit of an item. */
export const MAX_RECEIPT_GRAMS = 20_000_000;
export const MAX_UNIT_GRAMS = 1_000_000;

export function toGrams(amount: number, unit: WeightUnit): number {
  return Math.round(amount * GRAMS_PER[unit]);
}

export function fromGrams(grams: number, unit: WeightUnit): number {
  return grams / GRAMS_PER[unit];
}

/** "12.4 kg (27.3 lb)": the site's unit first, the other beside it. */
export function formatWeight(grams: number, unit: WeightUnit, locale: string): string {
  const other: WeightUnit = unit === 'kg' ? 'lb' : 'kg';
  const f = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  return `${f.format(fromGrams(grams, unit))} ${unit} (${f.format(fromGrams(grams, other))} ${other})`;
}

/** The food bank's usual weight categories; a site adds its own beside them (weight_categories). */
export const BUILT_IN_WEIGHT_CATEGORIES = ['produce', 'dairy', 'protein', 'bakery', 'dry', 'frozen', 'beverages', 'non_food'] as const;

/** Bulk and produce counted in kg or lb are received by weight: a volunteer types what the scale says. */
export function isWeighedUnit(unit: string): unit is WeightUnit {
  return unit === 'kg' || unit === 'lb';
}

/**
 * The whole units of a weighed item a scale reading puts on the shelf (stock is counted in whole
 * units; the exact grams stay on the receipt). Never less than one: something was weighed.
 */
export function unitsForGrams(grams: number, unit: WeightUnit): number {
  return Math.max(1, Math.round(fromGrams(grams, unit)));
}
