import type { TFunction } from 'i18next';
import { UNITS } from '../../shared/inventory/catalogue';
import { isolate } from '../../shared/slips/bidi';

/**
 * A unit in the reader's language when this version has a word for it; else exactly as the
 * item's hub wrote it ("crate", from a newer version), isolated so that a Latin word inside
 * Arabic text (or the other way round) keeps its place beside the number.
 */
export function unitLabel(unit: string, t: TFunction): string {
  return (UNITS as readonly string[]).includes(unit) ? t(`inventory:units.${unit}`) : isolate(unit);
}
